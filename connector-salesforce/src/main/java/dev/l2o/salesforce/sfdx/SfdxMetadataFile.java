package dev.l2o.salesforce.sfdx;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.salesforce.metadata.SalesforceMetadataMapper;
import dev.l2o.salesforce.metadata.XmlElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metadata file this reader needs, recognised by its name: the metadata type its root element must be and the
 * component's API fullName, derived from the file name (decoded: {@code %2E} is {@code .}).
 *
 * <p>Two layouts are read. The SFDX <em>source format</em> has one {@code -meta.xml} file a component, an object's
 * children named by the object folder ({@code objects/Opportunity/fields/Pain__c.field-meta.xml} is
 * {@code Opportunity.Pain__c}; {@code workflows/Opportunity/workflowRules/X.workflowRule-meta.xml} is
 * {@code Opportunity.X}). The Metadata API's <em>metadata format</em> (a retrieve with {@code package.xml}) has one
 * file a component in its type's folder, named by the type's suffix without {@code -meta.xml} ({@code flows/X.flow},
 * {@code queues/X.queue}), and one {@code objects/Opportunity.object} file a whole object, its fields, validation
 * rules, business processes and record types inline: see {@link #components}.
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

    /**
     * Metadata-format suffix → its folder, for the {@link #TOP_LEVEL} types and {@value #OBJECT_TYPE}. "Metadata file
     * structure" in the Metadata API Developer Guide: each type has its own directory and file suffix
     * ({@code directoryName} and {@code suffix} of describeMetadata); the folder is checked so that a stray {@code .flow}
     * elsewhere is not taken for a flow.
     */
    private static final Map<String, String> METADATA_FORMAT_FOLDERS = Map.of(
            "standardValueSet", "standardValueSets",
            "globalValueSet", "globalValueSets",
            "flow", "flows",
            "flowDefinition", "flowDefinitions",
            "workflow", "workflows",
            "assignmentRules", "assignmentRules",
            "queue", "queues",
            "object", "objects");

    /** The manifest of a metadata-format retrieve, present even when the retrieve holds nothing this reader needs. */
    static final String PACKAGE_MANIFEST = "package.xml";

    /** The root element of a metadata-format object file. */
    static final String OBJECT_TYPE = "CustomObject";

    /**
     * Element of a metadata-format object file → the type of the component it holds. Other children (list views,
     * compact layouts, web links, ...) are nothing this reader needs.
     */
    private static final Map<String, String> INLINE_CHILDREN = Map.of(
            "fields", "CustomField",
            "validationRules", "ValidationRule",
            "businessProcesses", "BusinessProcess",
            "recordTypes", "RecordType");

    SfdxMetadataFile {
        requireNonNull(file, "file is null");
        requireNonNull(type, "type is null");
        requireNonNull(fullName, "fullName is null");
    }

    /** The metadata file {@code file} is, in either format, or empty when it is none this reader needs. */
    static Optional<SfdxMetadataFile> of(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(META_SUFFIX)) {
            return ofMetadataFormat(file, name);
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

    /** Whether {@code file} is named like a source-format file of any type, read here or not ({@code X.cls-meta.xml}). */
    static boolean sourceFormat(Path file) {
        return file.getFileName().toString().endsWith(META_SUFFIX);
    }

    private static Optional<SfdxMetadataFile> ofMetadataFormat(Path file, String name) {
        int dot = name.lastIndexOf('.');
        Path folder = file.getParent();
        if (dot <= 0 || folder == null || folder.getFileName() == null) {
            return Optional.empty();
        }
        String suffix = name.substring(dot + 1);
        if (!folder.getFileName().toString().equals(METADATA_FORMAT_FOLDERS.get(suffix))) {
            return Optional.empty();
        }
        String type = suffix.equals("object") ? OBJECT_TYPE : TOP_LEVEL.get(suffix);
        return Optional.of(new SfdxMetadataFile(file, type, SalesforceMetadataMapper.decodeName(name.substring(0, dot))));
    }

    /**
     * The components of this file, parsed to {@code root}: the file itself, or for a metadata-format object file each
     * inline child this reader needs, renamed to its type and qualified by the object. The Metadata API reference of
     * CustomObject: "The file suffix is .object for the custom object or standard object file" and "Custom, standard,
     * and external objects are stored in the objects folder"; its {@code fields}, {@code validationRules},
     * {@code businessProcesses} and {@code recordTypes} are arrays of those types held inside it, each child with its
     * short {@code <fullName>} ({@code Pain__c}), as the records of a {@code readMetadata} of the object hold them.
     *
     * @param root the parsed file, whose root element is {@link #type}
     * @param displayName how messages name the file
     * @throws L2oException {@link ErrorCode#MALFORMED_METADATA} naming file:line:column when an inline child has no
     *     {@code fullName}
     */
    List<Component> components(XmlElement root, String displayName) {
        if (!type.equals(OBJECT_TYPE)) {
            return List.of(new Component(root, fullName));
        }
        List<Component> components = new ArrayList<>();
        for (XmlElement child : root.children()) {
            String childType = INLINE_CHILDREN.get(child.name());
            if (childType == null) {
                continue;
            }
            String name = child.text("fullName");
            if (name == null) {
                throw new L2oException(ErrorCode.MALFORMED_METADATA, displayName + ":" + child.line() + ":" + child.column()
                        + ": a <" + child.name() + "> element of " + fullName + " has no <fullName>");
            }
            components.add(new Component(new XmlElement(childType, child.text(), child.line(), child.column(), child.children()),
                    fullName + "." + SalesforceMetadataMapper.decodeName(name)));
        }
        return List.copyOf(components);
    }

    /**
     * One component a file holds.
     *
     * @param root its element, named by its type ({@code CustomField})
     * @param fullName its decoded fullName, object-qualified for an object's children
     */
    record Component(XmlElement root, String fullName) {
        Component {
            requireNonNull(root, "root is null");
            requireNonNull(fullName, "fullName is null");
        }
    }
}
