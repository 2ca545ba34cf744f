package dev.l2o.blueprint;

/** {@code assignTo}: exactly one of user, queue or role. */
public record AssignTo(String user, String queue, String role) {
    /** The one assignee named, whatever its kind. */
    public String target() {
        return user != null ? user : queue != null ? queue : role;
    }
}
