package dev.l2o.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A response with a status other than 2xx. Carries what a classifier or a CRM-specific error mapper needs:
 * the status, the response headers, and the body (already redacted, truncated to a few kilobytes). Its
 * message names method, path and status and never contains a secret.
 */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    /** How much of an error body is kept. Error bodies are small; anything longer is not an API error body. */
    public static final int MAX_BODY_CHARS = 8_192;

    private final int status;
    private final String method;
    private final String path;
    private final transient Headers headers;
    private final String body;

    /**
     * @param status the HTTP status
     * @param method the request method
     * @param path the request path, without query (queries can hold secrets)
     * @param headers the response headers
     * @param body the redacted body, possibly empty
     */
    public HttpStatusException(int status, String method, String path, Headers headers, String body) {
        super(method + " " + path + " answered HTTP " + status);
        this.status = status;
        this.method = requireNonNull(method, "method is null");
        this.path = requireNonNull(path, "path is null");
        this.headers = requireNonNull(headers, "headers is null");
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Headers headers() {
        return headers;
    }

    /** The redacted response body, at most {@link #MAX_BODY_CHARS} characters. */
    public String body() {
        return body;
    }

    /** The {@code Retry-After} header as a delay when it is a number of seconds (the HTTP-date form is ignored). */
    public Optional<Duration> retryAfter() {
        String value = headers.get("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
