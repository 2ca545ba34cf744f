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
import java.util.function.Consumer;

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
    private static final String WHAT = "the setup audit trail query";
    static final String SOQL = "SELECT CreatedDate, CreatedBy.Name, Action, Section, Display FROM SetupAuditTrail"
            + " WHERE CreatedDate = LAST_N_DAYS:180 ORDER BY CreatedDate DESC";

    private SalesforceSetupAuditTrail() {}

    /** The last 180 days of setup changes, or a trail that says why they could not be read. */
    public static ChangeTrail read(SalesforceQueries queries) {
        requireNonNull(queries, "queries is null");
        return read(sink -> queries.query(WHAT, SOQL, MAX_PAGES, sink)).changeTrail();
    }

    /**
     * As {@link #read(SalesforceQueries)} from the answer to {@link #SOQL} a composite call gave: its first page, or the
     * failure that makes the trail unavailable; at most one further page is read.
     */
    public static Reading read(SalesforceQueries queries, SalesforceComposite.Answer firstPage) {
        requireNonNull(queries, "queries is null");
        requireNonNull(firstPage, "firstPage is null");
        return read(sink -> queries.query(WHAT, firstPage.bodyOrThrow(), MAX_PAGES, sink));
    }

    /** How a composite call asks for the trail's first page. */
    public static SalesforceComposite.Read firstPage(SalesforceQueries queries) {
        return new SalesforceComposite.Read(WHAT, queries.queryUrl(SOQL));
    }

    /**
     * The trail as read, and what an incremental fetch needs to know of the reading.
     *
     * @param changeTrail the trail as snapshots hold it
     * @param everyRowRead whether every row of the 180 days was read and usable (none left on unread pages, none
     *     without a time or a description)
     */
    public record Reading(ChangeTrail changeTrail, boolean everyRowRead) {
        public Reading {
            requireNonNull(changeTrail, "changeTrail is null");
        }

        /**
         * The changes made after {@code since}, or empty when the reading cannot tell all of them: the trail is
         * unavailable, or rows were left unread and none of those read is as old as {@code since} (rows come newest
         * first, so one that old proves every later one was read).
         */
        public Optional<List<SetupChange>> changesAfter(Instant since) {
            if (!changeTrail.available()) {
                return Optional.empty();
            }
            List<SetupChange> changes = changeTrail.changes();
            boolean covered = everyRowRead || changes.stream().anyMatch(change -> !change.at().isAfter(since));
            return covered ? Optional.of(changes.stream().filter(change -> change.at().isAfter(since)).toList()) : Optional.empty();
        }
    }

    /** The pages a query reads, handing every record to the sink; returns the query's {@code totalSize}. */
    private interface Pages {
        long read(Consumer<JsonNode> sink);
    }

    private static Reading read(Pages pages) {
        List<SetupChange> changes = new ArrayList<>();
        long[] rows = {0};
        long total;
        try {
            total = pages.read(record -> {
                rows[0]++;
                change(record).ifPresent(changes::add);
            });
        } catch (L2oException e) {
            return new Reading(ChangeTrail.unavailable(SOURCE, "the org refused the SetupAuditTrail query (it needs the \"View Setup and"
                    + " Configuration\" permission): " + e.getMessage(), List.of()), false);
        }
        String source = total > changes.size()
                ? String.format(Locale.ROOT, "%s (the newest %d of %d changes of the last 180 days)", SOURCE, changes.size(), total)
                : SOURCE;
        return new Reading(ChangeTrail.of(source, changes), total == rows[0] && rows[0] == changes.size());
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
