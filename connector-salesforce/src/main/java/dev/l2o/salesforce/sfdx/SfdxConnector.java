package dev.l2o.salesforce.sfdx;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.FetchRequest;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import dev.l2o.salesforce.metadata.MetadataXml;
import dev.l2o.salesforce.metadata.SalesforceAddresses;
import dev.l2o.salesforce.metadata.SalesforceMetadata;
import dev.l2o.salesforce.metadata.SalesforceMetadataAssembler;
import dev.l2o.salesforce.metadata.SalesforceRecordTypes;
import dev.l2o.salesforce.metadata.SalesforceStandardFields;
import dev.l2o.salesforce.metadata.XmlElement;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipError;

/**
 * Reads a Salesforce DX project in source format, or a metadata-format retrieve (see {@link SfdxProject} and
 * {@link SfdxMetadataFile}), into a snapshot with crm {@code salesforce}. Metadata files are parsed with {@link MetadataXml} and mapped by
 * {@link SalesforceMetadataAssembler}, the same mapping a live org goes through. Optional data beside the
 * metadata, in the project root's {@code data/} folder: {@code OpportunityHistory.csv} (stage history, read
 * by {@link OpportunityHistoryCsv} when the request wants history), {@code LeadHistory.csv} (lead status
 * history, read by {@link LeadHistoryCsv} and read after the opportunity rows in the same history; a
 * {@code CreatedDate} column in {@code Lead.csv} dates each lead's initial status) and {@code Opportunity.csv},
 * {@code Lead.csv}, {@code Account.csv}, {@code Contact.csv} (current record values; a {@value SalesforceRecordTypes#FIELD}
 * column names each record's record type, and so its sales process, see {@link SalesforceRecordTypes}). The as-of time is the
 * context clock's now. Reads only local files; not thread-safe.
 */
public final class SfdxConnector implements CrmConnector {
    /** The data folder, relative to the project root. */
    public static final String DATA_FOLDER = "data";
    /** The stage history file inside {@link #DATA_FOLDER}. */
    public static final String HISTORY_FILE = "OpportunityHistory.csv";
    /** The source attribute that says why records' record types could not decide their sales processes. */
    public static final String RECORD_TYPES = "recordTypes";
    /** The lead status history file inside {@link #DATA_FOLDER}. */
    public static final String LEAD_HISTORY_FILE = "LeadHistory.csv";

    /** A retrieve's archive, read in place ({@code sf project retrieve start --target-metadata-dir DIR --zip-file-name}). */
    private static final Pattern RETRIEVE_ZIP = Pattern.compile("(?i).+\\.zip");

    private final Path folder;
    private final String location;
    private final ConnectorContext context;

    /**
     * @param folder the project folder
     * @param location how the source was given ({@code sfdx:} is prefixed in messages), for the snapshot's source info
     */
    public SfdxConnector(Path folder, String location, ConnectorContext context) {
        this.folder = requireNonNull(folder, "folder is null");
        this.location = requireNonNull(location, "location is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Snapshot fetch(FetchRequest request) {
        requireNonNull(request, "request is null");
        if (RETRIEVE_ZIP.matcher(folder.getFileName() == null ? "" : folder.getFileName().toString()).matches()
                && Files.isRegularFile(folder)) {
            return fetchZip(request);
        }
        SfdxProject project = SfdxProject.open(folder);
        SalesforceMetadata metadata = readMetadata(project, request, "");
        Path data = folder.resolve(DATA_FOLDER);
        List<CrmRecord> records = new ArrayList<>();
        for (String object : new TreeSet<>(SalesforceStandardFields.OBJECTS)) {
            Path file = data.resolve(object + ".csv");
            if (Files.isRegularFile(file)) {
                records.addAll(RecordsCsv.read(file, project.relative(file), object, metadata.fields()));
            }
        }
        StageHistory history = null;
        if (request.history()) {
            Path historyFile = data.resolve(HISTORY_FILE);
            Path leadHistoryFile = data.resolve(LEAD_HISTORY_FILE);
            history = StageHistories.concatPresent(
                    Files.isRegularFile(historyFile) ? OpportunityHistoryCsv.open(historyFile, project.relative(historyFile)) : null,
                    Files.isRegularFile(leadHistoryFile) ? LeadHistoryCsv.open(leadHistoryFile, project.relative(leadHistoryFile),
                            leadCreatedDates(records, project.relative(data.resolve("Lead.csv")))::get) : null);
        }
        return snapshot(project, metadata, records, history);
    }

    /**
     * Reads the metadata of a retrieve's {@code .zip} where it lies, through the JDK's zip file system: nothing is
     * unpacked to disk. The archive is closed before this returns, so that the lazily read history files a folder may
     * have are not read from it: a retrieve holds metadata only.
     */
    private Snapshot fetchZip(FetchRequest request) {
        try (FileSystem zip = FileSystems.newFileSystem(folder)) {
            SfdxProject project = SfdxProject.open(zip.getPath("/"));
            // a file's errors name the archive too ("unpackaged.zip!/unpackaged/flows/X.flow:4:1: …"), as a jar URL does
            return snapshot(project, readMetadata(project, request, location + "!/"), List.of(), null);
        } catch (IOException | ZipError e) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx:" + location + ": not a readable zip archive: " + e.getMessage());
        }
    }

    private Snapshot snapshot(SfdxProject project, SalesforceMetadata metadata, List<CrmRecord> records, StageHistory history) {
        String unresolved = recordTypesByIdOnly(records, metadata);
        Map<String, String> attributes = new TreeMap<>(project.attributes());
        Optional.ofNullable(history).ifPresent(h -> attributes.put("history", h.description()));
        Optional.ofNullable(unresolved).ifPresent(reason -> attributes.put(RECORD_TYPES, reason));
        return new Snapshot(new SourceInfo("sfdx", location, attributes), SalesforceAddresses.CRM, context.clock().instant(),
                Completeness.full(), metadata.pipelines(), metadata.fields(), metadata.automations(), metadata.assignmentRules(),
                metadata.assignees(), SalesforceRecordTypes.withPipelines(records, metadata.pipelines()), history);
    }

    /**
     * Why records' record types could not decide their sales processes, or null: an export with a {@code RecordTypeId}
     * column and no {@value SalesforceRecordTypes#FIELD} column names record types by ids, which no metadata file holds.
     */
    private static String recordTypesByIdOnly(List<CrmRecord> records, SalesforceMetadata metadata) {
        Set<String> objects = new TreeSet<>();
        for (CrmRecord record : records) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(record.values().keySet());
            if (names.contains("RecordTypeId") && !names.contains(SalesforceRecordTypes.FIELD)
                    && metadata.pipelines().stream().anyMatch(p -> p.object().equals(record.object()) && !p.recordTypes().isEmpty())) {
                objects.add(record.object());
            }
        }
        return objects.isEmpty() ? null : String.join(", ", objects.stream().map(object -> DATA_FOLDER + "/" + object + ".csv").toList())
                + ": record types are named only by RecordTypeId, an id no metadata file holds; add a " + SalesforceRecordTypes.FIELD
                + " column to decide each record's sales process by its record type";
    }

    /** Each lead's CreatedDate when {@code Lead.csv} has the column, so that initial statuses start at creation. */
    private static Map<String, Instant> leadCreatedDates(List<CrmRecord> records, String leadFile) {
        Map<String, Instant> created = new HashMap<>();
        for (CrmRecord record : records) {
            if (!record.object().equals("Lead")) {
                continue;
            }
            for (Map.Entry<String, Object> value : record.values().entrySet()) {
                if (value.getKey().equalsIgnoreCase("CreatedDate") && value.getValue() instanceof String text) {
                    created.put(record.id(), LeadHistoryCsv.parseTimestamp(text).orElseThrow(() -> new L2oException(
                            ErrorCode.BAD_SOURCE, leadFile + ": lead " + record.id() + ": column CreatedDate: '" + text
                                    + "' is not a timestamp (expected 2026-03-01T10:15:30.000+0000 or 2026-03-01 10:15:30)")));
                }
            }
        }
        return created;
    }

    /**
     * Refuses a folder whose files are neither format, rather than audit it as an org with nothing configured: a
     * folder of other files (a wrong path, an unzipped retrieve one level up, a non-Salesforce repository) would
     * otherwise report every blueprint item missing. Data files alone, a retrieve with a {@code package.xml} and
     * source-format files of types this reader skips ({@code classes/X.cls-meta.xml}) are projects with no
     * configuration to read, and read as such.
     */
    private void refuseFilesWithoutMetadata(SfdxProject project, List<Path> files) {
        Path data = project.root().resolve(DATA_FOLDER).toAbsolutePath().normalize();
        List<Path> others = files.stream().filter(file -> !file.toAbsolutePath().normalize().startsWith(data)).toList();
        boolean salesforce = others.stream().anyMatch(file -> SfdxMetadataFile.sourceFormat(file)
                || file.getFileName().toString().equals(SfdxMetadataFile.PACKAGE_MANIFEST));
        if (!others.isEmpty() && !salesforce) {
            String archive = others.stream().filter(file -> RETRIEVE_ZIP.matcher(file.getFileName().toString()).matches())
                    .findFirst().map(zip -> " (a retrieve's archive is read when given itself: sfdx:" + zip + ")").orElse("");
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx:" + location + ": none of its " + others.size()
                    + (others.size() == 1 ? " file" : " files") + " (" + project.relative(others.get(0))
                    + (others.size() == 1 ? "" : ", ...") + ") is Salesforce metadata: give an SFDX project in source format"
                    + " (objects/Opportunity/fields/Pain__c.field-meta.xml) or a metadata-format retrieve"
                    + " (package.xml, objects/Opportunity.object, flows/X.flow)" + archive);
        }
    }

    /**
     * Reads the project's metadata files; {@code shownIn} precedes a file's path in the messages of its errors (the
     * archive it is in), not in the references of the snapshot.
     */
    private SalesforceMetadata readMetadata(SfdxProject project, FetchRequest request, String shownIn) {
        List<SfdxMetadataFile> recognised = new ArrayList<>();
        List<Path> all = project.files();
        for (Path file : all) {
            SfdxMetadataFile.of(file).ifPresent(recognised::add);
        }
        if (recognised.isEmpty()) {
            refuseFilesWithoutMetadata(project, all);
        }
        // an object file's inline children are never automation types: it is read whatever the request
        List<SfdxMetadataFile> files = recognised.stream()
                .filter(metadata -> request.automations() || !SalesforceMetadataAssembler.isAutomation(metadata.type()))
                .toList();
        context.progress().started("Reading SFDX metadata", files.size());
        SalesforceMetadataAssembler assembler = new SalesforceMetadataAssembler();
        try {
            for (SfdxMetadataFile file : files) {
                String relative = project.relative(file.file());
                String shown = shownIn + relative;
                XmlElement root = MetadataXml.parse(file.file(), shown);
                if (!root.name().equals(file.type())) {
                    throw new L2oException(ErrorCode.MALFORMED_METADATA, shown + ":" + root.line() + ":" + root.column()
                            + ": expected the root element " + file.type() + " but found " + root.name());
                }
                for (SfdxMetadataFile.Component component : file.components(root, shown)) {
                    assembler.add(component.root(), component.fullName(), relative);
                }
                context.progress().advanced(1);
            }
        } finally {
            context.progress().finished();
        }
        return assembler.build(request.objects());
    }
}
