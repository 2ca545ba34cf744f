package dev.l2o.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text a connector produced (a snapshot file, a log, an error message): the values of
 * secret environment variables, and text shaped like a credential whatever its origin.
 */
public final class SecretScanner {
    /** Text that is a credential whatever the environment says: session ids, tokens, keys. */
    private static final List<Pattern> SECRET_PATTERNS = List.of(
            Pattern.compile("Bearer\\s+[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}"),
            Pattern.compile("pat-[a-z]{2}[0-9]-[0-9a-f]{8}-[0-9a-f]{4}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("(?i)\"(access_token|refresh_token|client_secret|password|sessionId)\"\\s*:\\s*\""));

    /** Environment variables whose values are secrets even when a factory forgets to say so. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|PASSWORD|SECRET|KEY).*");

    /** Shorter values are too likely to occur by chance to count as a leak. */
    private static final int SHORTEST_SECRET = 8;

    private SecretScanner() {}

    /**
     * The secrets found in {@code text}, described without repeating them: the names of the environment variables
     * whose values occur, and the patterns that match.
     *
     * @param environment the environment the connector saw
     * @param sensitiveNames the names its factory declares sensitive
     */
    public static List<String> findSecrets(String text, Map<String, String> environment, Collection<String> sensitiveNames) {
        Set<String> sensitive = Set.copyOf(sensitiveNames);
        List<String> found = new ArrayList<>();
        environment.entrySet().stream()
                .filter(entry -> sensitive.contains(entry.getKey()) || SECRET_NAME.matcher(entry.getKey()).matches())
                .filter(entry -> entry.getValue() != null && entry.getValue().length() >= SHORTEST_SECRET)
                .filter(entry -> text.contains(entry.getValue()))
                .map(entry -> "the value of " + entry.getKey())
                .sorted()
                .forEach(found::add);
        for (Pattern pattern : SECRET_PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                found.add("text like a credential at offset " + matcher.start() + " (pattern " + pattern + ")");
            }
        }
        return found;
    }
}
