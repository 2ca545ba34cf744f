package dev.l2o.hubspot.internal;

import dev.l2o.error.L2oException;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.SetupChange;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who changed the portal's setup and when: the account activity audit log ({@code GET
 * /account-info/v3/activity/audit-logs}, Enterprise portals with scope {@value #SCOPE}, the last 180 days, at most
 * {@value #MAX_PAGES} pages), plus the {@code updatedAt} that pipelines, stages and properties carry in the
 * responses the connector reads anyway. A portal without the audit log (a lower tier, a missing scope: HTTP 403 or
 * 404) gives a trail that is not available with the reason, still with the {@code updatedAt} times; it never fails
 * the fetch or makes the snapshot incomplete.
 */
final class HubSpotChangeTrail {
    static final String SOURCE = "HubSpot account activity audit log";
    static final String SCOPE = "account-info.security.read";
    static final int MAX_PAGES = 5;

    private final List<SetupChange> updates = new ArrayList<>();

    /** Records a pipeline's and its stages' {@code updatedAt}. */
    void pipeline(Dto.Pipeline pipeline) {
        String address = "pipeline/" + pipeline.id();
        update(pipeline.updatedAt(), "Pipeline " + pipeline.label() + " last updated", address);
        if (pipeline.stages() != null) {
            for (Dto.Stage stage : pipeline.stages()) {
                update(stage.updatedAt(), "Stage " + stage.label() + " of pipeline " + pipeline.label() + " last updated",
                        address + "/stage/" + stage.id());
            }
        }
    }

    /** Records a property's {@code updatedAt}. */
    void property(String object, Dto.Property property) {
        update(property.updatedAt(), "Property " + property.label() + " of " + object + " last updated",
                "property/" + object + "/" + property.name());
    }

    private void update(String updatedAt, String display, String address) {
        Instant at = instant(updatedAt);
        if (at != null) {
            updates.add(new SetupChange(at, null, "updatedAt", null, display, ResourceRef.of(SnapshotMapper.CRM, address)));
        }
    }

    /** The audit log (HubSpot keeps 180 days) with the recorded updates, or why it is not available. */
    ChangeTrail read(HubSpotApi api) {
        List<SetupChange> changes = new ArrayList<>(updates);
        String after = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                Dto.AuditLogPage logs = api.auditLogs(after);
                if (logs.results() != null) {
                    logs.results().forEach(entry -> change(entry).ifPresent(changes::add));
                }
                after = logs.paging() == null || logs.paging().next() == null ? null : logs.paging().next().after();
                if (after == null) {
                    return ChangeTrail.of(SOURCE, changes);
                }
            }
            return ChangeTrail.of(String.format(Locale.ROOT, "%s (the first %d pages)", SOURCE, MAX_PAGES), changes);
        } catch (L2oException e) {
            return ChangeTrail.unavailable(SOURCE, "the portal does not offer its audit log to this app (it needs an Enterprise"
                    + " subscription and scope " + SCOPE + "): " + e.getMessage(), updates);
        }
    }

    private static Optional<SetupChange> change(Dto.AuditLogEntry entry) {
        Instant at = instant(entry.occurredAt());
        if (at == null) {
            return Optional.empty();
        }
        String category = entry.category() == null ? "" : entry.category();
        String target = entry.targetObjectId();
        ResourceRef subject = null;
        if (target != null && category.equals("PIPELINE")) {
            subject = ResourceRef.of(SnapshotMapper.CRM, "pipeline/" + target);
        } else if (target != null && category.startsWith("WORKFLOW")) {
            subject = ResourceRef.of(SnapshotMapper.CRM, "flow/" + target);
        } else if (target != null && category.startsWith("PROPERTY") && "DEAL".equals(entry.subCategory())) {
            subject = ResourceRef.of(SnapshotMapper.CRM, "property/" + HubSpotObjects.DEALS + "/" + target);
        }
        String display = String.join(" ", List.of(entry.action() == null ? "CHANGE" : entry.action(), category,
                entry.subCategory() == null ? "" : entry.subCategory(), target == null ? "" : target)).replaceAll(" +", " ").trim();
        String user = entry.actingUser() == null ? null : entry.actingUser().userEmail();
        return Optional.of(new SetupChange(at, user, entry.action(), category.isEmpty() ? null : category, display, subject));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a time the portal wrote oddly attributes nothing
        }
    }
}
