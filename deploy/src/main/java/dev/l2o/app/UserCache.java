package dev.l2o.app;

import dev.l2o.blueprint.ValidatedBlueprints;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * l2o's cache directory for one user, after the XDG base directory convention: {@code $XDG_CACHE_HOME/l2o}, else
 * {@code $HOME/.cache/l2o}; none when neither is an absolute path (a container user without a home) or when
 * {@code L2O_NO_CACHE} is set (to any value but the empty string). What is kept there only saves work: deleting it
 * is always safe.
 */
public final class UserCache {
    /** The variable that turns the cache off, for a baseline measurement or a read-only machine. */
    public static final String NO_CACHE = "L2O_NO_CACHE";

    private UserCache() {}

    /** The cache directory that {@code environment} names, if any. */
    static Optional<Path> directory(Map<String, String> environment) {
        if (!environment.getOrDefault(NO_CACHE, "").isEmpty()) {
            return Optional.empty();
        }
        return absolute(environment.get("XDG_CACHE_HOME")).map(cache -> cache.resolve("l2o"))
                .or(() -> absolute(environment.get("HOME")).map(home -> home.resolve(".cache").resolve("l2o")));
    }

    /** The blueprints this user's runs validated before, or none without a cache directory. */
    public static ValidatedBlueprints validatedBlueprints(Map<String, String> environment) {
        return directory(environment)
                .map(cache -> ValidatedBlueprints.in(cache.resolve("validated-blueprints"), ToolVersion.current()))
                .orElse(ValidatedBlueprints.none());
    }

    private static Optional<Path> absolute(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path candidate = Path.of(path);
            return candidate.isAbsolute() ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
