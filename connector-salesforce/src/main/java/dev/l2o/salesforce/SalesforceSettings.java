package dev.l2o.salesforce;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.net.URI;
import java.util.Locale;

/**
 * The non-secret settings of a live Salesforce source, from the source options (or their environment
 * fallbacks).
 *
 * @param instanceUrl the org's API host ({@code https://acme.my.salesforce.com}); null when a login tells it
 * @param loginUrl the login host for SOAP login and the JWT bearer flow ({@code https://login.salesforce.com},
 *     {@code https://test.salesforce.com} for sandboxes, or a My Domain)
 * @param apiVersion the REST, Bulk and Partner API version ({@code 62.0}); the Metadata API always uses
 *     {@link #METADATA_API_VERSION}, the version of the bundled client
 * @param bulkThreshold history row counts above which Bulk API 2.0 is used instead of REST query pages
 * @param apiBudgetShare the largest share (0–1] of the org's remaining daily API requests one fetch may use
 */
public record SalesforceSettings(String instanceUrl, String loginUrl, String apiVersion, long bulkThreshold, double apiBudgetShare) {
    /** The version of the bundled Metadata API client (force-metadata-api 62.0.0). */
    public static final String METADATA_API_VERSION = "62.0";
    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    public static final String DEFAULT_API_VERSION = "62.0";
    public static final long DEFAULT_BULK_THRESHOLD = 50_000;
    public static final double DEFAULT_API_BUDGET_SHARE = 0.10;

    public SalesforceSettings {
        instanceUrl = instanceUrl == null ? null : trimSlash(checkUrl("instanceUrl", instanceUrl));
        loginUrl = trimSlash(checkUrl("loginUrl", requireNonNull(loginUrl, "loginUrl is null")));
        requireNonNull(apiVersion, "apiVersion is null");
        if (!apiVersion.matches("\\d{2,3}\\.0")) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "apiVersion '" + apiVersion + "' is not a Salesforce API version such as 62.0");
        }
        if (bulkThreshold < 0) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "bulkThreshold must not be negative: " + bulkThreshold);
        }
        if (!(apiBudgetShare > 0 && apiBudgetShare <= 1)) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "apiBudgetShare must be more than 0 and at most 1: " + apiBudgetShare);
        }
    }

    /** Reads the options of {@code spec}, falling back to {@code SF_INSTANCE_URL} and {@code SF_LOGIN_URL}. */
    public static SalesforceSettings from(SourceSpec spec, ConnectorContext context) {
        String instanceUrl = firstNonBlank(spec.option("instanceUrl"), context.env("SF_INSTANCE_URL").orElse(null));
        String loginUrl = firstNonBlank(spec.option("loginUrl"), context.env("SF_LOGIN_URL").orElse(DEFAULT_LOGIN_URL));
        String apiVersion = firstNonBlank(spec.option("apiVersion"), DEFAULT_API_VERSION);
        long threshold = parseLong("bulkThreshold", spec.option("bulkThreshold"), DEFAULT_BULK_THRESHOLD);
        double share = parseShare(spec.option("apiBudgetShare"));
        return new SalesforceSettings(instanceUrl, loginUrl, apiVersion.startsWith("v") ? apiVersion.substring(1) : apiVersion,
                threshold, share);
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first.trim() : second;
    }

    private static long parseLong(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, name + " must be a whole number: '" + value + "'");
        }
    }

    private static double parseShare(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_API_BUDGET_SHARE;
        }
        String text = value.trim();
        try {
            return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "apiBudgetShare must be a fraction such as 0.1 or a percentage such as 10%: '" + value + "'");
        }
    }

    private static String checkUrl(String name, String value) {
        try {
            URI uri = URI.create(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value.trim();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new L2oException(ErrorCode.BAD_ARGUMENT, name + " '" + value + "' is not an http(s) URL such as https://login.salesforce.com");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public SalesforceSettings withInstanceUrl(String replacement) {
        return new SalesforceSettings(replacement, loginUrl, apiVersion, bulkThreshold, apiBudgetShare);
    }
}
