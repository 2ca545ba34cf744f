package dev.l2o.cli;

import dev.l2o.connector.SourceSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The {@code --source} option and the source options given beside it (CONTRACT.md section 1). */
final class SourceOptions {
    @Option(names = "--source", required = true, paramLabel = "S",
            description = "sfdx:PATH, snapshot:FILE, salesforce or hubspot.")
    String source;

    @Option(names = "--instance-url", paramLabel = "URL",
            description = "Salesforce instance URL (default: $SF_INSTANCE_URL).")
    String instanceUrl;

    @Option(names = "--login-url", paramLabel = "URL",
            description = "Salesforce login URL for JWT or SOAP login (default: $SF_LOGIN_URL, else https://login.salesforce.com).")
    String loginUrl;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "HubSpot API base URL (default https://api.hubapi.com).")
    String baseUrl;

    @Option(names = "--history-csv", paramLabel = "FILE",
            description = "Opportunity stage history in Salesforce's OpportunityHistory CSV shape; supplies or replaces the source's history.")
    Path historyCsv;

    SourceSpec spec(Map<String, String> environment) {
        Map<String, String> options = new TreeMap<>();
        putIfPresent(options, "instanceUrl", instanceUrl != null ? instanceUrl : environment.get("SF_INSTANCE_URL"));
        putIfPresent(options, "loginUrl", loginUrl != null ? loginUrl : environment.get("SF_LOGIN_URL"));
        putIfPresent(options, "baseUrl", baseUrl);
        return SourceSpec.parse(source, options);
    }

    private static void putIfPresent(Map<String, String> options, String name, String value) {
        if (value != null && !value.isBlank()) {
            options.put(name, value);
        }
    }
}
