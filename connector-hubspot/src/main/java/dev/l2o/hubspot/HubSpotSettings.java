package dev.l2o.hubspot;

import static java.util.Objects.requireNonNull;

import dev.l2o.http.RetryPolicy;
import dev.l2o.http.Sleeper;
import java.time.Duration;

/**
 * How the connector talks to a portal.
 *
 * @param baseUrl the API root, {@code https://api.hubapi.com} unless a proxy, the EU data centre or a
 *     simulator is used; no trailing slash
 * @param token the private-app access token (a secret: never printed)
 * @param rateLimit the portal's burst limit in requests per {@code rateWindow}; the connector starts here and
 *     follows the {@code X-HubSpot-RateLimit-Max} header when the portal announces another tier
 * @param rateWindow the burst window (HubSpot: 10 s, rolling)
 * @param utilisation the share of the burst limit the client uses, leaving headroom for other clients of the
 *     same app and for jitter (0–1]
 * @param retryPolicy retries of transient failures
 * @param sleeper how retries and the rate limiter wait
 * @param readTimeout how long to wait for a response before the attempt counts as failed
 */
public record HubSpotSettings(
        String baseUrl,
        String token,
        int rateLimit,
        Duration rateWindow,
        double utilisation,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        Duration readTimeout) {
    /** HubSpot's public API root. */
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    public HubSpotSettings {
        requireNonNull(baseUrl, "baseUrl is null");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        requireNonNull(token, "token is null");
        if (rateLimit < 1) {
            throw new IllegalArgumentException("rateLimit must be at least 1");
        }
        requireNonNull(rateWindow, "rateWindow is null");
        requireNonNull(retryPolicy, "retryPolicy is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(readTimeout, "readTimeout is null");
    }

    /**
     * Defaults for a portal: 100 requests per 10 s (the Free and Starter burst limit, the lowest there is),
     * 95 % of it used, five attempts per request, 60 s read timeout.
     */
    public static HubSpotSettings of(String baseUrl, String token) {
        return new HubSpotSettings(baseUrl, token, 100, Duration.ofSeconds(10), 0.95, RetryPolicy.standard(),
                Sleeper.SYSTEM, Duration.ofSeconds(60));
    }

    public HubSpotSettings withRateLimit(int requests, Duration window) {
        return new HubSpotSettings(baseUrl, token, requests, window, utilisation, retryPolicy, sleeper, readTimeout);
    }

    public HubSpotSettings withRetry(RetryPolicy policy, Sleeper waits) {
        return new HubSpotSettings(baseUrl, token, rateLimit, rateWindow, utilisation, policy, waits, readTimeout);
    }

    public HubSpotSettings withReadTimeout(Duration timeout) {
        return new HubSpotSettings(baseUrl, token, rateLimit, rateWindow, utilisation, retryPolicy, sleeper, timeout);
    }

    @Override
    public String toString() {
        return "HubSpotSettings[baseUrl=" + baseUrl + ", token=***, rateLimit=" + rateLimit + "/" + rateWindow + "]";
    }
}
