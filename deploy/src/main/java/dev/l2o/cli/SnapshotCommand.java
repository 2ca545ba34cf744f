package dev.l2o.cli;

import dev.l2o.app.FetchRequests;
import dev.l2o.app.OpenSource;
import dev.l2o.app.PreviousRun;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.connector.FetchRequest;
import dev.l2o.model.Snapshot;
import dev.l2o.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o snapshot}: capture configuration and stage history to a snapshot file for offline, repeatable audits. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Capture configuration and stage history to a snapshot file (gzip JSON) for offline, repeatable audits.")
final class SnapshotCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The snapshot file to write.")
    Path out;

    @Option(names = "--blueprint", paramLabel = "B",
            description = "Read only what this blueprint needs (fewer API calls on live sources).")
    Path blueprint;

    @Option(names = "--since-snapshot", paramLabel = "FILE",
            description = "The previous snapshot (another file than --out): a live source reads only what changed since it where it can "
                    + "prove the result equals a full read, else reads everything.")
    Path sinceSnapshot;

    SnapshotCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        FetchRequest request = blueprint == null ? FetchRequest.everything()
                : FetchRequests.forBlueprint(BlueprintLoader.load(blueprint).blueprint());
        try (OpenSource open = sinceSnapshot == null
                ? OpenSource.fetch(source.spec(environment.environment()), source.historyCsv, request, Contexts.connectorContext(environment))
                : OpenSource.fetchSince(source.spec(environment.environment()), source.historyCsv, request, PreviousRun.file(sinceSnapshot),
                        Contexts.connectorContext(environment))) {
            Snapshot snapshot = open.snapshot();
            SnapshotWriter.write(snapshot, out);
            environment.err().println("l2o: wrote " + out + " (" + snapshot.pipelines().size() + " pipelines, "
                    + snapshot.fields().size() + " fields, " + snapshot.automations().size() + " automations"
                    + (snapshot.completeness().complete() ? ")" : "; INCOMPLETE: " + String.join("; ", snapshot.completeness().reasons()) + ")"));
            return snapshot.completeness().complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
        }
    }
}
