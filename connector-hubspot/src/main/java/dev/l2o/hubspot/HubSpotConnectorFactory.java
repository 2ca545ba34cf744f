package dev.l2o.hubspot;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SettingDescriptor;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;

/** {@code --source hubspot}: a live portal. Registered for {@link java.util.ServiceLoader}. */
public final class HubSpotConnectorFactory implements CrmConnectorFactory {
    /** The environment variable holding the private-app token. */
    public static final String TOKEN_VARIABLE = "HUBSPOT_TOKEN";
    /** The source option overriding the API root. */
    public static final String BASE_URL_OPTION = "baseUrl";
    /** The source option giving the portal's burst limit per 10 s (100 Free/Starter, 190 Professional/Enterprise, 250 with the limit increase). */
    public static final String RATE_LIMIT_OPTION = "rateLimit";

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public String description() {
        return "a live HubSpot portal, read with a private-app token";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                new SettingDescriptor(TOKEN_VARIABLE, "private-app access token with the read scopes listed in the HubSpot connector README", true, true),
                new SettingDescriptor(BASE_URL_OPTION, "API root (default " + HubSpotSettings.DEFAULT_BASE_URL + "); set for proxies or the simulator", false, false),
                new SettingDescriptor(RATE_LIMIT_OPTION, "requests per 10 seconds the portal allows (default 100; the portal's headers raise it)", false, false));
    }

    @Override
    public CrmConnector create(SourceSpec spec, ConnectorContext context) {
        String token = context.env(TOKEN_VARIABLE).orElseThrow(() -> new L2oException(ErrorCode.BAD_SOURCE,
                TOKEN_VARIABLE + " is not set: create a HubSpot private app with the read scopes in the connector README and export its token"));
        String baseUrl = spec.option(BASE_URL_OPTION) == null || spec.option(BASE_URL_OPTION).isBlank()
                ? HubSpotSettings.DEFAULT_BASE_URL : spec.option(BASE_URL_OPTION).trim();
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null || url.encodedQuery() != null) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--base-url '" + baseUrl + "' is not an http(s) URL without a query");
        }
        HubSpotSettings settings = HubSpotSettings.of(baseUrl, token);
        String rateLimit = spec.option(RATE_LIMIT_OPTION);
        if (rateLimit != null && !rateLimit.isBlank()) {
            try {
                int requests = Integer.parseInt(rateLimit.trim());
                if (requests < 1) {
                    throw new NumberFormatException();
                }
                settings = settings.withRateLimit(requests, Duration.ofSeconds(10));
            } catch (NumberFormatException e) {
                throw new L2oException(ErrorCode.BAD_ARGUMENT, "rateLimit '" + rateLimit + "' is not a positive number of requests per 10 seconds");
            }
        }
        return new HubSpotConnector(settings, context);
    }
}
