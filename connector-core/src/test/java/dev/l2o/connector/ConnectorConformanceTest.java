package dev.l2o.connector;

import static dev.l2o.snapshot.SnapshotAssertions.assertSameSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * CRM and the clock's as-of time; every pipeline's stages are in order with unique API names; every address
 * starts with the CRM's name; no secret of the environment or secret-looking text ends up in the snapshot
 * file; the history reads the same twice; the snapshot survives the snapshot file codec unchanged.
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

    /** Whether the fixture has stage history; true unless overridden. */
    protected boolean fixtureHasHistory() {
        return true;
    }

    /** Opens a connector with a fixed clock, fetches, applies {@code check} while it is open, and closes it. */
    protected final <T> T fetch(Function<Snapshot, T> check) {
        ConnectorContext context = new ConnectorContext(Clock.fixed(NOW, ZoneOffset.UTC), environment(), workDirectory,
                ProgressListener.NONE);
        try (CrmConnector connector = factory().create(sourceSpec(), context)) {
            return check.apply(connector.fetch(request()));
        }
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
    void theSnapshotFileHoldsNoSecrets() {
        // given
        List<String> sensitiveNames = factory().settings().stream()
                .filter(SettingDescriptor::sensitive)
                .map(SettingDescriptor::name)
                .toList();

        // when
        String json = fetch(ConnectorConformanceTest::snapshotJson);

        // then
        assertThat(SecretScanner.findSecrets(json, environment(), sensitiveNames)).isEmpty();
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

    private static String snapshotJson(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter.write(snapshot, out);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
