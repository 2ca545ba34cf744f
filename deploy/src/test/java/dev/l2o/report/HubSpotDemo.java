package dev.l2o.report;

import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditRun;
import dev.l2o.app.AuditService;
import dev.l2o.app.SimulatedSources;
import dev.l2o.audit.AuditReport;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.ProgressListener;
import dev.l2o.testing.RepositoryFiles;
import java.nio.file.Path;
import java.time.Clock;

/** The Brightwave portal of {@code examples/hubspot}, audited over loopback HTTP as {@code l2o demo} audits it. */
final class HubSpotDemo {
    private HubSpotDemo() {}

    static AuditReport report(Path work) {
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            ConnectorContext context = new ConnectorContext(Clock.systemUTC(), portal.environment(), work, ProgressListener.NONE);
            AuditRequest request = new AuditRequest(RepositoryFiles.file("examples/hubspot/blueprint.yaml"), null,
                    portal.source(), null, Northwind.AS_OF, null, ReportContext.DEFAULT.threshold());
            try (AuditRun run = new AuditService(context).run(request)) {
                return run.report();
            }
        }
    }
}
