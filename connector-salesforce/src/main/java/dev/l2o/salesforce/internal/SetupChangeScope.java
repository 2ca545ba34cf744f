package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.SetupChange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code SetupAuditTrail} row says an incremental fetch must read again: the one place that gives the trail's
 * {@code Section} and {@code Action} values a meaning. Salesforce documents Action as "the category of the change
 * made in Setup. For example, a value of PermSetCreate indicates that an administrator created a permission set" and
 * Section as "the section in the Setup menu where the action occurred. For example, Manage Users or Company Profile"
 * (Object Reference, SetupAuditTrail), and lists no values; the ones below are those real trails show. A pair not
 * listed here means {@link #CONFIGURATION}: whatever it changed, it is read again.
 */
public enum SetupChangeScope {
    /** A flow was created, activated, deactivated, given a new version, renamed or deleted: flows are read by listing. */
    FLOWS,
    /** Nothing a snapshot holds: permission sets and their assignments. */
    NOTHING_AUDITED,
    /** Anything else, known or not: the non-flow configuration is read again. */
    CONFIGURATION;

    /** Section "Flows" as Setup writes it, with the actions it logs for flows and their versions. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "Flows", Set.of("createdinteractiondefinition", "createdinteractiondefversion", "activatedinteractiondefinition",
                    "activatedinteractiondefversion", "deactivatedinteractiondefinition", "deactivatedinteractiondefversion",
                    "deletedinteractiondefinition", "deletedinteractiondefversion", "renamedinteractiondefinition"),
            "Manage Users", Set.of("PermSetCreate", "PermSetAssign"));

    /** The scope of one row. */
    public static SetupChangeScope of(String section, String action) {
        if (section == null || action == null || !KNOWN.getOrDefault(section, Set.of()).contains(action)) {
            return CONFIGURATION;
        }
        return section.equals("Flows") ? FLOWS : NOTHING_AUDITED;
    }

    /** Whether {@code changes} leave the configuration other than flows as it was: none of them is {@link #CONFIGURATION}. */
    public static boolean keepsConfigurationOtherThanFlows(List<SetupChange> changes) {
        requireNonNull(changes, "changes is null");
        return changes.stream().noneMatch(change -> of(change.section(), change.action()) == CONFIGURATION);
    }
}
