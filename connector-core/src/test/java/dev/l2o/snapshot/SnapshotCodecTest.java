package dev.l2o.snapshot;

import static dev.l2o.snapshot.SnapshotAssertions.assertSameSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCodecTest {
    /** The sample snapshot as version 1 writes it, pretty-printed; also the fixture of the snapshot source. */
    static final Path GOLDEN = Path.of("src/test/resources/dev/l2o/snapshot/sample-snapshot.json");

    @TempDir
    Path directory;

    @Test
    void aSnapshotWithOddTextNullsAndNonFiniteNumbersRoundTripsToAnEqualSnapshot() {
        // given
        Snapshot original = SampleSnapshots.salesforce();
        Path file = directory.resolve("sample.l2o.json.gz");

        // when
        SnapshotWriter.write(original, file);
        Snapshot read = SnapshotReader.read(file);

        // then
        assertSameSnapshot(read, original);
    }

    @Test
    void aSnapshotWithoutHistoryReadsBackWithoutHistory() {
        // given
        Snapshot original = SampleSnapshots.salesforce().withHistory(null);
        Path file = directory.resolve("no-history.gz");

        // when
        SnapshotWriter.write(original, file);

        // then
        assertThat(SnapshotReader.read(file)).isEqualTo(original);
    }

    @Test
    void aRecordsPipelineAndThePipelinesRecordTypesReadBack() {
        // given
        Snapshot sample = SampleSnapshots.salesforce().withHistory(null);
        Pipeline first = sample.pipelines().get(0);
        Pipeline typed = new Pipeline(first.id(), first.label(), first.object(), first.isDefault(), first.stages(), first.ref(),
                List.of("Renewal", "Upsell"));
        Snapshot original = new Snapshot(sample.source(), sample.crm(), sample.asOf(), sample.completeness(), List.of(typed),
                sample.fields(), sample.automations(), sample.assignmentRules(), sample.assignees(),
                List.of(new CrmRecord("Opportunity", "006A", Map.of("Name", "Renewal 2026"), "Opportunity.Renewal")), null,
                sample.changeTrail());
        Path file = directory.resolve("record-types.gz");

        // when
        SnapshotWriter.write(original, file);

        // then
        Snapshot read = SnapshotReader.read(file);
        assertThat(read).isEqualTo(original);
        assertThat(read.records().get(0).pipeline()).isEqualTo("Opportunity.Renewal");
        assertThat(read.pipelines().get(0).recordTypes()).containsExactly("Renewal", "Upsell");
    }

    @Test
    void writingEqualSnapshotsGivesByteIdenticalFilesWithoutATimeStamp() throws IOException {
        // given
        Path first = directory.resolve("first.gz");
        Path second = directory.resolve("second.gz");

        // when
        SnapshotWriter.write(SampleSnapshots.salesforce(), first);
        SnapshotWriter.write(SampleSnapshots.salesforce(), second);

        // then
        byte[] bytes = Files.readAllBytes(first);
        assertThat(bytes).isEqualTo(Files.readAllBytes(second));
        assertThat(Arrays.copyOfRange(bytes, 0, 2)).containsExactly(0x1f, 0x8b);
        assertThat(Arrays.copyOfRange(bytes, 4, 8)).as("gzip modification time").containsExactly(0, 0, 0, 0);
    }

    @Test
    void theWrittenJsonMatchesTheVersionOneGoldenFile() throws IOException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        SnapshotWriter.write(SampleSnapshots.salesforce(), out);

        // then
        String pretty = prettyJson(gunzip(out.toByteArray()));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, pretty, StandardCharsets.UTF_8);
        }
        assertThat(pretty).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void formatAndVersionComeFirstAndHistoryComesLast() throws IOException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        SnapshotWriter.write(SampleSnapshots.salesforce(), out);

        // then
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(gunzip(out.toByteArray())).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("format", "version", "source", "crm", "asOf", "completeness", "pipelines",
                "fields", "automations", "assignmentRules", "assignees", "records", "changeTrail", "history");
    }

    @Test
    void aFileWrittenBeforeChangeTrailsReadsWithATrailThatSaysWhyItIsNotAvailable() {
        // when
        Snapshot read = SnapshotReader.read(GOLDEN.resolveSibling("sample-snapshot-without-change-trail.json"));

        // then
        assertThat(read.changeTrail().available()).isFalse();
        assertThat(read.changeTrail().changes()).isEmpty();
        assertThat(read.changeTrail().unavailableReason()).isEqualTo("the snapshot file was taken without a record of setup changes");
        assertSameSnapshot(read.withChangeTrail(SampleSnapshots.changeTrail()), SampleSnapshots.salesforce());
    }

    @Test
    void aSetupChangeWithAnInstantThatIsNoInstantIsReportedByItsPath() throws IOException {
        // given
        Path file = directory.resolve("bad-instant.json");
        Files.writeString(file, Files.readString(GOLDEN).replace("\"2025-03-01T10:15:30Z\"", "\"yesterday\""));

        // when / then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOf(L2oException.class)
                .hasMessageContaining("changeTrail.changes[0].at is not an ISO-8601 instant: 'yesterday'");
    }

    @Test
    void aPlainJsonFileInTheSnapshotFormatIsReadLikeACompressedOne() {
        // when
        Snapshot read = SnapshotReader.read(GOLDEN);

        // then
        assertSameSnapshot(read, SampleSnapshots.salesforce());
    }

    @Test
    void writingToAStreamFinishesTheGzipStreamButLeavesTheStreamOpen() throws IOException {
        // given
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        // when
        SnapshotWriter.write(SampleSnapshots.salesforce(), out);

        // then
        assertThat(closed[0]).isFalse();
        assertThat(new ObjectMapper().readTree(gunzip(bytes.toByteArray())).path("crm").asText()).isEqualTo("salesforce");
    }

    @Test
    void twoHundredThousandRowsRoundTripAndAreDecodedOnlyWhenStreamed() {
        // given
        int rows = 200_000;
        GeneratedHistory generated = new GeneratedHistory(rows);
        Path file = directory.resolve("large.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce().withHistory(generated), file);

        // when
        Snapshot read = SnapshotReader.read(file);

        // then
        FileStageHistory history = (FileStageHistory) read.history();
        assertThat(history.rowsDecoded()).isZero();
        assertThat(history.sortedByRecord()).isTrue();
        assertThat(history.description()).isEqualTo(generated.description());
        int[] index = {0};
        history.forEach(event -> assertThat(event).isEqualTo(GeneratedHistory.row(index[0]++)));
        assertThat(index[0]).isEqualTo(rows);
        assertThat(history.rowsDecoded()).isEqualTo(rows);
    }

    @Test
    void historyRowsReadTwiceAreIdentical() {
        // given
        Path file = directory.resolve("twice.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        StageHistory history = SnapshotReader.read(file).history();

        // when
        List<StageEvent> first = SnapshotAssertions.rows(history);
        List<StageEvent> second = SnapshotAssertions.rows(history);

        // then
        assertThat(first).hasSize(5).isEqualTo(second);
    }

    @Test
    void theHistoryReopensTheFileOnEveryPass() throws IOException {
        // given
        Path file = directory.resolve("gone.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        StageHistory history = SnapshotReader.read(file).history();
        Files.delete(file);

        // when, then
        assertThatThrownBy(() -> history.forEach(event -> { }))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessage("snapshot file " + file + " does not exist");
    }

    @Test
    void whatTheSinkThrowsPassesThroughUnchanged() {
        // given
        Path file = directory.resolve("sink.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        StageHistory history = SnapshotReader.read(file).history();
        IllegalStateException stop = new IllegalStateException("enough");

        // when, then
        assertThatThrownBy(() -> history.forEach(event -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void aNewerFormatVersionIsRejectedWithAOneLineReason() throws IOException {
        // given
        Path file = gzipFile("future.gz", "{\"format\":\"l2o-snapshot\",\"version\":2,\"somethingNew\":[]}");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessage("snapshot " + file + " has format version 2, but this l2o reads version 1 only: "
                        + "upgrade l2o, or take the snapshot again with this version");
    }

    @Test
    void aTruncatedGzipFileIsABadSnapshotNamingTheFile() throws IOException {
        // given
        Path file = directory.resolve("truncated.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageStartingWith("snapshot " + file + ", line 1, column ")
                .hasMessageContaining("the file is truncated")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileMissingOnlyItsGzipTrailerIsStillCaught() throws IOException {
        // given
        Path file = directory.resolve("no-trailer.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageContaining(file.toString());
    }

    @Test
    void aCorruptedByteIsABadSnapshot() throws IOException {
        // given
        Path file = directory.resolve("corrupt.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageStartingWith("snapshot " + file);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        // given
        Path file = directory.resolve("malformed.json");
        Files.writeString(file, "{\"format\": \"l2o-snapshot\", \"version\": 1,\n  \"crm\": salesforce}");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageStartingWith("snapshot " + file + ", line 2, column 10: malformed JSON: Unrecognized token 'salesforce'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedByItsPath() throws IOException {
        // given
        String json = prettyJson(gunzip(bytesOf(SampleSnapshots.salesforce())))
                .replace("\"order\" : 1,", "\"order\" : \"second\",");
        Path file = directory.resolve("wrong-type.json");
        Files.writeString(file, json);

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageMatching("snapshot .*wrong-type\\.json, line \\d+, column \\d+: "
                        + "pipelines\\[0\\]\\.stages\\[1\\]\\.order is not an integer");
    }

    @Test
    void aValueTheModelRejectsIsReportedByItsPath() throws IOException {
        // given
        String json = prettyJson(gunzip(bytesOf(SampleSnapshots.salesforce())))
                .replace("\"probability\" : 75.5,", "\"probability\" : 175.5,");
        Path file = directory.resolve("out-of-range.json");
        Files.writeString(file, json);

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOf(L2oException.class)
                .hasMessageEndingWith(": pipelines[0].stages[2]: probability out of 0..100: 175.5");
    }

    /** The sample snapshot as plain JSON with {@code regex}'s first match replaced, in a file. */
    private Path sampleWith(String regex, String replacement) throws IOException {
        Path file = directory.resolve("edited.json");
        Files.writeString(file, prettyJson(gunzip(bytesOf(SampleSnapshots.salesforce()))).replaceFirst(regex, replacement));
        return file;
    }

    @Test
    void anUnknownEnumValueIsReportedByItsPath() throws IOException {
        // given
        Path file = sampleWith("\"kind\" : \"VALIDATION\"", "\"kind\" : \"ROBOT\"");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageMatching("snapshot .*edited\\.json, line \\d+, column \\d+: automations\\[0\\]\\.kind has unknown value 'ROBOT'");
    }

    @Test
    void aRecordValueThatIsNoScalarIsReportedByItsPath() throws IOException {
        // given
        Path file = sampleWith("\"Amount\" : [^,\n]+", "\"Amount\" : [ 1 ]");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file)).hasMessageMatching(".*: records\\[\\d+\\]\\.values\\.Amount "
                + "is not a string, whole number, number, boolean or null");
    }

    @Test
    void aMissingRequiredValueIsReportedByTheObjectThatNeedsIt() throws IOException {
        // given
        Path file = sampleWith("\"apiName\" : \"[^\"]*\",", "");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file)).hasMessageMatching(".*: pipelines\\[0\\]\\.stages\\[0\\]: apiName is null");
    }

    @Test
    void aBadHistoryRowIsReportedWhenStreamedWithItsLocation() throws IOException {
        // given
        String json = prettyJson(gunzip(bytesOf(SampleSnapshots.salesforce()))).replace("\"2025-03-31\"", "\"31/03/2025\"");
        Path file = directory.resolve("bad-row.json");
        Files.writeString(file, json);
        StageHistory history = SnapshotReader.read(file).history();

        // when, then
        assertThatThrownBy(() -> history.forEach(event -> { }))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessageMatching("snapshot .*bad-row\\.json, line \\d+, column \\d+: "
                        + "the close date of a history row is not an ISO-8601 date: '31/03/2025'");
    }

    @Test
    void aJsonFileThatIsNotASnapshotIsRejected() throws IOException {
        // given
        Path file = gzipFile("report.json.gz", "{\"schemaVersion\": 1, \"findings\": []}");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SNAPSHOT))
                .hasMessage("snapshot " + file + ", line 1, column 2: not an l2o snapshot (it does not start with "
                        + "\"format\": \"l2o-snapshot\")");
    }

    @Test
    void aSnapshotWithoutRequiredPartsIsRejected() throws IOException {
        // given
        Path file = gzipFile("empty.gz", "{\"format\":\"l2o-snapshot\",\"version\":1,\"crm\":\"hubspot\"}");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOf(L2oException.class)
                .hasMessage("snapshot " + file + ": source is missing");
    }

    @Test
    void aMissingFileIsUnreadable() {
        // given
        Path file = directory.resolve("nowhere.gz");

        // when, then
        assertThatThrownBy(() -> SnapshotReader.read(file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessage("snapshot file " + file + " does not exist");
    }

    @Test
    void aHistoryThatFailsWhileWritingLeavesTheExistingFileAndNoTemporaryFile() throws IOException {
        // given
        Path file = directory.resolve("kept.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce().withHistory(null), file);
        byte[] before = Files.readAllBytes(file);
        StageHistory failing = new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                sink.accept(GeneratedHistory.row(0));
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, "history.csv, line 2: bad date");
            }

            @Override
            public String description() {
                return "history.csv";
            }
        };

        // when, then
        assertThatThrownBy(() -> SnapshotWriter.write(SampleSnapshots.salesforce().withHistory(failing), file))
                .isInstanceOf(L2oException.class)
                .hasMessage("history.csv, line 2: bad date");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writingIntoAMissingDirectoryIsABadArgument() {
        // given
        Path file = directory.resolve("missing/snapshot.gz");

        // when, then
        assertThatThrownBy(() -> SnapshotWriter.write(SampleSnapshots.salesforce(), file))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessage("cannot write snapshot " + file + ": no such directory");
    }

    private Path gzipFile(String name, String json) throws IOException {
        Path file = directory.resolve(name);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static byte[] bytesOf(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter.write(snapshot, out);
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static String prettyJson(byte[] json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(json);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        return mapper.writer(printer).writeValueAsString(tree) + "\n";
    }

    /**
     * Rows computed from their index, so that hundreds of thousands can be written and compared without holding
     * them: 4 rows per record, in time order, with nulls, and an object change every 1 000 rows.
     */
    private record GeneratedHistory(int size) implements StageHistory {
        private static final String[] STAGES = {"Prospecting", "Qualification", "Proposal/Price Quote", "Closed Won"};
        private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();

        static StageEvent row(int index) {
            int record = index / 4;
            return new StageEvent(index / 1000 % 2 == 0 ? "Opportunity" : "deals", "006" + record, STAGES[index % 4],
                    Instant.ofEpochMilli(1_700_000_000_000L + index * 3_600_000L + index % 7),
                    index % 3 == 0 ? null : index * 1.25, index % 5 == 0 ? null : LocalDate.ofEpochDay(19_000 + record % 700),
                    index % 4 == 0 ? null : (double) (index % 4) * 25, index % 6 == 0 ? null : CATEGORIES[index % CATEGORIES.length]);
        }

        @Override
        public void forEach(Consumer<StageEvent> sink) {
            for (int i = 0; i < size; i++) {
                sink.accept(row(i));
            }
        }

        @Override
        public boolean sortedByRecord() {
            return true;
        }

        @Override
        public String description() {
            return "generated " + size + " rows";
        }
    }
}
