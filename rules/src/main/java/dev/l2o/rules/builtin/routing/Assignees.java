package dev.l2o.rules.builtin.routing;

import dev.l2o.blueprint.AssignTo;
import dev.l2o.model.Assignee;
import dev.l2o.rules.builtin.support.Texts;

/**
 * Whether a CRM assignee is the one a blueprint {@code assignTo} names: a queue by label or API name, a user by
 * username or label, a role by name or label; ignoring case and treating spaces and underscores alike.
 */
final class Assignees {
    private Assignees() {}

    static boolean matches(AssignTo assignTo, Assignee assignee) {
        if (assignTo == null || assignee == null) {
            return false;
        }
        return switch (assignee.kind()) {
            case QUEUE -> named(assignTo.queue(), assignee);
            case USER -> named(assignTo.user(), assignee);
            case ROLE -> named(assignTo.role(), assignee);
            case TEAM -> false;
        };
    }

    private static boolean named(String wanted, Assignee assignee) {
        return Texts.sameName(wanted, assignee.name()) || Texts.sameName(wanted, assignee.label());
    }

    /** {@code queue 'Enterprise SDR'}. */
    static String describe(AssignTo assignTo) {
        if (assignTo.queue() != null) {
            return "queue '" + assignTo.queue() + "'";
        }
        return assignTo.user() != null ? "user '" + assignTo.user() + "'" : "role '" + assignTo.role() + "'";
    }

    /** {@code queue 'Enterprise_SDR'}. */
    static String describe(Assignee assignee) {
        String kind = switch (assignee.kind()) {
            case QUEUE -> "queue";
            case USER -> "user";
            case ROLE -> "role";
            case TEAM -> "team";
        };
        return kind + " '" + assignee.label() + "'";
    }
}
