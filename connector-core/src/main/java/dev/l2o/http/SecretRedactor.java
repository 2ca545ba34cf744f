package dev.l2o.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text that could reach a log, an error message or a report: the secrets it was
 * given (tokens, passwords), and whatever looks like a credential whichever CRM it came from (bearer tokens,
 * {@code access_token=} query parameters, JSON and XML token fields, HubSpot private-app tokens, Salesforce
 * session ids). Immutable and thread-safe.
 */
public final class SecretRedactor {
    /** What every redacted secret is replaced with. */
    public static final String MASK = "***";

    // Secrets shorter than this are not matched literally: masking every "a" or "1" would wreck messages.
    private static final int MIN_LITERAL_LENGTH = 6;

    private static final List<Pattern> PATTERNS = List.of(
            // Authorization: Bearer <token>
            Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+"),
            // query and form parameters
            Pattern.compile("(?i)((?:access_token|refresh_token|client_secret|password|hapikey|token|sessionid|sid|code)=)[^&\\s\"']+"),
            // JSON fields
            Pattern.compile("(?i)(\"(?:access_token|refresh_token|client_secret|password|token|sessionId)\"\\s*:\\s*\")[^\"]*"),
            // XML elements (SOAP login responses and headers)
            Pattern.compile("(?i)(<(?:\\w+:)?(?:sessionId|password)>)[^<]*"),
            // HubSpot private-app tokens, e.g. pat-na1-<uuid>
            Pattern.compile("()\\bpat-[a-z]{2}\\d?-[0-9a-fA-F-]{20,}"),
            // Salesforce session ids: 15 or 18 character org id, '!', opaque rest
            Pattern.compile("()\\b00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]+"));

    private static final SecretRedactor GENERIC = new SecretRedactor(List.of());

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor that knows no particular secret and masks only what looks like a credential. */
    public static SecretRedactor generic() {
        return GENERIC;
    }

    /** A redactor that also masks these exact values wherever they occur (nulls and very short values are ignored). */
    public static SecretRedactor of(Collection<String> secrets) {
        return new SecretRedactor(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= MIN_LITERAL_LENGTH)
                .distinct()
                // longest first, so that a secret containing another is masked whole
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList());
    }

    /** This redactor plus more exact secrets. */
    public SecretRedactor with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /** {@code text} with every secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
            }
        }
        return result;
    }
}
