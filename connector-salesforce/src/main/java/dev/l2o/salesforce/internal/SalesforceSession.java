package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

/**
 * An authenticated session.
 *
 * @param instanceUrl the org's API host, without a trailing slash
 * @param accessToken the session id / OAuth access token (a secret)
 * @param metadataUrl the Metadata API SOAP endpoint
 * @param partnerUrl the Partner API SOAP endpoint
 */
public record SalesforceSession(String instanceUrl, String accessToken, String metadataUrl, String partnerUrl) {
    public SalesforceSession {
        requireNonNull(instanceUrl, "instanceUrl is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(metadataUrl, "metadataUrl is null");
        requireNonNull(partnerUrl, "partnerUrl is null");
    }

    /** A session on {@code instanceUrl} whose SOAP endpoints are the standard paths of that host. */
    public static SalesforceSession onInstance(String instanceUrl, String accessToken, String metadataVersion, String partnerVersion) {
        return new SalesforceSession(instanceUrl, accessToken, instanceUrl + "/services/Soap/m/" + metadataVersion,
                instanceUrl + "/services/Soap/u/" + partnerVersion);
    }

    @Override
    public String toString() {
        return "SalesforceSession[" + instanceUrl + ", ***]";
    }
}
