package dev.l2o.connector;

import static dev.l2o.snapshot.SnapshotAssertions.assertSameSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.Completeness;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.snapshot.SnapshotAssertions;
import dev.l2o.snapshot.SnapshotReader;
import dev.l2o.snapshot.SnapshotWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every connector keeps, checked against a fixture source: one abstract test that each
 * connector's test extends, saying which factory, which source and which environment to use. Each test opens
 * its own connector (after the subclass's {@code @BeforeEach}, so simulators started there are running),
 * fetches with a fixed clock and closes the connector again.
 *
 * <p>Checked: the factory is registered for {@link java.util.ServiceLoader}; the snapshot has the connector's
 * CRM and the clock's as-of time and is complete (or, for a fixture saved incomplete, incomplete with reasons); every pipeline's stages are in order with unique API names;
 * every address starts with the CRM's name; the history reads the same twice; the snapshot survives the
 * snapshot file codec unchanged. While a fetch runs, standard output and error, every log record (platform
 * and {@code java.util.logging} loggers at any level, SLF4J when Logback is its backend) and every progress
 * message are captured; none of them, nor the snapshot file, nor the message of any exception, holds a
 * credential (the environment's secrets, {@link #otherCredentials()}, or text shaped like a token, session id,
 * signed JWT or private key). Every request the source received passed the read-only guard (the source's own
 * count against the guard's log). A source broken by {@link #breakSource()} gives an incomplete snapshot with
 * reasons or an {@link L2oException} of type USER or EXTERNAL (exit 2 or 3), never another exception (exit 4),
 * and leaks no credential either.
 */
public abstract class ConnectorConformanceTest {
    /** The instant of the clock every fetch gets. */
    protected static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    @TempDir
    protected Path workDirectory;

    /** The factory under test. */
    protected abstract CrmConnectorFactory factory();

    /** The source to read: a fixture file, or a simulator started in the subclass's {@code @BeforeEach}. */
    protected abstract SourceSpec sourceSpec();

    /** The CRM the fixture is a source of ({@code salesforce}, {@code hubspot}). */
    protected abstract String expectedCrm();

    /** The environment the connector sees, credentials included; empty unless overridden. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** What is asked of the source; everything unless overridden. */
    protected FetchRequest request() {
        return FetchRequest.everything();
    }

    /** The as-of time the snapshot must have: the clock's, unless the source keeps its own (snapshot files). */
    protected Instant expectedAsOf() {
        return NOW;
    }

    /** Whether the fixture can be read completely; true unless overridden (a snapshot file saved incomplete). */
    protected boolean fixtureIsComplete() {
        return true;
    }

    /** Whether the fixture has stage history; true unless overridden. */
    protected boolean fixtureHasHistory() {
        return true;
    }

    /**
     * How many requests the source has received so far (a simulator's request log); 0 for files. The contract
     * compares the growth during a fetch with the requests the read-only guard let through.
     */
    protected abstract long requestsReceived();

    /**
     * Breaks the source so that it cannot be read fully any more: a simulator that refuses the token or answers
     * part of the reads with a limit, a file that is corrupt. The next fetch must end incomplete or in a USER or
     * EXTERNAL {@link L2oException}.
     */
    protected abstract void breakSource();

    /**
     * Credentials the connector handles that are not environment values, by a description: the contents of a key
     * file named in the environment. None unless overridden.
     */
    protected Map<String, String> otherCredentials() {
        return Map.of();
    }

    /**
     * What one fetch left behind.
     *
     * @param result what the check returned, or null when an exception escaped
     * @param failure the exception that escaped {@code create}, {@code fetch} or the check, or null
     * @param output standard output and error and every log record written meanwhile
     * @param progress every progress message
     * @param requestsReceived how many requests the source received meanwhile
     * @param requestsAllowed how many requests the read-only guard let through meanwhile
     */
    protected record Observed<T>(T result, RuntimeException failure, String output, String progress, long requestsReceived,
            long requestsAllowed) {}

    /**
     * Opens a connector with a fixed clock, fetches, applies {@code check} while it is open, and closes it,
     * capturing everything written meanwhile. A runtime exception is returned, not thrown.
     */
    protected final <T> Observed<T> observe(Function<Snapshot, T> check) {
        long receivedBefore = requestsReceived();
        RecordingProgress progress = new RecordingProgress();
        ConnectorContext context = new ConnectorContext(Clock.fixed(NOW, ZoneOffset.UTC), environment(), workDirectory, progress);
        T result = null;
        RuntimeException failure = null;
        String output;
        long allowed;
        try (OutputCapture capture = OutputCapture.start()) {
            try (CrmConnector connector = factory().create(sourceSpec(), context)) {
                result = check.apply(connector.fetch(request()));
            } catch (RuntimeException e) {
                failure = e;
            }
            output = capture.text();
            allowed = capture.requestsAllowedByTheGuard();
        }
        return new Observed<>(result, failure, output, progress.text(), requestsReceived() - receivedBefore, allowed);
    }

    /** Opens a connector with a fixed clock, fetches, applies {@code check} while it is open, and closes it. */
    protected final <T> T fetch(Function<Snapshot, T> check) {
        Observed<T> observed = observe(check);
        if (observed.failure() != null) {
            throw observed.failure();
        }
        return observed.result();
    }

    @Test
    void theFactoryIsRegisteredForTheServiceLoaderAndDescribesItself() {
        // given
        CrmConnectorFactory factory = factory();

        // when
        List<CrmConnectorFactory> registered = CrmConnectors.factories();

        // then
        assertThat(registered).anySatisfy(found -> {
            assertThat(found).isInstanceOf(factory.getClass());
            assertThat(found.name()).isEqualTo(factory.name());
        });
        assertThat(factory.name()).isNotBlank().isEqualTo(factory.name().toLowerCase(Locale.ROOT));
        assertThat(factory.description()).isNotBlank();
        assertThat(factory.settings()).extracting(SettingDescriptor::name).doesNotHaveDuplicates();
    }

    @Test
    void theSnapshotIsOfTheConnectorsCrmAsOfTheContextClock() {
        // when
        Snapshot snapshot = fetch(Function.identity());

        // then
        assertThat(snapshot.crm()).isEqualTo(expectedCrm());
        assertThat(snapshot.asOf()).isEqualTo(expectedAsOf());
        assertThat(snapshot.pipelines()).isNotEmpty();
    }

    @Test
    void everyPipelineHasItsStagesInOrderWithUniqueApiNames() {
        // when
        List<Pipeline> pipelines = fetch(Snapshot::pipelines);

        // then
        assertThat(pipelines).extracting(pipeline -> pipeline.object() + "/" + pipeline.id()).doesNotHaveDuplicates();
        for (Pipeline pipeline : pipelines) {
            List<Stage> stages = pipeline.stages();
            assertThat(stages).as("stages of %s", pipeline.id()).extracting(Stage::apiName).doesNotHaveDuplicates();
            for (int i = 0; i < stages.size(); i++) {
                assertThat(stages.get(i).order()).as("order of %s in %s", stages.get(i).apiName(), pipeline.id()).isEqualTo(i);
            }
        }
    }

    @Test
    void everyAddressStartsWithTheCrmName() {
        // when
        Snapshot snapshot = fetch(Function.identity());

        // then
        List<ResourceRef> refs = new ArrayList<>();
        for (Pipeline pipeline : snapshot.pipelines()) {
            refs.add(pipeline.ref());
            pipeline.stages().forEach(stage -> refs.add(stage.ref()));
        }
        snapshot.fields().stream().map(FieldDef::ref).forEach(refs::add);
        snapshot.automations().stream().map(Automation::ref).forEach(refs::add);
        snapshot.assignmentRules().stream().map(AssignmentRule::ref).forEach(refs::add);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref.crm()).isEqualTo(snapshot.crm());
            assertThat(ref.address()).startsWith(snapshot.crm() + ":");
        });
    }

    @Test
    void theFetchIsCompleteAndNoCredentialReachesTheSnapshotFileTheOutputTheLogsOrTheProgress() {
        // when
        Observed<Written> observed = observe(Written::of);

        // then
        assertThat(observed.failure()).as("exception escaping the fetch").isNull();
        assertThat(observed.result().completeness().complete()).as("complete, else: %s", observed.result().completeness().reasons())
                .isEqualTo(fixtureIsComplete());
        assertThat(observed.result().completeness().reasons()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(credentialsIn(observed.result().snapshotJson())).as("credentials in the snapshot file").isEmpty();
        assertThat(credentialsIn(observed.output())).as("credentials in the output and logs").isEmpty();
        assertThat(credentialsIn(observed.progress())).as("credentials in the progress messages").isEmpty();
    }

    @Test
    void everyRequestTheSourceReceivedPassedTheReadOnlyGuard() {
        // when
        Observed<Written> observed = observe(Written::of);

        // then
        assertThat(observed.failure()).as("exception escaping the fetch").isNull();
        assertThat(observed.requestsAllowed()).as("requests the guard let through").isEqualTo(observed.requestsReceived());
    }

    @Test
    void aBrokenSourceEndsIncompleteOrInAUserOrExternalErrorAndLeaksNoCredential() {
        // given
        breakSource();

        // when
        Observed<Written> observed = observe(Written::of);

        // then
        if (observed.failure() == null) {
            assertThat(observed.result().completeness().complete()).as("a broken source read as complete").isFalse();
            assertThat(observed.result().completeness().reasons()).allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(credentialsIn(observed.result().snapshotJson())).as("credentials in the snapshot file").isEmpty();
        } else {
            assertThat(observed.failure()).as("the exception escaping the fetch").isInstanceOf(L2oException.class);
            assertThat(((L2oException) observed.failure()).code().type()).as("the type of %s", observed.failure())
                    .isIn(ErrorType.USER, ErrorType.EXTERNAL);
            assertThat(credentialsIn(messages(observed.failure()))).as("credentials in the exception messages").isEmpty();
        }
        assertThat(credentialsIn(observed.output())).as("credentials in the output and logs").isEmpty();
        assertThat(credentialsIn(observed.progress())).as("credentials in the progress messages").isEmpty();
        assertThat(observed.requestsAllowed()).as("requests the guard let through").isEqualTo(observed.requestsReceived());
    }

    @Test
    void theHistoryReadsTheSameRowsTwice() {
        // when
        List<List<StageEvent>> reads = fetch(snapshot -> snapshot.history() == null ? null
                : List.of(SnapshotAssertions.rows(snapshot.history()), SnapshotAssertions.rows(snapshot.history())));

        // then
        if (fixtureHasHistory()) {
            assertThat(reads).as("history").isNotNull();
            assertThat(reads.get(0)).isNotEmpty().isEqualTo(reads.get(1));
        } else {
            assertThat(reads).as("history").isNull();
        }
    }

    @Test
    void theSnapshotRoundTripsThroughTheSnapshotFile() {
        // given
        Path file = workDirectory.resolve("conformance.l2o.json.gz");

        // when, then
        fetch(snapshot -> {
            SnapshotWriter.write(snapshot, file);
            assertSameSnapshot(SnapshotReader.read(file), snapshot);
            return snapshot;
        });
    }

    /** The credentials found in {@code text}, described without repeating them. */
    protected final List<String> credentialsIn(String text) {
        Map<String, String> known = new TreeMap<>(environment());
        known.putAll(otherCredentials());
        List<String> sensitiveNames = new ArrayList<>(otherCredentials().keySet());
        factory().settings().stream().filter(SettingDescriptor::sensitive).map(SettingDescriptor::name).forEach(sensitiveNames::add);
        return SecretScanner.findSecrets(text, known, sensitiveNames);
    }

    /** The messages of a throwable, its causes and suppressed exceptions, one a line. */
    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (seen.add(next)) {
                text.append(next).append('\n');
                if (next.getCause() != null) {
                    pending.push(next.getCause());
                }
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return text.toString();
    }

    /** What a fetch wrote: the snapshot file's JSON (history included) and the completeness. */
    private record Written(String snapshotJson, Completeness completeness) {
        static Written of(Snapshot snapshot) {
            return new Written(ConnectorConformanceTest.snapshotJson(snapshot), snapshot.completeness());
        }
    }

    /** Keeps every progress message as a line. */
    private static final class RecordingProgress implements ProgressListener {
        private final StringBuffer lines = new StringBuffer();

        @Override
        public void started(String task, long total) {
            lines.append("started ").append(task).append(' ').append(total).append('\n');
        }

        @Override
        public void advanced(long done) {
            lines.append("advanced ").append(done).append('\n');
        }

        @Override
        public void finished() {
            lines.append("finished\n");
        }

        String text() {
            return lines.toString();
        }
    }

    private static String snapshotJson(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter.write(snapshot, out);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
