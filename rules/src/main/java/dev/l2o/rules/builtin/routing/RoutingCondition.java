package dev.l2o.rules.builtin.routing;

import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.l2o.model.Criterion;
import dev.l2o.model.RuleEntry;
import dev.l2o.rules.builtin.support.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces a routing rule's CEL {@code when} and an assignment rule entry's criteria to sets of
 * {@link Comparison}s, so that the two can be compared.
 *
 * <p>A {@code when} reduces when it is a conjunction ({@code &&}) of comparisons of a record field with
 * literals: {@code lead.F == 'x'}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} (either side),
 * {@code lead.F in ['a', 'b']}, {@code lead.F == 'a' || lead.F == 'b'}, {@code lead.F.contains('x')},
 * {@code !lead.F.contains('x')}, {@code lead.F.startsWith('x')}, and a bare boolean field. Anything else does
 * not reduce, and routing is then matched on the assignee alone.
 */
final class RoutingCondition {
    private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder().build();
    private static final Map<String, String> OPERATIONS = Map.of(
            Operator.EQUALS.getFunction(), "equals",
            Operator.NOT_EQUALS.getFunction(), "notEqual",
            Operator.LESS.getFunction(), "lessThan",
            Operator.LESS_EQUALS.getFunction(), "lessOrEqual",
            Operator.GREATER.getFunction(), "greaterThan",
            Operator.GREATER_EQUALS.getFunction(), "greaterOrEqual");
    /** The operation with its operands swapped: {@code 1000 <= x} is {@code x >= 1000}. */
    private static final Map<String, String> MIRRORED = Map.of(
            "equals", "equals",
            "notEqual", "notEqual",
            "lessThan", "greaterThan",
            "lessOrEqual", "greaterOrEqual",
            "greaterThan", "lessThan",
            "greaterOrEqual", "lessOrEqual");

    private RoutingCondition() {}

    /** Whether two reduced conditions mean the same: equal sets of comparison keys. */
    static boolean same(List<Comparison> a, List<Comparison> b) {
        return keys(a).equals(keys(b));
    }

    private static Set<String> keys(List<Comparison> comparisons) {
        Set<String> keys = new TreeSet<>();
        comparisons.forEach(c -> keys.add(c.key()));
        return keys;
    }

    /** The comparisons {@code when} is a conjunction of; empty when it does not reduce. Blank means "always". */
    static Optional<List<Comparison>> reduce(String when) {
        if (when == null || when.isBlank()) {
            return Optional.of(List.of());
        }
        CelValidationResult parsed = PARSER.parse(when);
        if (parsed.hasError()) {
            return Optional.empty();
        }
        try {
            List<Comparison> comparisons = new ArrayList<>();
            return conjunction(parsed.getAst().getExpr(), comparisons) ? Optional.of(comparisons) : Optional.empty();
        } catch (CelValidationException e) {
            return Optional.empty();
        }
    }

    /**
     * The comparisons of an entry's criteria; empty when the entry uses a formula or a boolean filter other
     * than a plain AND of its criteria, which cannot be compared.
     */
    static Optional<List<Comparison>> reduce(String object, RuleEntry entry) {
        if (entry.formula() != null && !entry.formula().isBlank()) {
            return Optional.empty();
        }
        if (entry.booleanFilter() != null && !entry.booleanFilter().isBlank()
                && !entry.booleanFilter().toUpperCase(Locale.ROOT).matches("[\\d\\s()]*(AND[\\d\\s()]*)*")) {
            return Optional.empty();
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Criterion criterion : entry.criteria()) {
            List<String> values = new ArrayList<>();
            // Salesforce writes OR-ed values comma-separated in one value.
            criterion.values().forEach(v -> values.addAll(List.of(v.split(","))));
            comparisons.add(new Comparison(Texts.withoutObject(object, criterion.field()), criterion.operation(),
                    values));
        }
        return Optional.of(comparisons);
    }

    private static boolean conjunction(CelExpr expr, List<Comparison> into) {
        if (isCall(expr, Operator.LOGICAL_AND.getFunction())) {
            for (CelExpr arg : expr.call().args()) {
                if (!conjunction(arg, into)) {
                    return false;
                }
            }
            return true;
        }
        Optional<Comparison> comparison = comparison(expr);
        comparison.ifPresent(into::add);
        return comparison.isPresent();
    }

    private static Optional<Comparison> comparison(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            return field(expr).map(f -> new Comparison(f, "equals", List.of("true")));
        }
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return Optional.empty();
        }
        CelExpr.CelCall call = expr.call();
        String function = call.function();
        if (function.equals(Operator.LOGICAL_NOT.getFunction())) {
            return negation(call.args().get(0));
        }
        if (function.equals(Operator.LOGICAL_OR.getFunction())) {
            return disjunction(expr);
        }
        if (function.equals(Operator.IN.getFunction())) {
            return field(call.args().get(0)).flatMap(f -> literals(call.args().get(1))
                    .map(values -> new Comparison(f, "equals", values)));
        }
        if ((function.equals("contains") || function.equals("startsWith")) && call.target().isPresent()
                && call.args().size() == 1) {
            return field(call.target().get()).flatMap(f -> literal(call.args().get(0))
                    .map(value -> new Comparison(f, function, List.of(value))));
        }
        String operation = OPERATIONS.get(function);
        if (operation == null) {
            return Optional.empty();
        }
        CelExpr left = call.args().get(0);
        CelExpr right = call.args().get(1);
        Optional<String> leftField = field(left);
        if (leftField.isPresent()) {
            return literal(right).map(value -> new Comparison(leftField.get(), operation, List.of(value)));
        }
        return field(right).flatMap(f -> literal(left).map(value -> new Comparison(f, MIRRORED.get(operation), List.of(value))));
    }

    private static Optional<Comparison> negation(CelExpr negated) {
        Optional<Comparison> inner = comparison(negated);
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        Comparison c = inner.get();
        return switch (c.operation()) {
            case "contains" -> Optional.of(new Comparison(c.field(), "notContain", c.values()));
            case "equals" -> Optional.of(new Comparison(c.field(), "notEqual", c.values()));
            default -> Optional.empty();
        };
    }

    /** {@code f == 'a' || f == 'b'} (or {@code contains}) on one field: one comparison with both values. */
    private static Optional<Comparison> disjunction(CelExpr expr) {
        List<CelExpr> terms = new ArrayList<>();
        flattenOr(expr, terms);
        Comparison merged = null;
        for (CelExpr term : terms) {
            Optional<Comparison> c = comparison(term);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            Comparison next = c.get();
            boolean mergeable = next.operation().equals("equals") || next.operation().equals("contains");
            if (!mergeable || merged != null
                    && !(merged.field().equals(next.field()) && merged.operation().equals(next.operation()))) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            if (merged != null) {
                values.addAll(merged.values());
            }
            values.addAll(next.values());
            merged = new Comparison(next.field(), next.operation(), values);
        }
        return Optional.ofNullable(merged);
    }

    private static void flattenOr(CelExpr expr, List<CelExpr> into) {
        if (isCall(expr, Operator.LOGICAL_OR.getFunction())) {
            expr.call().args().forEach(arg -> flattenOr(arg, into));
        } else {
            into.add(expr);
        }
    }

    /** {@code lead.Owner.Name} → {@code Owner.Name}: a select chain on a variable, without the variable. */
    private static Optional<String> field(CelExpr expr) {
        List<String> path = new ArrayList<>();
        CelExpr current = expr;
        while (current.getKind() == CelExpr.ExprKind.Kind.SELECT && !current.select().testOnly()) {
            path.add(0, current.select().field());
            current = current.select().operand();
        }
        if (path.isEmpty() || current.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return Optional.empty();
        }
        return Optional.of(String.join(".", path));
    }

    private static Optional<List<String>> literals(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.LIST) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (CelExpr element : expr.list().elements()) {
            Optional<String> value = literal(element);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private static Optional<String> literal(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals(Operator.NEGATE.getFunction())) {
            return literal(expr.call().args().get(0)).map(v -> "-" + v);
        }
        if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        CelConstant constant = expr.constant();
        return switch (constant.getKind()) {
            case STRING_VALUE -> Optional.of(constant.stringValue());
            case INT64_VALUE -> Optional.of(Long.toString(constant.int64Value()));
            case UINT64_VALUE -> Optional.of(constant.uint64Value().toString());
            case DOUBLE_VALUE -> Optional.of(Double.toString(constant.doubleValue()));
            case BOOLEAN_VALUE -> Optional.of(Boolean.toString(constant.booleanValue()));
            case NOT_SET, NULL_VALUE, BYTES_VALUE, TIMESTAMP_VALUE, DURATION_VALUE -> Optional.empty();
        };
    }

    private static boolean isCall(CelExpr expr, String function) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals(function);
    }
}
