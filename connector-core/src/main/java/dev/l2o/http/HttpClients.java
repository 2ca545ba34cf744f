package dev.l2o.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client of the process. Connectors specialise it with {@link OkHttpClient#newBuilder()}
 * (interceptors, timeouts), which shares its connection pool and dispatcher threads instead of creating new
 * ones per connector.
 */
public final class HttpClients {
    private HttpClients() {}

    private static final class Holder {
        static final OkHttpClient SHARED = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMinutes(3))
                // Retries are ours (classified, bounded, rate limited); OkHttp's silent ones would bypass that.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** The shared client: 10 s connect, 60 s read, 3 min per call, no silent retries or redirects. */
    public static OkHttpClient shared() {
        return Holder.SHARED;
    }
}
