package dev.l2o.rules.builtin.strategy;

import dev.l2o.model.Crm;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which CRM field types satisfy a type the blueprint declares. The blueprint writes Salesforce {@code FieldType}
 * names ({@code Picklist}, {@code Currency}, …); a field of the same name, ignoring case, always matches. Beyond
 * that this table is the one place that says what else counts:
 *
 * <table>
 * <caption>Accepted CRM types per declared type</caption>
 * <tr><th>declared</th><th>HubSpot ({@code type/fieldType})</th><th>Salesforce describe (live org)</th></tr>
 * <tr><td>Picklist</td><td>{@code enumeration/select}, {@code enumeration/radio}</td><td>{@code picklist}</td></tr>
 * <tr><td>MultiselectPicklist</td><td>{@code enumeration/checkbox}</td><td>{@code multipicklist}</td></tr>
 * <tr><td>Checkbox</td><td>{@code bool/*}, {@code enumeration/booleancheckbox}</td><td>{@code boolean}</td></tr>
 * <tr><td>Number</td><td>{@code number/*}</td><td>{@code double}, {@code int}, {@code long}</td></tr>
 * <tr><td>Currency</td><td>{@code number/*}</td><td>{@code currency} (same name)</td></tr>
 * <tr><td>Percent</td><td>{@code number/*}</td><td>{@code percent} (same name)</td></tr>
 * <tr><td>Date</td><td>{@code date/*}</td><td>{@code date} (same name)</td></tr>
 * <tr><td>DateTime</td><td>{@code datetime/*}</td><td>{@code datetime} (same name)</td></tr>
 * <tr><td>Text</td><td>{@code string/text}</td><td>{@code string}</td></tr>
 * <tr><td>TextArea, LongTextArea</td><td>{@code string/textarea}</td><td>— (describe's {@code textarea} would also
 *     be a metadata {@code TextArea}: a short text area never passes for a declared LongTextArea)</td></tr>
 * <tr><td>Html</td><td>{@code string/html}</td><td>—</td></tr>
 * <tr><td>Email, Url</td><td>{@code string/text}</td><td>{@code email}, {@code url} (same name)</td></tr>
 * <tr><td>Phone</td><td>{@code string/phonenumber}, {@code string/text}</td><td>{@code phone} (same name)</td></tr>
 * <tr><td>Lookup, MasterDetail</td><td>—</td><td>{@code reference}</td></tr>
 * </table>
 *
 * <p>A HubSpot pattern {@code a/b} matches that exact property type; {@code a/*} matches every property whose
 * {@code type} is {@code a}, with any {@code fieldType} or none. The Salesforce column applies to Salesforce
 * snapshots only, so that a Salesforce {@code Number} never passes for a declared {@code Currency}. Everything
 * compares ignoring case.
 */
public final class FieldTypes {
    /** Declared type to HubSpot {@code type/fieldType} patterns. */
    private static final Map<String, Set<String>> HUBSPOT = Map.ofEntries(
            Map.entry("picklist", Set.of("enumeration/select", "enumeration/radio")),
            Map.entry("multiselectpicklist", Set.of("enumeration/checkbox")),
            Map.entry("checkbox", Set.of("bool/*", "enumeration/booleancheckbox")),
            Map.entry("number", Set.of("number/*")),
            Map.entry("currency", Set.of("number/*")),
            Map.entry("percent", Set.of("number/*")),
            Map.entry("date", Set.of("date/*")),
            Map.entry("datetime", Set.of("datetime/*")),
            Map.entry("text", Set.of("string/text")),
            Map.entry("textarea", Set.of("string/textarea")),
            Map.entry("longtextarea", Set.of("string/textarea")),
            Map.entry("html", Set.of("string/html")),
            Map.entry("email", Set.of("string/text")),
            Map.entry("url", Set.of("string/text")),
            Map.entry("phone", Set.of("string/phonenumber", "string/text")));
    /** Declared type to the other names Salesforce's describe calls use for it. */
    private static final Map<String, Set<String>> SALESFORCE = Map.ofEntries(
            Map.entry("picklist", Set.of("picklist")),
            Map.entry("multiselectpicklist", Set.of("multipicklist")),
            Map.entry("checkbox", Set.of("boolean")),
            Map.entry("number", Set.of("double", "int", "long")),
            Map.entry("text", Set.of("string")),
            Map.entry("lookup", Set.of("reference")),
            Map.entry("masterdetail", Set.of("reference")));

    private FieldTypes() {}

    /**
     * Whether a field of type {@code actual} in {@code crm} ({@code salesforce}, {@code hubspot}) satisfies the
     * blueprint's {@code declared} type.
     */
    public static boolean satisfies(String crm, String declared, String actual) {
        String wanted = declared.trim().toLowerCase(Locale.ROOT);
        String found = actual.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(found)) {
            return true;
        }
        Map<String, Set<String>> table = Crm.of(crm).orElse(Crm.SALESFORCE) == Crm.HUBSPOT ? HUBSPOT : SALESFORCE;
        return table.getOrDefault(wanted, Set.of()).stream().anyMatch(pattern -> matches(pattern, found));
    }

    private static boolean matches(String pattern, String found) {
        if (pattern.endsWith("/*")) {
            String family = pattern.substring(0, pattern.length() - 2);
            return found.equals(family) || found.startsWith(family + "/");
        }
        return pattern.equals(found);
    }
}
