package dev.l2o.salesforce.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.LiveConfiguration;
import dev.l2o.salesforce.metadata.MetadataXml;
import dev.l2o.salesforce.metadata.SalesforceMetadata;
import dev.l2o.salesforce.metadata.XmlElement;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Metadata API retrieve (metadata format: package.xml, objects/X.object, flows/X.flow) read through {@code sfdx:}. */
class SfdxMetadataFormatTest {
    /** Written by src/test/scripts/northwind_mdapi.py from the Northwind example's source format. */
    private static final Path NORTHWIND_MDAPI = RepositoryFiles.file(
            "connector-salesforce/src/test/resources/dev/l2o/salesforce/sfdx/northwind-mdapi");
    private static final Path NORTHWIND = RepositoryFiles.file("examples/northwind");
    private static final String OBJECT_FILE = "objects/Opportunity.object";

    @Test
    void aMetadataFormatRetrieveGivesTheConfigurationOfItsSourceFormat() {
        // when
        SalesforceMetadata retrieve = LiveConfiguration.withoutFiles(fetch(NORTHWIND_MDAPI));
        SalesforceMetadata source = LiveConfiguration.withoutFiles(fetch(NORTHWIND));

        // then (after a change to the example, rerun src/test/scripts/northwind_mdapi.py to write the retrieve again)
        assertThat(retrieve.pipelines()).isNotEmpty().isEqualTo(source.pipelines());
        assertThat(retrieve.fields()).isNotEmpty().isEqualTo(source.fields());
        assertThat(retrieve.automations()).isNotEmpty().isEqualTo(source.automations());
        assertThat(retrieve.assignmentRules()).isNotEmpty().isEqualTo(source.assignmentRules());
        assertThat(retrieve.assignees()).isNotEmpty().isEqualTo(source.assignees());
    }

    @Test
    void anInlineComponentNamesTheObjectFileAndTheLineOfItsElement() {
        // when
        Snapshot snapshot = fetch(NORTHWIND_MDAPI);

        // then
        FieldDef pain = snapshot.fields().stream().filter(f -> f.object().equals("Opportunity") && f.name().equals("Pain__c"))
                .findFirst().orElseThrow();
        assertThat(pain.ref().file()).isEqualTo(OBJECT_FILE);
        XmlElement fields = MetadataXml.parse(NORTHWIND_MDAPI.resolve(OBJECT_FILE), OBJECT_FILE).children("fields").stream()
                .filter(field -> "Pain__c".equals(field.text("fullName"))).findFirst().orElseThrow();
        assertThat(pain.ref().line()).isEqualTo(fields.line());
        assertThat(snapshot.pipelinesOf("Opportunity")).anySatisfy(p -> assertThat(p.ref().file()).isEqualTo(OBJECT_FILE));
    }

    @Test
    void anObjectFileIsTakenApartIntoTheComponentsTheReaderNeeds() {
        // given
        SfdxMetadataFile file = SfdxMetadataFile.of(Path.of("unpackaged/objects/Opportunity.object")).orElseThrow();

        // when
        List<SfdxMetadataFile.Component> components = takeApart(file, """
                    <businessProcesses><fullName>Global 2%2E0</fullName><isActive>true</isActive></businessProcesses>
                    <enableHistory>true</enableHistory>
                    <fields><fullName>Pain__c</fullName><type>LongTextArea</type></fields>
                    <listViews><fullName>AllOpportunities</fullName><filterScope>Everything</filterScope></listViews>
                    <recordTypes><fullName>Renewal</fullName><businessProcess>Global 2.0</businessProcess></recordTypes>
                    <validationRules><fullName>Require_Pain</fullName><active>true</active></validationRules>
                """);

        // then
        assertThat(file.type()).isEqualTo("CustomObject");
        assertThat(file.fullName()).isEqualTo("Opportunity");
        assertThat(components).extracting(c -> c.root().name(), SfdxMetadataFile.Component::fullName)
                .containsExactly(tuple("BusinessProcess", "Opportunity.Global 2.0"), tuple("CustomField", "Opportunity.Pain__c"),
                        tuple("RecordType", "Opportunity.Renewal"), tuple("ValidationRule", "Opportunity.Require_Pain"));
        assertThat(components.get(1).root().text("type")).isEqualTo("LongTextArea");
        assertThat(components.get(1).root().line()).isEqualTo(5);
    }

    @Test
    void anInlineChildWithoutFullNameIsAOneLineErrorNamingFileLineAndColumn() {
        // given
        SfdxMetadataFile file = SfdxMetadataFile.of(Path.of("objects/Opportunity.object")).orElseThrow();

        // when / then
        assertThatThrownBy(() -> takeApart(file, """
                    <fields><fullName>Pain__c</fullName></fields>
                    <fields><type>Checkbox</type></fields>
                """))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessage(OBJECT_FILE + ":4:13: a <fields> element of Opportunity has no <fullName>");
    }

    @Test
    void metadataFormatFilesAreRecognisedByFolderAndSuffix() {
        assertThat(SfdxMetadataFile.of(Path.of("flows/Stamp_Won_Date.flow")))
                .hasValue(new SfdxMetadataFile(Path.of("flows/Stamp_Won_Date.flow"), "Flow", "Stamp_Won_Date"));
        assertThat(SfdxMetadataFile.of(Path.of("workflows/Opportunity.workflow")).map(SfdxMetadataFile::type)).hasValue("Workflow");
        assertThat(SfdxMetadataFile.of(Path.of("assignmentRules/Lead.assignmentRules")).map(SfdxMetadataFile::fullName))
                .hasValue("Lead");
        assertThat(SfdxMetadataFile.of(Path.of("notes/Stamp_Won_Date.flow"))).isEmpty();
        assertThat(SfdxMetadataFile.of(Path.of("objects/Opportunity.txt"))).isEmpty();
        assertThat(SfdxMetadataFile.of(Path.of("package.xml"))).isEmpty();
    }

    @Test
    void aRetrieveIsReadAtAnyDepthAndItsErrorsNameTheFileBelowTheFolder(@TempDir Path folder) throws IOException {
        // given
        write(folder, "unpackaged/package.xml", "<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>");
        write(folder, "unpackaged/objects/Opportunity.object", object("""
                    <validationRules><fullName>Require_Pain</fullName><active>true</active>
                        <errorConditionFormula>ISBLANK(Pain__c)</errorConditionFormula></validationRules>
                """));
        write(folder, "unpackaged/objects/Lead.object", object("""
                    <fields><label>No name</label></fields>
                """));

        // when / then
        assertThatThrownBy(() -> fetch(folder))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessage("unpackaged/objects/Lead.object:3:13: a <fields> element of Lead has no <fullName>");

        // when
        Files.delete(folder.resolve("unpackaged/objects/Lead.object"));

        // then
        assertThat(fetch(folder).automations()).extracting(Automation::name, a -> a.ref().file())
                .containsExactly(tuple("Require_Pain", "unpackaged/objects/Opportunity.object"));
    }

    @Test
    void aFolderOfFilesThatAreNoSalesforceMetadataIsABadSourceInOneLine(@TempDir Path folder) throws IOException {
        // given
        write(folder, "README.md", "# Not a retrieve\n");
        write(folder, "objects/Opportunity.json", "{}");
        write(folder, "data/Opportunity.csv", "Id,StageName\n0061,Prospecting\n");

        // when / then
        assertBadSource(folder)
                .hasMessage("sfdx:" + folder + ": none of its 2 files (README.md, ...) is Salesforce metadata: give an SFDX project"
                        + " in source format (objects/Opportunity/fields/Pain__c.field-meta.xml) or a metadata-format retrieve"
                        + " (package.xml, objects/Opportunity.object, flows/X.flow)");
    }

    @Test
    void aFolderThatHoldsARetrieveArchiveSaysToGiveTheArchive(@TempDir Path folder) throws IOException {
        // given
        Path archive = write(folder, "unpackaged.zip", "PK");

        // when / then
        assertBadSource(folder)
                .hasMessageStartingWith("sfdx:" + folder + ": none of its 1 file (unpackaged.zip) is Salesforce metadata: ")
                .hasMessageEndingWith(" (a retrieve's archive is read when given itself: sfdx:" + archive + ")");
    }

    @Test
    void aRetrieveOrProjectWithNothingThisReaderNeedsIsAnEmptyConfiguration(@TempDir Path folder) throws IOException {
        // given
        Path retrieve = write(folder, "retrieve/package.xml", "<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>")
                .getParent();
        write(folder, "retrieve/layouts/Opportunity-Opportunity Layout.layout", "<Layout/>");
        Path project = write(folder, "project/classes/Stamp.cls-meta.xml", "<ApexClass/>").getParent().getParent();
        Path dataOnly = write(folder, "data-only/data/Opportunity.csv", "Id,StageName\n0061,Prospecting\n").getParent().getParent();

        // when / then
        for (Path empty : List.of(retrieve, project, dataOnly)) {
            Snapshot snapshot = fetch(empty);
            assertThat(snapshot.automations()).isEmpty();
            assertThat(snapshot.pipelines()).isEmpty();
        }
    }

    @Test
    void aRetrieveZipIsReadWhereItLiesLikeItsFolder(@TempDir Path folder) throws IOException {
        // given: the archive a retrieve writes, its files below unpackaged/
        Path archive = folder.resolve("Northwind Retrieve.ZIP");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
                Stream<Path> files = Files.walk(NORTHWIND_MDAPI)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry("unpackaged/" + NORTHWIND_MDAPI.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }

        // when
        Snapshot snapshot = fetch(archive);

        // then
        assertThat(LiveConfiguration.withoutFiles(snapshot)).isEqualTo(LiveConfiguration.withoutFiles(fetch(NORTHWIND_MDAPI)));
        assertThat(snapshot.fields()).extracting(f -> f.ref().file()).contains("unpackaged/" + OBJECT_FILE);
        assertThat(snapshot.records()).isEmpty();
        try (Stream<Path> unpacked = Files.list(folder)) {
            assertThat(unpacked).as("nothing unpacked beside the archive").containsExactly(archive);
        }
    }

    @Test
    void aMalformedFileInARetrieveZipIsNamedWithTheArchive(@TempDir Path folder) throws IOException {
        // given: a retrieve whose flow lacks a tag's closing bracket on line 3
        Path archive = folder.resolve("unpackaged.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("unpackaged/flows/Broken.flow"));
            zip.write("<?xml version=\"1.0\"?>\n<Flow xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n  <label>x</label\n</Flow>\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        // when / then
        assertThatThrownBy(() -> fetch(archive))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessageStartingWith(archive + "!/unpackaged/flows/Broken.flow:4:1: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aZipThatIsNoArchiveIsABadSourceInOneLine(@TempDir Path folder) throws IOException {
        // given
        Path archive = write(folder, "retrieve.zip", "not a zip");

        // when / then
        assertBadSource(archive)
                .hasMessageStartingWith("sfdx:" + archive + ": not a readable zip archive: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRetrieveOfAutomationsOnlyIsReadWithoutThemWhenTheRequestNeedsNone(@TempDir Path folder) throws IOException {
        // given: no package.xml, a flow only
        write(folder, "flows/Stamp_Won_Date.flow", "<Flow xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>");

        // when
        Snapshot snapshot = new SfdxConnector(folder, folder.toString(), context()).fetch(FetchRequest.everything().withoutAutomations());

        // then
        assertThat(snapshot.automations()).isEmpty();
    }

    /** Asserts that reading {@code source} fails as a bad source, for the message's assertions. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertBadSource(Path source) {
        return assertThatThrownBy(() -> fetch(source))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE));
    }

    private static String object(String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
                + children + "</CustomObject>\n";
    }

    private static Path write(Path folder, String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** The components of an object file that holds {@code children}, from its third line on. */
    private static List<SfdxMetadataFile.Component> takeApart(SfdxMetadataFile file, String children) {
        return file.components(MetadataXml.parse(object(children), OBJECT_FILE), OBJECT_FILE);
    }

    private static Snapshot fetch(Path folder) {
        return CrmConnectors.open(SourceSpec.parse("sfdx:" + folder, Map.of()), context()).fetch(FetchRequest.everything());
    }

    private static ConnectorContext context() {
        return new ConnectorContext(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), Map.of(), Path.of("target"),
                ProgressListener.NONE);
    }
}
