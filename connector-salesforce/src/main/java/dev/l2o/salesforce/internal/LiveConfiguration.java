package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.sforce.soap.metadata.CustomObject;
import com.sforce.soap.metadata.Metadata;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.SourceSpec;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration part of a live snapshot, mapped by the very code that reads SFDX projects: the WSC
 * records are written back to metadata XML as an SFDX source-format project (decomposed objects, one file
 * per component, as {@code sf project retrieve} leaves them) in the work directory and read with the
 * {@code sfdx} source. A live org and an SFDX project of its metadata therefore give the same pipelines,
 * fields, automations, assignment rules and assignees; only the resource references lose their file and
 * line, since a live org has none.
 *
 * @param pipelines the pipelines
 * @param fields the field definitions
 * @param automations flows, workflow rules, validation rules and assignment automations
 * @param assignmentRules the assignment rules
 * @param assignees queues and users
 */
public record LiveConfiguration(List<Pipeline> pipelines, List<FieldDef> fields, List<Automation> automations,
        List<AssignmentRule> assignmentRules, List<Assignee> assignees) {
    private static final String PACKAGE = "force-app/main/default";
    private static final Pattern ROOT_FULL_NAME = Pattern.compile("^(<\\?xml[^>]*\\?>\\s*<[A-Za-z]+[^>]*>)<fullName>[^<]*</fullName>");
    private static final Pattern ROOT_TYPE = Pattern.compile(" xsi:type=\"[A-Za-z]+\"");

    public LiveConfiguration {
        pipelines = List.copyOf(pipelines);
        fields = List.copyOf(fields);
        automations = List.copyOf(automations);
        assignmentRules = List.copyOf(assignmentRules);
        assignees = List.copyOf(assignees);
    }

    /**
     * Maps {@code metadata} through an SFDX project written under {@code context.workDirectory()} and deleted
     * afterwards.
     */
    public static LiveConfiguration map(OrgMetadata metadata, FetchRequest request, ConnectorContext context) {
        requireNonNull(metadata, "metadata is null");
        Path project;
        try {
            Files.createDirectories(context.workDirectory());
            project = Files.createTempDirectory(context.workDirectory(), "salesforce-metadata-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + context.workDirectory(), e);
        }
        try {
            writeProject(metadata, project);
            FetchRequest configurationOnly = new FetchRequest(request.objects(), Map.of(), false);
            try (CrmConnector sfdx = CrmConnectors.open(new SourceSpec("sfdx", project.toString(), Map.of()), context)) {
                return withoutFiles(sfdx.fetch(configurationOnly));
            }
        } finally {
            deleteRecursively(project);
        }
    }

    /** The configuration of {@code snapshot} with file and line dropped from every resource reference. */
    public static LiveConfiguration withoutFiles(Snapshot snapshot) {
        return new LiveConfiguration(
                snapshot.pipelines().stream().map(LiveConfiguration::live).toList(),
                snapshot.fields().stream().map(f -> new FieldDef(f.object(), f.name(), f.label(), f.type(), f.required(), f.custom(),
                        f.values(), f.valueSetName(), f.formula(), f.historyTracked(), live(f.ref()))).toList(),
                snapshot.automations().stream().map(a -> new Automation(a.kind(), a.name(), a.label(), a.object(), a.active(),
                        a.trigger(), a.fieldsReferenced(), a.fieldsWritten(), a.requirements(), a.assignees(), a.expression(),
                        live(a.ref()), a.attributes())).toList(),
                snapshot.assignmentRules().stream().map(r -> new AssignmentRule(r.object(), r.name(), r.active(), r.entries(),
                        live(r.ref()))).toList(),
                snapshot.assignees());
    }

    /** Writes the records as an SFDX source-format project. */
    static void writeProject(OrgMetadata metadata, Path project) {
        write(project.resolve("sfdx-project.json"), ("{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true}],"
                + "\"sourceApiVersion\":\"62.0\"}").getBytes(StandardCharsets.UTF_8));
        Path root = project.resolve(PACKAGE);
        for (Metadata set : metadata.standardValueSets()) {
            component(root.resolve("standardValueSets"), set, "standardValueSet", "StandardValueSet");
        }
        for (Metadata record : metadata.objects()) {
            CustomObject object = (CustomObject) record;
            String name = object.getFullName();
            Path folder = root.resolve("objects").resolve(name);
            children(folder.resolve("fields"), object.getFields(), "field", "CustomField");
            children(folder.resolve("validationRules"), object.getValidationRules(), "validationRule", "ValidationRule");
            children(folder.resolve("businessProcesses"), object.getBusinessProcesses(), "businessProcess", "BusinessProcess");
            children(folder.resolve("recordTypes"), object.getRecordTypes(), "recordType", "RecordType");
            object.setFields(null);
            object.setValidationRules(null);
            object.setBusinessProcesses(null);
            object.setRecordTypes(null);
            object.setListViews(null);
            component(folder, object, "object", "CustomObject");
        }
        for (Metadata workflow : metadata.workflows()) {
            component(root.resolve("workflows"), workflow, "workflow", "Workflow");
        }
        for (Metadata rules : metadata.assignmentRules()) {
            component(root.resolve("assignmentRules"), rules, "assignmentRules", "AssignmentRules");
        }
        for (Metadata flow : metadata.flows()) {
            component(root.resolve("flows"), flow, "flow", "Flow");
        }
        for (Metadata definition : metadata.flowDefinitions()) {
            component(root.resolve("flowDefinitions"), definition, "flowDefinition", "FlowDefinition");
        }
        for (Metadata queue : metadata.queues()) {
            component(root.resolve("queues"), queue, "queue", "Queue");
        }
    }

    private static void children(Path folder, Metadata[] records, String suffix, String rootName) {
        if (records != null) {
            for (Metadata record : records) {
                component(folder, record, suffix, rootName);
            }
        }
    }

    private static void component(Path folder, Metadata record, String suffix, String rootName) {
        String fullName = record.getFullName();
        // object-qualified names (Opportunity.Pain__c) are file names without the object in SFDX
        String name = fullName.contains(".") && !suffix.equals("workflow") ? fullName.substring(fullName.indexOf('.') + 1) : fullName;
        String xml = new String(WscXml.write(record, rootName), StandardCharsets.UTF_8);
        xml = ROOT_FULL_NAME.matcher(xml).replaceFirst("$1");
        xml = ROOT_TYPE.matcher(xml).replaceFirst("");
        write(folder.resolve(name + "." + suffix + "-meta.xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Pipeline live(Pipeline pipeline) {
        return new Pipeline(pipeline.id(), pipeline.label(), pipeline.object(), pipeline.isDefault(),
                pipeline.stages().stream().map(s -> new Stage(s.apiName(), s.label(), s.order(), s.probability(), s.forecastCategory(),
                        s.closed(), s.won(), s.converted(), s.active(), live(s.ref()), s.attributes())).toList(),
                live(pipeline.ref()));
    }

    private static ResourceRef live(ResourceRef ref) {
        return ResourceRef.of(ref.crm(), ref.path());
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
