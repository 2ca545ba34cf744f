package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the run history (and the Quartz job store) lives: the {@code store} section of the schedule file.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL; empty for the embedded store under the data folder
 * @param usernameEnv the environment variable holding the database user, if any
 * @param passwordEnv the environment variable holding the database password, if any (never the password itself)
 */
public record StoreSettings(Optional<String> jdbcUrl, Optional<String> usernameEnv, Optional<String> passwordEnv) {
    public StoreSettings {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(usernameEnv, "usernameEnv is null");
        requireNonNull(passwordEnv, "passwordEnv is null");
    }

    /** The default: an embedded H2 store under the data folder. */
    public static StoreSettings embedded() {
        return new StoreSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmbedded() {
        return jdbcUrl.isEmpty();
    }
}
