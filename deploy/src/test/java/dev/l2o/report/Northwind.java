package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditRun;
import dev.l2o.app.AuditService;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.SourceSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The example org of {@code examples/northwind}, audited once per test run as {@code l2o demo} audits it. */
final class Northwind {
    /** The demo's fixed "now" (DemoCommand.DEMO_AS_OF). */
    static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    static final Path FOLDER = Path.of("..", "examples", "northwind").toAbsolutePath().normalize();

    private static AuditReport report;

    private Northwind() {}

    static synchronized AuditReport report() {
        if (report == null) {
            AuditRequest request = new AuditRequest(FOLDER.resolve("blueprint.yaml"), null,
                    new SourceSpec("sfdx", FOLDER.toString(), Map.of()), null, AS_OF, null, ReportContext.DEFAULT.threshold());
            try (AuditRun run = new AuditService(ConnectorContext.standard()).run(request)) {
                report = run.report();
            }
        }
        return report;
    }

    static String render(ReportWriter writer, AuditReport report, ReportContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(report, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Output with the machine-specific parts replaced: the example's absolute folder and the tool version. */
    static String normalise(String text, AuditReport report) {
        String folder = FOLDER.toString();
        return text.replace(FOLDER.toUri().toString(), "file:///EXAMPLE/")
                .replace(folder, "/EXAMPLE")
                .replace(report.toolVersion(), "VERSION");
    }
}
