package dev.l2o.http;

import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor that lets only reads leave the process: GET and HEAD always, any other method only
 * on an explicit allow-list of endpoints that read ({@link ReadEndpoint}). Everything else fails with
 * {@link WriteRefusedException} before a byte is sent. Install it as an application interceptor on every
 * client that talks to a CRM. Immutable and thread-safe.
 *
 * <p>Every request it lets through is logged at {@code TRACE} on the platform logger named after this class
 * (method and path only: the query, headers and body may carry credentials), so that an operator can see what
 * a fetch read, and the connector contract test can count that every request a source received passed here.
 */
public final class ReadOnlyGuard implements Interceptor {
    private static final System.Logger LOG = System.getLogger(ReadOnlyGuard.class.getName());

    private final List<ReadEndpoint> allowed;

    private ReadOnlyGuard(List<ReadEndpoint> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A guard that allows GET, HEAD and the given read endpoints. */
    public static ReadOnlyGuard allowing(List<ReadEndpoint> readEndpoints) {
        return new ReadOnlyGuard(readEndpoints);
    }

    /** Whether the guard lets this method and path through. */
    public boolean permits(String method, String encodedPath) {
        return method.equals("GET") || method.equals("HEAD")
                || allowed.stream().anyMatch(endpoint -> endpoint.matches(method, encodedPath));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!permits(request.method(), request.url().encodedPath())) {
            throw new WriteRefusedException("refused " + request.method() + " " + request.url().encodedPath()
                    + ": l2o only reads from a CRM and this request is not on the list of read endpoints");
        }
        LOG.log(System.Logger.Level.TRACE, () -> "allowed " + request.method() + " " + request.url().encodedPath());
        return chain.proceed(request);
    }
}
