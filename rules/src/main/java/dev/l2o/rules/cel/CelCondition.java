package dev.l2o.rules.cel;

import static java.util.Objects.requireNonNull;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelUnknownSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled CEL expression that decides true or false over named map variables ({@code opp}, {@code lead},
 * {@code deal}, {@code record}, {@code config}; see {@link CelScope}). Each variable is declared as
 * {@code map(string, dyn)}, numbers compare across int and double ({@code opp.Amount > 100000} works for
 * either), and the standard macros ({@code has}, {@code all}, {@code exists}, {@code map}, {@code filter})
 * are available.
 *
 * <p>Compiled programs are cached by expression and variables, so compiling the same rule for every audit
 * costs a lookup. Instances are thread-safe; each makes its runtime program when it is first evaluated.
 */
public final class CelCondition {
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final int CACHE_SIZE = 1024;
    private static final Map<List<String>, CelCompiler> COMPILERS = new ConcurrentHashMap<>();
    private static final Map<Key, CelCondition> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CelCondition> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final String expression;
    private final List<String> variables;
    private final CelAbstractSyntaxTree ast;
    private final Map<String, Set<String>> fieldsRead;
    /** Made from {@link #ast} on the first evaluation; see {@link Runtime}. */
    private volatile CelRuntime.Program program;

    private CelCondition(String expression, List<String> variables, CelAbstractSyntaxTree ast,
            Map<String, Set<String>> fieldsRead) {
        this.expression = expression;
        this.variables = variables;
        this.ast = ast;
        this.fieldsRead = fieldsRead;
    }

    /**
     * The CEL runtime, built when a condition is first evaluated: checking expressions and reading their fields need
     * only the compiler, and the runtime loads about a thousand classes that a run evaluating nothing (a CI audit of
     * metadata without records) would pay for at start-up.
     */
    private static final class Runtime {
        static final CelRuntime INSTANCE = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    }

    /**
     * Compiles {@code expression} over the variables of {@code scope}.
     *
     * @throws CelConditionException when it does not parse or does not type-check (an undeclared variable, an
     *     unknown function, a result that cannot be a boolean)
     */
    public static CelCondition compile(String expression, CelScope scope) {
        return compile(expression, scope.variables());
    }

    /**
     * Compiles {@code expression} over map variables named {@code variables}.
     *
     * @throws CelConditionException when it does not parse or does not type-check
     */
    public static CelCondition compile(String expression, Collection<String> variables) {
        requireNonNull(expression, "expression is null");
        Key key = new Key(expression, variables.stream().sorted().distinct().toList());
        synchronized (CACHE) {
            CelCondition cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CelAbstractSyntaxTree ast = ast(expression, key.variables());
        CelCondition compiled = new CelCondition(expression, key.variables(), ast, fieldsRead(ast, key.variables()));
        synchronized (CACHE) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    private static CelAbstractSyntaxTree ast(String expression, List<String> variables) {
        CelCompiler compiler = COMPILERS.computeIfAbsent(variables, CelCondition::compiler);
        try {
            return compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            CelIssue issue = e.getErrors().isEmpty() ? null : e.getErrors().get(0);
            String reason = issue == null ? "it is not valid CEL" : clean(issue.getMessage());
            int line = issue == null ? 0 : Math.max(0, issue.getSourceLocation().getLine());
            int column = issue == null || issue.getSourceLocation().getColumn() < 0 ? 0 : issue.getSourceLocation().getColumn() + 1;
            String where = column > 0 ? " at column " + column + (line > 1 ? " of line " + line : "") : "";
            throw new CelConditionException("CEL expression '" + expression + "' does not compile: " + reason + where
                    + " (variables: " + String.join(", ", variables) + ")", reason, line, column);
        }
    }

    /** The program, made on first use; racing threads may both make one, which is harmless. */
    private CelRuntime.Program program() {
        CelRuntime.Program made = program;
        if (made == null) {
            try {
                made = Runtime.INSTANCE.createProgram(ast);
            } catch (CelEvaluationException e) {
                throw new CelConditionException("CEL expression '" + expression + "' cannot be prepared: "
                        + clean(e.getMessage()), clean(e.getMessage()), 0, 0);
            }
            program = made;
        }
        return made;
    }

    private static CelCompiler compiler(List<String> variables) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        for (String variable : variables) {
            builder.addVar(variable, MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        return builder.build();
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    /** The declared variables, sorted. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The fields the expression reads from each variable, from its syntax tree: {@code opp.Amount},
     * {@code has(opp.Pain__c)} and {@code opp["Amount"]} read {@code Amount} and {@code Pain__c} of {@code opp}.
     * Variables it reads no field of are absent; keys and fields are sorted.
     */
    public Map<String, Set<String>> fieldsRead() {
        return fieldsRead;
    }

    private static Map<String, Set<String>> fieldsRead(CelAbstractSyntaxTree ast, List<String> variables) {
        TreeMap<String, Set<String>> read = new TreeMap<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().map(CelNavigableExpr::expr).forEach(expr -> {
            CelExpr operand = null;
            String field = null;
            if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                operand = expr.select().operand();
                field = expr.select().field();
            } else if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("_[_]")
                    && expr.call().args().size() == 2
                    && expr.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && expr.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                operand = expr.call().args().get(0);
                field = expr.call().args().get(1).constant().stringValue();
            }
            if (operand != null && operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && variables.contains(operand.ident().name())) {
                read.computeIfAbsent(operand.ident().name(), v -> new TreeSet<>()).add(field);
            }
        });
        read.replaceAll((variable, fields) -> Collections.unmodifiableSortedSet((TreeSet<String>) fields));
        return Collections.unmodifiableSortedMap(read);
    }

    /**
     * Evaluates the condition. Values are normalised first ({@link CelValues}); a variable that is not bound
     * is an error.
     *
     * @param bindings variable name to its map
     * @throws CelConditionException when evaluation fails (a key that is not present, a type CEL cannot
     *     compare) or gives something other than true or false
     */
    public boolean test(Map<String, ?> bindings) {
        Map<String, Object> input = new LinkedHashMap<>();
        Object previous = null;
        Object previousNormal = null;
        for (Map.Entry<String, ?> binding : bindings.entrySet()) {
            // one record is often bound under several names (opp, deal, record): normalise it once
            Object value = binding.getValue();
            Object normal = value != null && value == previous ? previousNormal : CelValues.normalize(value);
            input.put(binding.getKey(), normal);
            previous = value;
            previousNormal = normal;
        }
        Object result;
        try {
            result = program().eval(input);
        } catch (CelEvaluationException e) {
            String reason = clean(e.getMessage());
            throw new CelConditionException("CEL expression '" + expression + "' failed: " + reason, reason, 0, 0);
        }
        if (result instanceof Boolean value) {
            return value;
        }
        String reason = result instanceof CelUnknownSet
                ? "it reads a value that is not set"
                : "it gave " + describe(result) + ", not true or false";
        throw new CelConditionException("CEL expression '" + expression + "' failed: " + reason, reason, 0, 0);
    }

    private static String describe(Object result) {
        return result instanceof String text ? "'" + text + "'" : String.valueOf(result);
    }

    /** CEL's messages without its internal prefixes and container notes, on one line. */
    private static String clean(String message) {
        if (message == null) {
            return "unknown error";
        }
        String text = message.replace(" (in container '')", "")
                .replaceFirst("^evaluation error(?: at <input>:\\d+)?: ", "")
                .replaceFirst(" \\(candidates: .*\\)$", "")
                .replaceFirst("^mismatched input '<EOF>' expecting .*$", "the expression ends too early")
                .replaceFirst(" expecting \\{.*}$", "");
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip().replaceFirst("\\.$", "");
    }

    @Override
    public String toString() {
        return expression;
    }

    private record Key(String expression, List<String> variables) {}
}
