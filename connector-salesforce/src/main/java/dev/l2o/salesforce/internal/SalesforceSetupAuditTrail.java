package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.SetupChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The org's setup audit trail: who changed its setup and when, from {@code SetupAuditTrail} (the org keeps 180
 * days). One SOQL query over REST, newest first, of which at most {@link #MAX_PAGES} pages are read: attribution
 * costs at most that many API requests per audit, and the newest changes are the ones findings are attributed to.
 * A refused query (the user lacks "View Setup and Configuration", an API limit) gives a trail that is not
 * available, with the reason; it never fails the fetch or makes the snapshot incomplete.
 */
public final class SalesforceSetupAuditTrail {
    /** What the trail is read from, as reports name it. */
    public static final String SOURCE = "Salesforce SetupAuditTrail";
    /** The API requests attribution may spend: one query and one further page. */
    public static final int MAX_PAGES = 2;
    static final String SOQL = "SELECT CreatedDate, CreatedBy.Name, Action, Section, Display FROM SetupAuditTrail"
            + " WHERE CreatedDate = LAST_N_DAYS:180 ORDER BY CreatedDate DESC";

    private SalesforceSetupAuditTrail() {}

    /** The last 180 days of setup changes, or a trail that says why they could not be read. */
    public static ChangeTrail read(SalesforceQueries queries) {
        requireNonNull(queries, "queries is null");
        List<SetupChange> changes = new ArrayList<>();
        long total;
        try {
            total = queries.query("the setup audit trail query", SOQL, MAX_PAGES, record -> change(record).ifPresent(changes::add));
        } catch (L2oException e) {
            return ChangeTrail.unavailable(SOURCE, "the org refused the SetupAuditTrail query (it needs the \"View Setup and"
                    + " Configuration\" permission): " + e.getMessage(), List.of());
        }
        String source = total > changes.size()
                ? String.format(Locale.ROOT, "%s (the newest %d of %d changes of the last 180 days)", SOURCE, changes.size(), total)
                : SOURCE;
        return ChangeTrail.of(source, changes);
    }

    private static Optional<SetupChange> change(JsonNode record) {
        Instant at = LeadHistoryCsv.parseTimestamp(record.path("CreatedDate").asText("")).orElse(null);
        String display = text(record.path("Display"));
        if (at == null || display == null) {
            return Optional.empty(); // a row without a time or a description attributes nothing
        }
        return Optional.of(new SetupChange(at, text(record.path("CreatedBy").path("Name")), text(record.path("Action")),
                text(record.path("Section")), display, null));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
