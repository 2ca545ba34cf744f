package dev.l2o.salesforce.sfdx;

import static java.util.Objects.requireNonNull;

import dev.l2o.salesforce.metadata.SalesforceMetadataMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A metadata file of the SFDX source format, recognised by its suffix: the metadata type its root element
 * must be and the component's API fullName, derived from the file name (decoded: {@code %2E} is {@code .})
 * and, for an object's children, from the object folder ({@code objects/Opportunity/fields/Pain__c.field-meta.xml}
 * is {@code Opportunity.Pain__c}; {@code workflows/Opportunity/workflowRules/X.workflowRule-meta.xml} is
 * {@code Opportunity.X}).
 *
 * @param file the file
 * @param type the expected root element ({@code CustomField})
 * @param fullName the decoded fullName
 */
record SfdxMetadataFile(Path file, String type, String fullName) {
    private static final String META_SUFFIX = "-meta.xml";

    /** Suffix → root element, for components named by their file alone. */
    private static final Map<String, String> TOP_LEVEL = Map.of(
            "standardValueSet", "StandardValueSet",
            "globalValueSet", "GlobalValueSet",
            "flow", "Flow",
            "flowDefinition", "FlowDefinition",
            "workflow", "Workflow",
            "assignmentRules", "AssignmentRules",
            "queue", "Queue");

    /** Suffix → root element, for components that belong to the object named two folders up. */
    private static final Map<String, String> OBJECT_CHILDREN = Map.of(
            "field", "CustomField",
            "validationRule", "ValidationRule",
            "businessProcess", "BusinessProcess",
            "recordType", "RecordType",
            "workflowRule", "WorkflowRule",
            "workflowFieldUpdate", "WorkflowFieldUpdate");

    SfdxMetadataFile {
        requireNonNull(file, "file is null");
        requireNonNull(type, "type is null");
        requireNonNull(fullName, "fullName is null");
    }

    /** The metadata file {@code file} is, or empty when it is none this reader needs. */
    static Optional<SfdxMetadataFile> of(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(META_SUFFIX)) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - META_SUFFIX.length());
        int dot = stem.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String suffix = stem.substring(dot + 1);
        String base = SalesforceMetadataMapper.decodeName(stem.substring(0, dot));
        String type = TOP_LEVEL.get(suffix);
        if (type != null) {
            return Optional.of(new SfdxMetadataFile(file, type, base));
        }
        type = OBJECT_CHILDREN.get(suffix);
        Path folder = file.getParent();
        Path objectFolder = folder == null ? null : folder.getParent();
        if (type == null || objectFolder == null || objectFolder.getFileName() == null) {
            return Optional.empty();
        }
        return Optional.of(new SfdxMetadataFile(file, type, objectFolder.getFileName() + "." + base));
    }
}
