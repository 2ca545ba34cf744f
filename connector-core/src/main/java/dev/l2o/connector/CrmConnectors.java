package dev.l2o.connector;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The connector factories on the class path, found with {@link ServiceLoader}. */
public final class CrmConnectors {
    private CrmConnectors() {}

    /** All factories, sorted by name. */
    public static List<CrmConnectorFactory> factories() {
        return ServiceLoader.load(CrmConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(CrmConnectorFactory::name))
                .toList();
    }

    /** The factory for a spec's scheme. */
    public static CrmConnectorFactory factoryFor(SourceSpec spec) {
        List<CrmConnectorFactory> all = factories();
        return all.stream()
                .filter(f -> f.name().equals(spec.scheme()))
                .findFirst()
                .orElseThrow(() -> new L2oException(ErrorCode.BAD_ARGUMENT, "unknown source '" + spec.scheme()
                        + "': use one of " + all.stream().map(f -> f.name().equals("sfdx") || f.name().equals("snapshot")
                                ? f.name() + ":PATH" : f.name()).collect(Collectors.joining(", "))));
    }

    public static CrmConnector open(SourceSpec spec, ConnectorContext context) {
        return factoryFor(spec).create(spec, context);
    }
}
