package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.HttpStatusException;
import dev.l2o.salesforce.SalesforceSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Turns credentials into a session: an access token as it is, the JWT bearer flow against
 * {@code loginUrl/services/oauth2/token}, or SOAP {@code login()} through the Partner API at
 * {@code loginUrl/services/Soap/u/<version>}. An explicit instance URL overrides the one the login reports.
 */
public final class SalesforceAuthenticator {
    private final SalesforceCredentials credentials;
    private final SalesforceSettings settings;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public SalesforceAuthenticator(SalesforceCredentials credentials, SalesforceSettings settings, Clock clock) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Whether {@link #login} can be called again to renew an expired session. */
    public boolean renewable() {
        return !(credentials instanceof SalesforceCredentials.AccessToken);
    }

    /**
     * Authenticates.
     *
     * @throws L2oException {@link ErrorCode#AUTHENTICATION_FAILED} when Salesforce refuses the credentials,
     *     {@link ErrorCode#SOURCE_UNAVAILABLE} when it cannot be reached
     */
    public SalesforceSession login(SalesforceHttp http) {
        if (credentials instanceof SalesforceCredentials.AccessToken token) {
            if (settings.instanceUrl() == null) {
                throw new L2oException(ErrorCode.BAD_ARGUMENT, "SF_ACCESS_TOKEN needs the org's URL: give --instance-url or set SF_INSTANCE_URL");
            }
            return onInstance(settings.instanceUrl(), token.token());
        }
        if (credentials instanceof SalesforceCredentials.JwtBearer jwt) {
            return jwtBearer(http, jwt);
        }
        return soapLogin(http, (SalesforceCredentials.Password) credentials);
    }

    private SalesforceSession onInstance(String instanceUrl, String token) {
        return SalesforceSession.onInstance(instanceUrl, token, SalesforceSettings.METADATA_API_VERSION, settings.apiVersion());
    }

    private SalesforceSession jwtBearer(SalesforceHttp http, SalesforceCredentials.JwtBearer jwt) {
        String assertion = JwtAssertion.create(jwt.clientId(), jwt.username(), settings.loginUrl(), JwtAssertion.readKey(jwt.keyFile()),
                clock.instant());
        Request request = new Request.Builder().url(settings.loginUrl() + "/services/oauth2/token").header("Accept", "application/json")
                .post(new FormBody.Builder().add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").add("assertion", assertion).build())
                .build();
        try {
            JsonNode token = http.executor().execute(request, response -> mapper.readTree(response.body().byteStream()));
            String instanceUrl = settings.instanceUrl() != null ? settings.instanceUrl() : trimSlash(token.path("instance_url").asText(""));
            String accessToken = token.path("access_token").asText("");
            if (instanceUrl.isEmpty() || accessToken.isEmpty()) {
                throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "the token response of " + settings.loginUrl()
                        + " lacks access_token or instance_url");
            }
            return onInstance(instanceUrl, accessToken);
        } catch (HttpStatusException e) {
            if (e.status() == 400 || e.status() == 401) {
                throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "the JWT bearer login of " + jwt.username() + " at "
                        + settings.loginUrl() + " was refused: " + oauthError(e.body()), e);
            }
            throw http.failure("the OAuth token request", e);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot reach " + settings.loginUrl() + " for the JWT bearer login: "
                    + e.getMessage(), e);
        }
    }

    private String oauthError(String body) {
        try {
            JsonNode error = mapper.readTree(body);
            return error.path("error").asText("error") + " (" + error.path("error_description").asText("") + ")";
        } catch (IOException e) {
            return body;
        }
    }

    private SalesforceSession soapLogin(SalesforceHttp http, SalesforceCredentials.Password password) {
        String endpoint = settings.loginUrl() + "/services/Soap/u/" + settings.apiVersion();
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(endpoint);
        config.setServiceEndpoint(endpoint);
        config.setManualLogin(true);
        config.setTransportFactory(() -> new OkHttpSoapTransport(http));
        try {
            LoginResult result = new PartnerConnection(config).login(password.username(), password.password());
            if (settings.instanceUrl() != null) {
                return onInstance(settings.instanceUrl(), result.getSessionId());
            }
            URI server = URI.create(result.getServerUrl());
            String instanceUrl = server.getScheme() + "://" + server.getRawAuthority();
            return new SalesforceSession(instanceUrl, result.getSessionId(), result.getMetadataServerUrl(), result.getServerUrl());
        } catch (LoginFault e) {
            throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "the SOAP login of " + password.username() + " at " + endpoint
                    + " was refused: " + e.getExceptionCode() + " (" + http.executor().redactor().redact(e.getExceptionMessage()) + ")", e);
        } catch (ConnectionException e) {
            throw SoapFaults.toL2o("the SOAP login at " + endpoint, e, http);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
