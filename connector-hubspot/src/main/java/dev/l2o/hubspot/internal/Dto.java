package dev.l2o.hubspot.internal;

import java.util.List;
import java.util.Map;

/**
 * HubSpot's response shapes, reduced to the fields l2o reads (unknown fields are ignored). They never leave
 * this package: the model is built from them by {@link SnapshotMapper}.
 */
final class Dto {
    private Dto() {}

    /** {@code GET /crm/v3/pipelines/{objectType}}: no paging. */
    record PipelineList(List<Pipeline> results) {}

    /** A pipeline; {@code displayOrder} ties are ordered by label (spec). */
    record Pipeline(String id, String label, Integer displayOrder, boolean archived, List<Stage> stages, String updatedAt) {}

    /** A stage; for deals {@code metadata} holds {@code probability} ("0.2") and {@code isClosed} ("true"/"false") as strings. */
    record Stage(String id, String label, Integer displayOrder, Map<String, String> metadata, boolean archived, String updatedAt) {}

    /** {@code GET /crm/v3/properties/{objectType}}: no paging. */
    record PropertyList(List<Property> results) {}

    record Property(
            String name,
            String label,
            String type,
            String fieldType,
            String groupName,
            List<Option> options,
            Boolean hubspotDefined,
            Boolean calculated,
            String calculationFormula,
            Boolean hidden,
            boolean archived,
            String updatedAt) {}

    record Option(String label, String value, Integer displayOrder, Boolean hidden) {}

    /** Cursor paging: no {@code paging} on the last page. */
    record Paging(Next next) {}

    record Next(String after, String link) {}

    /** {@code GET /crm/v3/owners}. */
    record OwnerPage(List<Owner> results, Paging paging) {}

    /** {@code id} is what records store in {@code hubspot_owner_id}; {@code userId} is what workflows name. */
    record Owner(String id, String email, String firstName, String lastName, Long userId, String type, List<Team> teams, boolean archived) {}

    record Team(String id, String name, Boolean primary) {}

    /** {@code GET /automation/v4/flows}: listings carry no actions. */
    record FlowPage(List<FlowListing> results, Paging paging) {}

    record FlowListing(String id, String name, Boolean isEnabled, String objectTypeId, String flowType) {}

    /** {@code GET /account-info/v3/activity/audit-logs}: cursor paging. */
    record AuditLogPage(List<AuditLogEntry> results, Paging paging) {}

    record AuditLogEntry(String id, String category, String subCategory, String action, String targetObjectId, String occurredAt,
            ActingUser actingUser) {}

    record ActingUser(Long userId, String userEmail) {}
}
