package dev.l2o.connector;

import java.util.List;

/**
 * Creates connectors for one source scheme. Implementations are registered in
 * {@code META-INF/services/dev.l2o.connector.CrmConnectorFactory} and found with {@link java.util.ServiceLoader}.
 */
public interface CrmConnectorFactory {
    /** The {@code --source} scheme this factory serves ({@code sfdx}, {@code salesforce}, …). */
    String name();

    /** One sentence for {@code --help}. */
    String description();

    /** The options and environment variables it reads. */
    List<SettingDescriptor> settings();

    /**
     * Creates a connector; does no I/O beyond checking that required settings are present.
     *
     * @throws dev.l2o.error.L2oException (USER) when the spec or settings are unusable
     */
    CrmConnector create(SourceSpec spec, ConnectorContext context);
}
