package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A field (Salesforce) or property (HubSpot) definition.
 *
 * @param object the object API name ({@code Opportunity}, {@code Lead}, {@code deals})
 * @param name the field API name ({@code Pain__c}, {@code dealstage})
 * @param label the display label
 * @param type the CRM's own type name (Salesforce {@code FieldType}: {@code Picklist}, {@code Currency}, …;
 *     HubSpot {@code type}/{@code fieldType} as {@code enumeration/select})
 * @param required whether the CRM requires a value on every save
 * @param custom whether the field is custom (not shipped by the CRM)
 * @param values the active picklist values in order (API names), empty for non-picklists
 * @param valueSetName the global value set a picklist is bound to, or null
 * @param formula the formula of a calculated field, or null
 * @param historyTracked whether the CRM tracks the field's history
 * @param ref where the field is defined
 */
public record FieldDef(
        String object,
        String name,
        String label,
        String type,
        boolean required,
        boolean custom,
        List<String> values,
        String valueSetName,
        String formula,
        boolean historyTracked,
        ResourceRef ref) {
    public FieldDef {
        requireNonNull(object, "object is null");
        requireNonNull(name, "name is null");
        label = label == null ? name : label;
        requireNonNull(type, "type is null");
        values = List.copyOf(values == null ? List.of() : values);
        requireNonNull(ref, "ref is null");
    }

    /** {@code Object.Field}. */
    public String qualifiedName() {
        return object + "." + name;
    }
}
