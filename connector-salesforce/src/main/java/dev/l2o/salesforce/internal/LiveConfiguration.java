package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.sforce.soap.metadata.CustomObject;
import com.sforce.soap.metadata.Metadata;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.salesforce.metadata.MetadataXml;
import dev.l2o.salesforce.metadata.SalesforceMetadata;
import dev.l2o.salesforce.metadata.SalesforceMetadataAssembler;
import dev.l2o.salesforce.metadata.SalesforceMetadataMapper;
import dev.l2o.salesforce.metadata.XmlElement;
import dev.l2o.salesforce.wsc.WscXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration part of a live snapshot, mapped by the very code that maps SFDX projects: every WSC
 * record is written back to metadata XML with WSC's own serializer (XSD order, the same document an SFDX
 * source file holds), parsed with the SFDX reader's XML parser and fed to the shared
 * {@link SalesforceMetadataAssembler}. A live org and an SFDX project of its metadata therefore give the same
 * pipelines, fields, automations, assignment rules and assignees; only the resource references have no file
 * and line, since a live org has none.
 */
public final class LiveConfiguration {
    private LiveConfiguration() {}

    /** Maps the records; {@code objects} are the requested objects (their standard fields come from the catalog). */
    public static SalesforceMetadata map(OrgMetadata metadata, Set<String> objects) {
        return map(metadata, objects, List.of());
    }

    /** Maps the records, adding {@code carriedOver} automations kept from a previous snapshot (see the assembler). */
    public static SalesforceMetadata map(OrgMetadata metadata, Set<String> objects, List<Automation> carriedOver) {
        requireNonNull(metadata, "metadata is null");
        SalesforceMetadataAssembler assembler = new SalesforceMetadataAssembler();
        metadata.standardValueSets().forEach(r -> add(assembler, r, "StandardValueSet", r.getFullName()));
        metadata.globalValueSets().forEach(r -> add(assembler, r, "GlobalValueSet", r.getFullName()));
        for (Metadata record : metadata.objects()) {
            CustomObject object = (CustomObject) record;
            String name = object.getFullName();
            children(assembler, name, object.getFields(), "CustomField");
            children(assembler, name, object.getValidationRules(), "ValidationRule");
            children(assembler, name, object.getBusinessProcesses(), "BusinessProcess");
            children(assembler, name, object.getRecordTypes(), "RecordType");
        }
        metadata.workflows().forEach(r -> add(assembler, r, "Workflow", r.getFullName()));
        metadata.assignmentRules().forEach(r -> add(assembler, r, "AssignmentRules", r.getFullName()));
        metadata.flows().forEach(r -> add(assembler, r, "Flow", r.getFullName()));
        metadata.flowDefinitions().forEach(r -> add(assembler, r, "FlowDefinition", r.getFullName()));
        metadata.queues().forEach(r -> add(assembler, r, "Queue", r.getFullName()));
        return assembler.build(objects, carriedOver);
    }

    /**
     * The flows of {@code metadata} (with their definitions) mapped against {@code stageValues}, as {@link #map} maps
     * them when the value sets give those stage values.
     */
    public static List<Automation> flows(OrgMetadata metadata, Map<String, List<String>> stageValues) {
        requireNonNull(metadata, "metadata is null");
        SalesforceMetadataAssembler assembler = new SalesforceMetadataAssembler();
        metadata.flows().forEach(r -> add(assembler, r, "Flow", r.getFullName()));
        metadata.flowDefinitions().forEach(r -> add(assembler, r, "FlowDefinition", r.getFullName()));
        return assembler.flows(stageValues);
    }

    private static void children(SalesforceMetadataAssembler assembler, String object, Metadata[] records, String type) {
        if (records != null) {
            for (Metadata record : records) {
                // inside a CustomObject a child's fullName is short; on its own the API qualifies it with the object
                String name = record.getFullName().startsWith(object + ".") ? record.getFullName() : object + "." + record.getFullName();
                add(assembler, record, type, name);
            }
        }
    }

    private static void add(SalesforceMetadataAssembler assembler, Metadata record, String type, String fullName) {
        String xml = new String(WscXml.write(record, type), StandardCharsets.UTF_8);
        XmlElement root = MetadataXml.parse(xml, type + " " + fullName);
        assembler.add(root, SalesforceMetadataMapper.decodeName(fullName), null);
    }

    /** The configuration of {@code snapshot} with file and line dropped from every resource reference. */
    public static SalesforceMetadata withoutFiles(Snapshot snapshot) {
        return new SalesforceMetadata(
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

    private static Pipeline live(Pipeline pipeline) {
        return new Pipeline(pipeline.id(), pipeline.label(), pipeline.object(), pipeline.isDefault(),
                pipeline.stages().stream().map(s -> new Stage(s.apiName(), s.label(), s.order(), s.probability(), s.forecastCategory(),
                        s.closed(), s.won(), s.converted(), s.active(), live(s.ref()), s.attributes())).toList(),
                live(pipeline.ref()), pipeline.recordTypes());
    }

    private static ResourceRef live(ResourceRef ref) {
        return ResourceRef.of(ref.crm(), ref.path());
    }
}
