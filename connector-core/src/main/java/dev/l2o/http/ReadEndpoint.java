package dev.l2o.http;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An endpoint that reads although its method is not GET or HEAD, such as HubSpot's batch-read and search
 * POSTs. The {@link ReadOnlyGuard} lets requests through only when they match one of these.
 *
 * @param method the HTTP method, upper case ({@code POST})
 * @param path a regular expression the whole URL path must match ({@code /crm/v3/objects/\w+/batch/read})
 * @param reason why it only reads, for reviewers
 */
public record ReadEndpoint(String method, Pattern path, String reason) {
    public ReadEndpoint {
        requireNonNull(method, "method is null");
        method = method.toUpperCase(Locale.ROOT);
        requireNonNull(path, "path is null");
        requireNonNull(reason, "reason is null");
    }

    public static ReadEndpoint post(String pathRegex, String reason) {
        return new ReadEndpoint("POST", Pattern.compile(pathRegex), reason);
    }

    /** Whether a request with this method and URL path is this endpoint. */
    public boolean matches(String requestMethod, String encodedPath) {
        return method.equalsIgnoreCase(requestMethod) && path.matcher(encodedPath).matches();
    }
}
