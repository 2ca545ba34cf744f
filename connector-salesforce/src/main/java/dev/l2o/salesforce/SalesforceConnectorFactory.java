package dev.l2o.salesforce;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SettingDescriptor;
import dev.l2o.connector.SourceSpec;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import java.util.List;

/** The {@code salesforce} source: a live org. Registered with {@link java.util.ServiceLoader}. */
public final class SalesforceConnectorFactory implements CrmConnectorFactory {
    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public String description() {
        return "a live Salesforce org, read-only through the Metadata, REST and Bulk 2.0 APIs";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                new SettingDescriptor("instanceUrl", "The org's URL (https://acme.my.salesforce.com); required with SF_ACCESS_TOKEN.", false, false),
                new SettingDescriptor("loginUrl", "The login host for JWT and SOAP login (default https://login.salesforce.com; sandboxes https://test.salesforce.com).", false, false),
                new SettingDescriptor("apiVersion", "The REST, Bulk and Partner API version (default " + SalesforceSettings.DEFAULT_API_VERSION + ").", false, false),
                new SettingDescriptor("bulkThreshold", "History rows above which Bulk API 2.0 is used (default " + SalesforceSettings.DEFAULT_BULK_THRESHOLD + ").", false, false),
                new SettingDescriptor("apiBudgetShare", "The largest share of the org's remaining daily API requests one fetch may use (default 0.1).", false, false),
                new SettingDescriptor("SF_INSTANCE_URL", "The org's URL when --instance-url is not given.", true, false),
                new SettingDescriptor("SF_ACCESS_TOKEN", "An access token or session id.", true, true),
                new SettingDescriptor("SF_CLIENT_ID", "The connected app's consumer key (JWT bearer flow).", true, false),
                new SettingDescriptor("SF_USERNAME", "The integration user's username (JWT bearer flow and SOAP login).", true, false),
                new SettingDescriptor("SF_JWT_KEY_FILE", "The PKCS#8 PEM private key that signs the JWT assertion.", true, false),
                new SettingDescriptor("SF_PASSWORD", "The password (with security token appended if the org requires it) for SOAP login.", true, true),
                new SettingDescriptor("SF_LOGIN_URL", "The login host when --login-url is not given.", true, false));
    }

    @Override
    public CrmConnector create(SourceSpec spec, ConnectorContext context) {
        return new SalesforceConnector(SalesforceSettings.from(spec, context), SalesforceCredentials.fromEnvironment(context), context);
    }
}
