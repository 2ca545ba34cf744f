package dev.l2o.salesforce.sfdx;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.metadata.MetadataXml;
import dev.l2o.testing.FuzzCorpus;
import dev.l2o.testing.ReaderFuzzTest;
import dev.l2o.testing.ResultOrUserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SFDX connector's metadata reading (XML, then the mapping a live org goes through too) under hostile files. */
class SfdxMetadataFuzzTest {
    private static final String FLOW = "force-app/main/default/flows/Fuzz.flow-meta.xml";
    private static final String VALIDATION_RULE = "force-app/main/default/objects/Opportunity/validationRules/Fuzz.validationRule-meta.xml";
    private static final String ASSIGNMENT_RULES = "force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml";
    private static final String CUSTOM_FIELD = "force-app/main/default/objects/Opportunity/fields/Fuzz__c.field-meta.xml";
    private static final String BUSINESS_PROCESS = "force-app/main/default/objects/Opportunity/businessProcesses/Fuzz.businessProcess-meta.xml";
    /** A metadata-format object file, its fields, validation rules and sales processes inline. */
    private static final String CUSTOM_OBJECT = "force-app/main/default/objects/Opportunity.object";

    @TempDir
    static Path folder;

    @ReaderFuzzTest
    void flow(byte[] input) throws Exception {
        read(FLOW, input);
    }

    @ReaderFuzzTest
    void validationRule(byte[] input) throws Exception {
        read(VALIDATION_RULE, input);
    }

    @ReaderFuzzTest
    void assignmentRules(byte[] input) throws Exception {
        read(ASSIGNMENT_RULES, input);
    }

    @ReaderFuzzTest
    void customField(byte[] input) throws Exception {
        read(CUSTOM_FIELD, input);
    }

    @ReaderFuzzTest
    void businessProcess(byte[] input) throws Exception {
        read(BUSINESS_PROCESS, input);
    }

    @ReaderFuzzTest
    void customObject(byte[] input) throws Exception {
        read(CUSTOM_OBJECT, input);
    }

    @ParameterizedTest
    @CsvSource({"flow, " + FLOW, "validationRule, " + VALIDATION_RULE, "assignmentRules, " + ASSIGNMENT_RULES,
        "customField, " + CUSTOM_FIELD, "businessProcess, " + BUSINESS_PROCESS, "customObject, " + CUSTOM_OBJECT})
    void mutatedMetadataGivesASnapshotOrAOneLineUserError(String method, String relative) {
        FuzzCorpus.check(getClass(), method, 300, input -> read(relative, input));
    }

    @Test
    void anExternalEntityIsRefusedWithoutBeingRead() throws IOException {
        // given
        write(FLOW, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Flow [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata"><description>&xxe;</description></Flow>
                """.getBytes(UTF_8));

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA);
                    ResultOrUserError.assertUserError(e);
                })
                .hasMessageStartingWith("force-app/main/default/flows/Fuzz.flow-meta.xml:2:")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anInternalEntityExpansionIsRefusedAsADoctype() throws IOException {
        // given
        write(FLOW, """
                <?xml version="1.0"?>
                <!DOCTYPE Flow [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata"><description>&b;</description></Flow>
                """.getBytes(UTF_8));

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, ResultOrUserError::assertUserError)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void deepNestingIsRefusedAtItsPosition() throws IOException {
        // given
        write(FLOW, ("<Flow xmlns=\"http://soap.sforce.com/2006/04/metadata\">" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</Flow>")
                .getBytes(UTF_8));

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, ResultOrUserError::assertUserError)
                .hasMessageStartingWith("force-app/main/default/flows/Fuzz.flow-meta.xml:1:")
                .hasMessageEndingWith("the elements nest deeper than " + MetadataXml.MAX_DEPTH + " levels");
    }

    @Test
    void textBeyondTheLimitIsRefusedBeforeItIsHeld() throws IOException {
        // given
        write(FLOW, ("<Flow xmlns=\"http://soap.sforce.com/2006/04/metadata\"><description>" + "x".repeat(MetadataXml.MAX_TEXT_CHARACTERS + 1)
                + "</description></Flow>").getBytes(UTF_8));

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, ResultOrUserError::assertUserError)
                .hasMessageEndingWith("the document has more than " + MetadataXml.MAX_TEXT_CHARACTERS + " characters of text");
    }

    @Test
    void invalidUtf8IsAOneLineMetadataError() throws IOException {
        // given
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Flow xmlns=\"http://soap.sforce.com/2006/04/metadata\"><description>".getBytes(UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xc3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = (byte) 0xff;
        write(FLOW, bytes);

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessage("force-app/main/default/flows/Fuzz.flow-meta.xml:2:68: Invalid byte 2 of 2-byte UTF-8 sequence.");
    }

    private static void read(String relative, byte[] input) throws Exception {
        write(relative, input);
        ResultOrUserError.check(SfdxMetadataFuzzTest::fetchProject);
    }

    private Snapshot fetch() {
        return fetchProject();
    }

    private static Snapshot fetchProject() {
        ConnectorContext context = new ConnectorContext(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), Map.of(),
                folder, ProgressListener.NONE);
        return new SfdxConnector(folder, folder.toString(), context).fetch(FetchRequest.everything());
    }

    /** Makes {@code relative} the project's only metadata file. */
    private static void write(String relative, byte[] input) throws IOException {
        Path metadata = folder.resolve("force-app");
        if (Files.exists(metadata)) {
            try (var files = Files.walk(metadata)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, input);
    }
}
