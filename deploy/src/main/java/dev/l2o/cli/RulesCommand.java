package dev.l2o.cli;

import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.builtin.RuleCatalog;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code l2o rules [ID]}: the built-in rule catalog, or one rule's full description. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the built-in rules (id, severity, dimension, title), or describe one rule in full.")
final class RulesCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A rule id, e.g. L2O-CRITERIA-UNENFORCED.")
    String id;

    RulesCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (id != null) {
            RuleDescriptor rule = RuleCatalog.find(id.trim().toUpperCase(Locale.ROOT)).orElse(null);
            if (rule == null) {
                environment.err().println("l2o: no built-in rule '" + id + "'; l2o rules lists them");
                return ExitCode.USAGE;
            }
            environment.out().println(rule.id() + " (" + rule.defaultSeverity().id() + ", " + rule.dimension().key() + ")");
            environment.out().println(rule.title());
            environment.out().println();
            environment.out().println(rule.description());
            environment.out().flush();
            return ExitCode.OK;
        }
        for (RuleDescriptor rule : RuleCatalog.descriptors()) {
            environment.out().println(String.format(Locale.ROOT, "%-28s %-8s %-14s %s", rule.id(), rule.defaultSeverity().id(),
                    rule.dimension().key(), rule.title()));
        }
        environment.out().flush();
        return ExitCode.OK;
    }
}
