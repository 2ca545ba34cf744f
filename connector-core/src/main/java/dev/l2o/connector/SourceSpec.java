package dev.l2o.connector;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed {@code --source} value: {@code sfdx:PATH}, {@code snapshot:FILE}, {@code salesforce},
 * {@code hubspot}, plus the source options given beside it ({@code instanceUrl}, {@code baseUrl}, …).
 *
 * @param scheme the connector name, lower case
 * @param location what follows the colon, or empty
 * @param options source options by name (never secrets: those come from the environment)
 */
public record SourceSpec(String scheme, String location, Map<String, String> options) {
    public SourceSpec {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(location, "location is null");
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options == null ? Map.of() : options));
    }

    /** Parses {@code scheme[:location]}. */
    public static SourceSpec parse(String text, Map<String, String> options) {
        if (text == null || text.isBlank()) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--source is empty: use sfdx:PATH, snapshot:FILE, salesforce or hubspot");
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon);
        String location = colon < 0 ? "" : text.substring(colon + 1);
        return new SourceSpec(scheme.trim().toLowerCase(Locale.ROOT), location, options);
    }

    public String option(String name) {
        return options.get(name);
    }

    @Override
    public String toString() {
        return location.isEmpty() ? scheme : scheme + ":" + location;
    }
}
