package dev.l2o.salesforce.simulator;

import com.sforce.soap.metadata.Metadata;
import dev.l2o.salesforce.wsc.WscXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xml.sax.SAXException;

/**
 * Collects metadata records and folds decomposed children (an SFDX {@code objects/Opportunity/fields/*})
 * into their parent record, as the Metadata API returns a CustomObject with its fields. Every child is
 * also served on its own under its object-qualified name ({@code CustomField Opportunity.Pain__c}).
 */
final class MetadataStoreBuilder {
    /** Parent type → child property → child type, for the children the Metadata API also serves alone. */
    static final Map<String, Map<String, String>> CHILD_TYPES = Map.of(
            "CustomObject", Map.of(
                    "fields", "CustomField",
                    "validationRules", "ValidationRule",
                    "businessProcesses", "BusinessProcess",
                    "recordTypes", "RecordType",
                    "listViews", "ListView",
                    "fieldSets", "FieldSet",
                    "webLinks", "WebLink",
                    "compactLayouts", "CompactLayout"),
            "Workflow", Map.of(
                    "rules", "WorkflowRule",
                    "alerts", "WorkflowAlert",
                    "fieldUpdates", "WorkflowFieldUpdate",
                    "tasks", "WorkflowTask",
                    "outboundMessages", "WorkflowOutboundMessage"));

    private record Child(String property, String name, Metadata record) {}

    private final Map<String, Map<String, MetadataStore.Component>> components = new TreeMap<>();
    private final Map<String, Map<String, List<Child>>> children = new TreeMap<>();

    /** Adds a top-level component; its record's fullName becomes {@code fullName}. */
    MetadataStoreBuilder add(String type, String fullName, String fileName, Metadata record) {
        record.setFullName(fullName);
        components.computeIfAbsent(type, t -> new TreeMap<>())
                .put(fullName, new MetadataStore.Component(type, fullName, fileName, record));
        return this;
    }

    /**
     * Adds a child of {@code parentType parentName} under the parent's array property {@code property}
     * ({@code fields}); its fullName inside the parent is {@code name}.
     */
    MetadataStoreBuilder addChild(String parentType, String parentName, String property, String name, Metadata record) {
        record.setFullName(name);
        children.computeIfAbsent(parentType + "\u0000" + parentName, k -> new TreeMap<>())
                .computeIfAbsent(property, p -> new ArrayList<>())
                .add(new Child(property, name, record));
        return this;
    }

    MetadataStore build() {
        children.forEach((key, byProperty) -> {
            String parentType = key.substring(0, key.indexOf('\u0000'));
            String parentName = key.substring(key.indexOf('\u0000') + 1);
            MetadataStore.Component parent = components.getOrDefault(parentType, Map.of()).get(parentName);
            Metadata record = parent != null ? parent.record() : newRecord(parentType);
            if (parent == null) {
                add(parentType, parentName, fileName(parentType, parentName), record);
            }
            byProperty.forEach((property, list) -> {
                list.sort(Comparator.comparing(Child::name));
                appendChildren(record, property, list.stream().map(Child::record).toList());
            });
        });
        indexChildren();
        return new MetadataStore(components);
    }

    /** The file name listMetadata reports, in Metadata API (not SFDX) layout. */
    static String fileName(String type, String fullName) {
        return switch (type) {
            case "CustomObject" -> "objects/" + fullName + ".object";
            case "Workflow" -> "workflows/" + fullName + ".workflow";
            case "AssignmentRules" -> "assignmentRules/" + fullName + ".assignmentRules";
            case "StandardValueSet" -> "standardValueSets/" + fullName + ".standardValueSet";
            default -> Character.toLowerCase(type.charAt(0)) + type.substring(1) + "s/" + fullName + "."
                    + Character.toLowerCase(type.charAt(0)) + type.substring(1);
        };
    }

    private void indexChildren() {
        CHILD_TYPES.forEach((parentType, properties) -> {
            for (MetadataStore.Component parent : List.copyOf(components.getOrDefault(parentType, Map.of()).values())) {
                properties.forEach((property, childType) -> {
                    for (Metadata child : childArray(parent.record(), property)) {
                        String qualified = parent.fullName() + "." + child.getFullName();
                        Metadata copy = copyOf(child, childType);
                        copy.setFullName(qualified);
                        components.computeIfAbsent(childType, t -> new TreeMap<>()).put(qualified,
                                new MetadataStore.Component(childType, qualified, parent.fileName(), copy));
                    }
                });
            }
        });
    }

    static Metadata newRecord(String type) {
        try {
            return Class.forName(Metadata.class.getPackageName() + "." + type).asSubclass(Metadata.class)
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no metadata type " + type, e);
        }
    }

    /** A deep copy of {@code record}, written and read back by WSC. */
    static Metadata copyOf(Metadata record, String type) {
        byte[] xml = WscXml.write(record, type);
        try {
            return WscXml.bind(WscXml.parse(new ByteArrayInputStream(xml)), record.getClass());
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("WSC wrote XML that does not parse", e);
        }
    }

    private static Metadata[] childArray(Metadata parent, String property) {
        try {
            Method getter = parent.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
            Object value = getter.invoke(parent);
            return value == null ? new Metadata[0] : (Metadata[]) value;
        } catch (NoSuchMethodException e) {
            return new Metadata[0];
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property, e);
        }
    }

    private static void appendChildren(Metadata parent, String property, List<Metadata> added) {
        Metadata[] existing = childArray(parent, property);
        String setterName = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method setter : parent.getClass().getMethods()) {
            if (setter.getName().equals(setterName) && setter.getParameterCount() == 1 && setter.getParameterTypes()[0].isArray()) {
                Class<?> component = setter.getParameterTypes()[0].getComponentType();
                Object array = Array.newInstance(component, existing.length + added.size());
                for (int i = 0; i < existing.length; i++) {
                    Array.set(array, i, existing[i]);
                }
                for (int i = 0; i < added.size(); i++) {
                    Array.set(array, existing.length + i, added.get(i));
                }
                try {
                    setter.invoke(parent, array);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot set " + property, e);
                }
                return;
            }
        }
        throw new IllegalArgumentException(parent.getClass().getSimpleName() + " has no children called " + property);
    }
}
