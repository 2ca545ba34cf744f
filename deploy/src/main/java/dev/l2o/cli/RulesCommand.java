package dev.l2o.cli;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.blueprint.RulesetLoader;
import dev.l2o.blueprint.RulesetSpec;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Ruleset;
import dev.l2o.rules.builtin.RuleCatalog;
import dev.l2o.rules.custom.CustomRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code l2o rules [ID]}: the rule catalog, or one rule's full description. With {@code --blueprint} or
 * {@code --ruleset}, the effective catalog: the blueprint's custom rules too, which rules run and at which severity.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the built-in rules (id, severity, dimension, title), or describe one rule in full.",
                "With --blueprint or --ruleset: the effective catalog (custom rules too; severities as the ruleset sets "
                        + "them, and which rules are off)."})
final class RulesCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A rule id, e.g. L2O-CRITERIA-UNENFORCED.")
    String id;

    @Option(names = "--blueprint", paramLabel = "B", description = "Show the catalog as this blueprint's ruleset and custom rules make it.")
    Path blueprint;

    @Option(names = "--ruleset", paramLabel = "FILE", description = "A ruleset file (kind: Ruleset), laid over the blueprint's ruleset.")
    Path ruleset;

    RulesCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Blueprint given = blueprint == null ? null : BlueprintLoader.load(blueprint).blueprint();
        List<RuleDescriptor> rules = new ArrayList<>(RuleCatalog.descriptors());
        List<String> customIds = new ArrayList<>();
        if (given != null) {
            CustomRules.from(given).stream().map(Rule::descriptor).forEach(rules::add);
            given.rules().stream().map(CustomRuleSpec::id).forEach(customIds::add);
        }
        Optional<RulesetSpec> file = Optional.ofNullable(ruleset).map(path -> RulesetLoader.load(path, customIds));
        Ruleset effective = given == null ? file.map(Ruleset::of).orElse(Ruleset.ALL) : Ruleset.of(given, file);
        boolean showState = given != null || file.isPresent();
        List<Ruleset.EffectiveRule> catalog = effective.catalog(rules);
        if (id != null) {
            Ruleset.EffectiveRule rule = catalog.stream().filter(r -> r.rule().id().equalsIgnoreCase(id.trim())).findFirst().orElse(null);
            if (rule == null) {
                environment.err().println("l2o: no " + (given == null ? "built-in " : "") + "rule '" + id + "'; l2o rules lists them");
                return ExitCode.USAGE;
            }
            environment.out().println(rule.rule().id() + " (" + severity(rule) + ", " + rule.rule().dimension().key()
                    + (showState && !rule.selected() ? ", off" : "") + ")");
            environment.out().println(rule.rule().title());
            environment.out().println();
            environment.out().println(rule.rule().description());
            environment.out().flush();
            return ExitCode.OK;
        }
        for (Ruleset.EffectiveRule rule : catalog) {
            String line = String.format(Locale.ROOT, "%-28s %-8s %-14s %s", rule.rule().id(), rule.severity().id(),
                    rule.rule().dimension().key(), rule.rule().title());
            environment.out().println(showState ? String.format(Locale.ROOT, "%-4s %s", rule.selected() ? "on" : "off", line)
                    + (rule.severityChanged() ? " (severity " + rule.rule().defaultSeverity().id() + " by default)" : "") : line);
        }
        environment.out().flush();
        return ExitCode.OK;
    }

    /** The effective severity, and the default when the ruleset changed it. */
    private static String severity(Ruleset.EffectiveRule rule) {
        return rule.severity().id() + (rule.severityChanged() ? ", " + rule.rule().defaultSeverity().id() + " by default" : "");
    }
}
