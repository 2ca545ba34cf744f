package dev.l2o.salesforce.sfdx;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SettingDescriptor;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code sfdx:PATH} source: a Salesforce DX project folder in source format or a metadata-format retrieve, read
 * by {@link SfdxConnector}.
 * Registered for {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class SfdxConnectorFactory implements CrmConnectorFactory {
    @Override
    public String name() {
        return "sfdx";
    }

    @Override
    public String description() {
        return "A Salesforce DX project in source format or a metadata-format retrieve (sfdx:PATH), with optional stage history in PATH/data/OpportunityHistory.csv.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public CrmConnector create(SourceSpec spec, ConnectorContext context) {
        if (spec.location().isBlank()) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx needs the project folder: --source sfdx:PATH");
        }
        try {
            return new SfdxConnector(Path.of(spec.location()), spec.location(), context);
        } catch (InvalidPathException e) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx:" + spec.location() + ": not a valid path: " + e.getReason());
        }
    }
}
