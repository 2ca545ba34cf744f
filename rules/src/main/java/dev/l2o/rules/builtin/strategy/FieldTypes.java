package dev.l2o.rules.builtin.strategy;

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
 * <tr><td>Currency</td><td>{@code number/*}</td><td>{@code currency}</td></tr>
 * <tr><td>Percent</td><td>{@code number/*}</td><td>{@code percent}</td></tr>
 * <tr><td>Date</td><td>{@code date/*}</td><td>{@code date}</td></tr>
 * <tr><td>DateTime</td><td>{@code datetime/*}</td><td>{@code datetime}</td></tr>
 * <tr><td>Text</td><td>{@code string/text}</td><td>{@code string}</td></tr>
 * <tr><td>TextArea, LongTextArea</td><td>{@code string/textarea}</td><td>{@code textarea}</td></tr>
 * <tr><td>Html</td><td>{@code string/html}</td><td>{@code textarea}</td></tr>
 * <tr><td>Email, Url</td><td>{@code string/text}</td><td>{@code email}, {@code url}</td></tr>
 * <tr><td>Phone</td><td>{@code string/phonenumber}, {@code string/text}</td><td>{@code phone}</td></tr>
 * <tr><td>Lookup, MasterDetail</td><td>—</td><td>{@code reference}</td></tr>
 * </table>
 *
 * <p>A pattern {@code a/b} matches that exact CRM type; {@code a/*} matches every CRM type whose part before
 * {@code /} is {@code a} (and plain {@code a}); a pattern without {@code /} matches only that exact type.
 * Everything compares ignoring case.
 */
public final class FieldTypes {
    private static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
            Map.entry("picklist", Set.of("enumeration/select", "enumeration/radio", "picklist")),
            Map.entry("multiselectpicklist", Set.of("enumeration/checkbox", "multipicklist")),
            Map.entry("checkbox", Set.of("bool/*", "enumeration/booleancheckbox", "boolean")),
            Map.entry("number", Set.of("number/*", "double", "int", "long")),
            Map.entry("currency", Set.of("number/*")),
            Map.entry("percent", Set.of("number/*")),
            Map.entry("date", Set.of("date/*")),
            Map.entry("datetime", Set.of("datetime/*")),
            Map.entry("text", Set.of("string/text", "string")),
            Map.entry("textarea", Set.of("string/textarea")),
            Map.entry("longtextarea", Set.of("string/textarea", "textarea")),
            Map.entry("html", Set.of("string/html", "textarea")),
            Map.entry("email", Set.of("string/text")),
            Map.entry("url", Set.of("string/text")),
            Map.entry("phone", Set.of("string/phonenumber", "string/text")),
            Map.entry("lookup", Set.of("reference")),
            Map.entry("masterdetail", Set.of("reference")));

    private FieldTypes() {}

    /** Whether a CRM field of type {@code actual} satisfies the blueprint's {@code declared} type. */
    public static boolean satisfies(String declared, String actual) {
        String wanted = declared.trim().toLowerCase(Locale.ROOT);
        String found = actual.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(found)) {
            return true;
        }
        return ACCEPTED.getOrDefault(wanted, Set.of()).stream().anyMatch(pattern -> matches(pattern, found));
    }

    private static boolean matches(String pattern, String found) {
        if (pattern.endsWith("/*")) {
            String family = pattern.substring(0, pattern.length() - 2);
            return found.equals(family) || found.startsWith(family + "/");
        }
        return pattern.equals(found);
    }
}
