package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which setup change of the CRM a finding, or a configuration change between two snapshots, is due to: the most
 * recent change of the snapshot's {@link Snapshot#changeTrail() change trail} that touched its subject. Decided here
 * once, when the report is built; writers only show it.
 *
 * <p>A change whose source names the changed thing ({@link SetupChange#subject()}, HubSpot) matches that thing and
 * what it contains (a pipeline's change matches its stages). A change described in words (Salesforce
 * {@code SetupAuditTrail}) matches by the setup section it was made in and the component's name in its description:
 * stage and other picklist values ({@code Customize Opportunities}, {@code Custom Objects}, {@code Global Value Sets}),
 * fields (the same sections, by API name or label), validation rules ({@code Validation Rules}), flows
 * ({@code Flows}) and assignment rules (a section naming assignment rules). A criterion that nothing
 * enforces matches the validation rules that read its field and changes of the field's required flag. Findings about
 * measured data ({@link DriftKind#THRESHOLD}) are never attributed: no setup change explains a stale deal.
 *
 * <p>Stateless apart from the snapshot it reads; thread-safe.
 */
public final class ChangeAttribution {
    private static final Pattern FLOW = Pattern.compile("(?i)flow/(?:\\w+\\.)?(.+)");
    private static final Pattern ASSIGNMENT_RULE = Pattern.compile("AssignmentRules?/(\\w+)[./]([^#]+)(#\\d+)?");
    private static final Pattern ROUTING = Pattern.compile("(\\w+)/routing/.+");
    private static final Pattern VALIDATION_RULE = Pattern.compile("ValidationRule/(\\w+)\\.(.+)");
    private static final Pattern SALES_PROCESS = Pattern.compile("(\\w+)/pipeline/(.+)");
    private static final Pattern CRITERION = Pattern.compile("(\\w+)\\.(\\w+)@.+");
    private static final Pattern PICKLIST_VALUE = Pattern.compile("(\\w+)\\.(\\w+)#(.+)");
    private static final Pattern FIELD = Pattern.compile("(\\w+)\\.(\\w+)");

    private final Snapshot snapshot;

    private ChangeAttribution(Snapshot snapshot) {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
    }

    /** The attribution of things in {@code snapshot} to the changes of its trail. */
    public static ChangeAttribution of(Snapshot snapshot) {
        return new ChangeAttribution(snapshot);
    }

    /**
     * {@code findings}, in their order, each configuration finding with the most recent setup change of its subject
     * (made at or before the snapshot was taken), or without one when no change matches.
     */
    public static List<Finding> attach(List<Finding> findings, Snapshot snapshot) {
        ChangeAttribution attribution = of(snapshot);
        return findings.stream()
                .map(finding -> finding.kind() == DriftKind.THRESHOLD ? finding
                        : finding.withChange(attribution.latest(finding.subject(), finding.location(), null).orElse(null)))
                .toList();
    }

    /**
     * The most recent change that touched {@code subject} (or the thing at {@code location}), made after {@code after}
     * (null for any time) and at or before the snapshot was taken.
     *
     * @param subject a finding's subject or a configuration address ({@code salesforce:Opportunity.StageName#Qualification})
     * @param location where the thing is defined, or null
     */
    public Optional<SetupChange> latest(String subject, ResourceRef location, Instant after) {
        requireNonNull(subject, "subject is null");
        List<String> addresses = new ArrayList<>(List.of(subject));
        if (location != null && !location.address().equals(subject)) {
            addresses.add(location.address());
        }
        List<Clue> clues = clues(subject);
        // The trail is newest first: the first match is the most recent.
        return snapshot.changeTrail().changes().stream()
                .filter(change -> !change.at().isAfter(snapshot.asOf()) && (after == null || change.at().isAfter(after)))
                .filter(change -> change.subject() == null
                        ? clues.stream().anyMatch(clue -> clue.matches(change))
                        : addresses.stream().anyMatch(address -> contains(change.subject().address(), address)))
                .findFirst();
    }

    private static boolean contains(String changed, String address) {
        return address.equals(changed) || address.startsWith(changed + "/") || address.startsWith(changed + "#")
                || address.startsWith(changed + "@");
    }

    /** What a change described in words must say to be about {@code subject}. */
    private List<Clue> clues(String subject) {
        int colon = subject.indexOf(':');
        String path = colon < 0 ? subject : subject.substring(colon + 1);
        List<Clue> clues = new ArrayList<>();
        Matcher m;
        if ((m = FLOW.matcher(path)).matches()) {
            clues.add(new Clue(section("Flows"), withLabels(AutomationKind.FLOW, m.group(1))));
        } else if ((m = ASSIGNMENT_RULE.matcher(path)).matches()) {
            clues.add(new Clue(ChangeAttribution::assignmentRules, Set.of(m.group(2))));
        } else if ((m = ROUTING.matcher(path)).matches()) {
            String object = m.group(1);
            Set<String> rules = new LinkedHashSet<>();
            snapshot.assignmentRules().stream().filter(r -> r.object().equalsIgnoreCase(object)).forEach(r -> rules.add(r.name()));
            clues.add(new Clue(ChangeAttribution::assignmentRules, rules));
        } else if ((m = VALIDATION_RULE.matcher(path)).matches()) {
            clues.add(new Clue(section("Validation Rules"), Set.of(m.group(2))));
        } else if ((m = SALES_PROCESS.matcher(path)).matches()) {
            clues.add(new Clue(customize(m.group(1)), Set.of(m.group(2))));
        } else if ((m = CRITERION.matcher(path)).matches()) {
            String object = m.group(1);
            String field = m.group(2);
            Set<String> rules = new LinkedHashSet<>();
            snapshot.automations().stream()
                    .filter(a -> a.kind() == AutomationKind.VALIDATION && object.equalsIgnoreCase(a.object())
                            && (a.fieldsReferenced().stream().anyMatch(field::equalsIgnoreCase)
                                    || a.requirements().stream().anyMatch(r -> r.field().equalsIgnoreCase(field))))
                    .forEach(a -> rules.add(a.name()));
            clues.add(new Clue(section("Validation Rules"), rules));
            clues.add(new Clue(customize(object), fieldNames(object, field), display -> mentions(display, "Required")));
        } else if ((m = PICKLIST_VALUE.matcher(path)).matches()) {
            String object = m.group(1);
            String value = m.group(3);
            Set<String> names = new LinkedHashSet<>(List.of(value));
            snapshot.pipelinesOf(object).forEach(p -> p.stage(value).ifPresent(stage -> names.add(stage.label())));
            clues.add(new Clue(customize(object), names));
        } else if ((m = FIELD.matcher(path)).matches()) {
            clues.add(new Clue(customize(m.group(1)), fieldNames(m.group(1), m.group(2))));
        }
        return clues;
    }

    private Set<String> withLabels(AutomationKind kind, String name) {
        Set<String> names = new LinkedHashSet<>(List.of(name));
        snapshot.automations().stream().filter(a -> a.kind() == kind && a.name().equals(name)).map(Automation::label).forEach(names::add);
        return names;
    }

    /** A field as descriptions name it: API name, API name without the custom suffix (with spaces too), label. */
    private Set<String> fieldNames(String object, String field) {
        Set<String> names = new LinkedHashSet<>(List.of(field));
        if (field.endsWith("__c")) {
            String stem = field.substring(0, field.length() - 3);
            names.add(stem);
            names.add(stem.replace('_', ' '));
        }
        snapshot.field(object, field).ifPresent(definition -> names.add(definition.label()));
        return names;
    }

    private static Predicate<String> section(String name) {
        return section -> name.equalsIgnoreCase(section);
    }

    /** The setup sections where an object's fields and picklist values are changed. */
    private static Predicate<String> customize(String object) {
        String plural = object.endsWith("y") ? object.substring(0, object.length() - 1) + "ies" : object + "s";
        return section -> ("Customize " + plural).equalsIgnoreCase(section) || "Custom Objects".equalsIgnoreCase(section)
                || "Global Value Sets".equalsIgnoreCase(section);
    }

    private static boolean assignmentRules(String section) {
        return section != null && section.toLowerCase(Locale.ROOT).contains("assignment rule");
    }

    /** Whether {@code text} names {@code name} as a whole: not as part of a longer word or API name. */
    static boolean mentions(String text, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = name.toLowerCase(Locale.ROOT);
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            if ((at == 0 || !isWordCharacter(haystack.charAt(at - 1))) && (end == haystack.length() || !isWordCharacter(haystack.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A section a change must be made in, names of which its description must mention one, and what else it must say. */
    private record Clue(Predicate<String> section, Set<String> names, Predicate<String> display) {
        Clue(Predicate<String> section, Set<String> names) {
            this(section, names, display -> true);
        }

        boolean matches(SetupChange change) {
            return change.section() != null && section.test(change.section()) && display.test(change.display())
                    && names.stream().anyMatch(name -> mentions(change.display(), name));
        }
    }
}
