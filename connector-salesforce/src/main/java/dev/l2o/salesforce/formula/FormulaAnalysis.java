package dev.l2o.salesforce.formula;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.FieldRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a formula reads and what a blocking condition enforces.
 *
 * <p>{@link #requirements} reads an error condition (a validation rule's {@code errorConditionFormula}, or a
 * flow's path to a custom error): the save fails when the condition is true, so every way the condition can
 * be true by a field being blank is a requirement that the field be populated. The condition is put into
 * disjunctive normal form over atoms; each conjunct that tests a field for blank ({@code ISBLANK(f)},
 * {@code ISNULL(f)}, {@code LEN(f) = 0}, {@code f = ""}, {@code TEXT(f) = ""}, {@code ISPICKVAL(f, "")}) and
 * does not also require it to be non-blank yields a {@link FieldRequirement} for the stages its stage atoms
 * allow ({@code ISPICKVAL(StageName, 'X')}, {@code TEXT(StageName) = 'X'}, {@code CASE(StageName, …) = n},
 * {@code CONTAINS('…', TEXT(StageName))}; a negated stage atom allows the other stages of
 * {@code stageValues}; no stage atom allows every stage). Any other atom (permission bypasses,
 * {@code ISCHANGED}, {@code PRIORVALUE}, amounts) only narrows the conjunct. A condition whose normal form
 * exceeds {@value #MAX_CONJUNCTS} conjuncts enforces nothing as far as this analysis can tell, which errs on
 * the side of reporting a requirement as unenforced. Stateless and thread-safe.
 */
public final class FormulaAnalysis {
    /** The largest normal form analysed. */
    public static final int MAX_CONJUNCTS = 1024;

    private FormulaAnalysis() {}

    /**
     * The fields a formula reads, sorted: field references without globals ({@code $User}, {@code $Permission},
     * …); the flow prefixes {@code $Record.} and {@code $Record__Prior.} are removed.
     */
    public static SortedSet<String> fieldsReferenced(FormulaNode formula) {
        SortedSet<String> fields = new TreeSet<>();
        collectFields(requireNonNull(formula, "formula is null"), fields);
        return Collections.unmodifiableSortedSet(fields);
    }

    /**
     * The field requirements an error condition enforces, one per field, sorted by field.
     *
     * @param errorCondition the condition under which a save fails
     * @param stageField the object's stage field ({@code StageName}, {@code Status}), or null when the object
     *     has none
     * @param stageValues every stage value of the object (active or not), used to complement negated stage
     *     atoms; when empty, a conjunct that only excludes stages yields no requirement
     */
    public static List<FieldRequirement> requirements(FormulaNode errorCondition, String stageField, List<String> stageValues) {
        requireNonNull(errorCondition, "errorCondition is null");
        Analyzer analyzer = new Analyzer(stageField, List.copyOf(stageValues));
        List<List<Literal>> conjuncts;
        try {
            conjuncts = analyzer.normalForm(analyzer.toBoolean(errorCondition), true);
        } catch (TooComplex e) {
            return List.of();
        }
        Map<String, Set<String>> stagesByField = new TreeMap<>();
        for (List<Literal> conjunct : conjuncts) {
            analyzer.requirements(conjunct, stagesByField);
        }
        List<FieldRequirement> requirements = new ArrayList<>();
        stagesByField.forEach((field, stages) -> requirements.add(new FieldRequirement(field, stages)));
        return List.copyOf(requirements);
    }

    /** Every field and global reference in a formula as written (merge braces removed), sorted. */
    public static SortedSet<String> references(FormulaNode formula) {
        SortedSet<String> references = new TreeSet<>();
        collectReferences(requireNonNull(formula, "formula is null"), references);
        return Collections.unmodifiableSortedSet(references);
    }

    private static void collectFields(FormulaNode node, Set<String> fields) {
        SortedSet<String> references = new TreeSet<>();
        collectReferences(node, references);
        for (String reference : references) {
            if (!new FormulaNode.Field(reference).global()) {
                fields.add(recordField(reference));
            }
        }
    }

    private static void collectReferences(FormulaNode node, Set<String> fields) {
        if (node instanceof FormulaNode.Field field) {
            fields.add(field.name());
        } else if (node instanceof FormulaNode.Call call) {
            call.arguments().forEach(argument -> collectReferences(argument, fields));
        } else if (node instanceof FormulaNode.Unary unary) {
            collectReferences(unary.operand(), fields);
        } else if (node instanceof FormulaNode.Binary binary) {
            collectReferences(binary.left(), fields);
            collectReferences(binary.right(), fields);
        }
    }

    /** A field name without the flow record prefix. */
    static String recordField(String name) {
        if (name.startsWith("$Record.")) {
            return name.substring("$Record.".length());
        }
        if (name.startsWith("$Record__Prior.")) {
            return name.substring("$Record__Prior.".length());
        }
        return name;
    }

    /** A boolean expression over atoms. */
    private sealed interface Bool {}

    private record And(List<Bool> operands) implements Bool {}

    private record Or(List<Bool> operands) implements Bool {}

    private record Not(Bool operand) implements Bool {}

    private record Constant(boolean value) implements Bool {}

    /** An atom: {@code kind} is BLANK (subject = field), STAGE (values) or OTHER (subject = the formula text). */
    private record Atom(AtomKind kind, String subject, Set<String> values) implements Bool {}

    private enum AtomKind {
        BLANK,
        STAGE,
        OTHER
    }

    private record Literal(Atom atom, boolean positive) {}

    private static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex() {
            super(null, null, false, false);
        }
    }

    private static final class Analyzer {
        private final String stageField;
        private final List<String> stageValues;

        Analyzer(String stageField, List<String> stageValues) {
            this.stageField = stageField;
            this.stageValues = stageValues;
        }

        Bool toBoolean(FormulaNode node) {
            if (node instanceof FormulaNode.Bool bool) {
                return new Constant(bool.value());
            }
            if (node instanceof FormulaNode.Unary unary && unary.operator().equals("!")) {
                return new Not(toBoolean(unary.operand()));
            }
            if (node instanceof FormulaNode.Call call) {
                return call(call);
            }
            if (node instanceof FormulaNode.Binary binary) {
                switch (binary.operator()) {
                    case "&&":
                        return new And(List.of(toBoolean(binary.left()), toBoolean(binary.right())));
                    case "||":
                        return new Or(List.of(toBoolean(binary.left()), toBoolean(binary.right())));
                    case "=":
                        return equality(binary);
                    case "<>":
                        return new Not(equality(binary));
                    case "<", ">":
                        return lengthComparison(binary);
                    default:
                        return other(binary);
                }
            }
            return other(node);
        }

        private Bool call(FormulaNode.Call call) {
            List<FormulaNode> arguments = call.arguments();
            switch (call.function()) {
                case "AND", "OR" -> {
                    List<Bool> operands = arguments.stream().map(this::toBoolean).toList();
                    return call.function().equals("AND") ? new And(operands) : new Or(operands);
                }
                case "NOT" -> {
                    return arguments.size() == 1 ? new Not(toBoolean(arguments.get(0))) : other(call);
                }
                case "IF" -> {
                    if (arguments.size() != 3) {
                        return other(call);
                    }
                    Bool condition = toBoolean(arguments.get(0));
                    return new Or(List.of(new And(List.of(condition, toBoolean(arguments.get(1)))),
                            new And(List.of(new Not(condition), toBoolean(arguments.get(2))))));
                }
                case "ISBLANK", "ISNULL" -> {
                    String field = arguments.size() == 1 ? fieldOf(arguments.get(0)) : null;
                    return field == null ? other(call) : blank(field);
                }
                case "ISPICKVAL" -> {
                    if (arguments.size() == 2 && arguments.get(1) instanceof FormulaNode.Text value) {
                        String field = plainField(arguments.get(0));
                        if (field != null && value.value().isEmpty()) {
                            return blank(field);
                        }
                        if (field != null && isStageField(field)) {
                            return stage(Set.of(value.value()));
                        }
                    }
                    return other(call);
                }
                case "CASE" -> {
                    return caseOfStage(call, null);
                }
                case "CONTAINS" -> {
                    if (arguments.size() == 2 && arguments.get(0) instanceof FormulaNode.Text list
                            && isStageExpression(arguments.get(1)) && !stageValues.isEmpty()) {
                        Set<String> values = new LinkedHashSet<>();
                        stageValues.stream().filter(value -> list.value().contains(value)).forEach(values::add);
                        return stage(values);
                    }
                    return other(call);
                }
                default -> {
                    return other(call);
                }
            }
        }

        private Bool equality(FormulaNode.Binary binary) {
            FormulaNode left = binary.left();
            FormulaNode right = binary.right();
            for (int side = 0; side < 2; side++) {
                FormulaNode subject = side == 0 ? left : right;
                FormulaNode value = side == 0 ? right : left;
                boolean emptyValue = value instanceof FormulaNode.Null
                        || value instanceof FormulaNode.Text text && text.value().isEmpty();
                String field = fieldOf(subject);
                if (emptyValue && field != null) {
                    return blank(field);
                }
                if (value instanceof FormulaNode.Number number && number.value() == 0
                        && subject instanceof FormulaNode.Call length && length.function().equals("LEN")
                        && length.arguments().size() == 1 && fieldOf(length.argument(0)) != null) {
                    return blank(fieldOf(length.argument(0)));
                }
                if (value instanceof FormulaNode.Text text && isStageExpression(subject)) {
                    return stage(Set.of(text.value()));
                }
                if (subject instanceof FormulaNode.Call call && call.function().equals("CASE")
                        && (value instanceof FormulaNode.Number || value instanceof FormulaNode.Text
                        || value instanceof FormulaNode.Bool)) {
                    return caseOfStage(call, value);
                }
            }
            return other(binary);
        }

        /** {@code LEN(f) < 1} and {@code LEN(f) > 0}. */
        private Bool lengthComparison(FormulaNode.Binary binary) {
            if (binary.left() instanceof FormulaNode.Call length && length.function().equals("LEN")
                    && length.arguments().size() == 1 && binary.right() instanceof FormulaNode.Number number) {
                String field = fieldOf(length.argument(0));
                if (field != null && binary.operator().equals("<") && number.value() == 1) {
                    return blank(field);
                }
                if (field != null && binary.operator().equals(">") && number.value() == 0) {
                    return new Not(blank(field));
                }
            }
            return other(binary);
        }

        /**
         * {@code CASE(stage, 'A', r1, 'B', r2, else)}: compared with {@code expected} (or, when null, read as a
         * boolean), it is true in the stages whose result equals it (or is true).
         */
        private Bool caseOfStage(FormulaNode.Call call, FormulaNode expected) {
            List<FormulaNode> arguments = call.arguments();
            if (arguments.size() < 4 || arguments.size() % 2 != 0 || !isStageExpression(arguments.get(0))) {
                return expected == null ? other(call) : other(new FormulaNode.Binary("=", call, expected));
            }
            List<Bool> branches = new ArrayList<>();
            Set<String> named = new LinkedHashSet<>();
            for (int i = 1; i + 1 < arguments.size(); i += 2) {
                if (!(arguments.get(i) instanceof FormulaNode.Text value)) {
                    return other(call);
                }
                named.add(value.value());
                branches.add(new And(List.of(stage(Set.of(value.value())), result(arguments.get(i + 1), expected))));
            }
            branches.add(new And(List.of(new Not(stage(named)), result(arguments.get(arguments.size() - 1), expected))));
            return new Or(branches);
        }

        private Bool result(FormulaNode result, FormulaNode expected) {
            if (expected == null) {
                return toBoolean(result);
            }
            if (result instanceof FormulaNode.Number number && expected instanceof FormulaNode.Number wanted) {
                return new Constant(number.value() == wanted.value());
            }
            if (result instanceof FormulaNode.Text || result instanceof FormulaNode.Bool) {
                return new Constant(result.equals(expected));
            }
            return other(new FormulaNode.Binary("=", result, expected));
        }

        /** The field a blank test is about: {@code f} or {@code TEXT(f)}. */
        private String fieldOf(FormulaNode node) {
            if (node instanceof FormulaNode.Call call && call.function().equals("TEXT") && call.arguments().size() == 1) {
                return plainField(call.argument(0));
            }
            return plainField(node);
        }

        private static String plainField(FormulaNode node) {
            return node instanceof FormulaNode.Field field && !field.global() && !field.name().startsWith("$Record__Prior.")
                    ? recordField(field.name())
                    : null;
        }

        private boolean isStageExpression(FormulaNode node) {
            if (node instanceof FormulaNode.Call call && call.function().equals("TEXT") && call.arguments().size() == 1) {
                node = call.argument(0);
            }
            String field = plainField(node);
            return field != null && isStageField(field);
        }

        private boolean isStageField(String field) {
            if (stageField == null) {
                return false;
            }
            String lower = field.toLowerCase(Locale.ROOT);
            String stage = stageField.toLowerCase(Locale.ROOT);
            return lower.equals(stage) || lower.endsWith("." + stage) && lower.indexOf('.') == lower.lastIndexOf('.')
                    && !lower.contains("__r.");
        }

        private static Atom blank(String field) {
            return new Atom(AtomKind.BLANK, field, Set.of());
        }

        private static Atom stage(Set<String> values) {
            return new Atom(AtomKind.STAGE, "", Collections.unmodifiableSet(new TreeSet<>(values)));
        }

        private static Atom other(FormulaNode node) {
            return new Atom(AtomKind.OTHER, node.toString(), Set.of());
        }

        /** The disjunctive normal form of {@code expression} (or of its negation): a list of conjuncts. */
        List<List<Literal>> normalForm(Bool expression, boolean positive) {
            if (expression instanceof Constant constant) {
                return constant.value() == positive ? List.of(List.of()) : List.of();
            }
            if (expression instanceof Atom atom) {
                return List.of(List.of(new Literal(atom, positive)));
            }
            if (expression instanceof Not not) {
                return normalForm(not.operand(), !positive);
            }
            if (expression instanceof And and) {
                return positive ? product(and.operands(), true) : union(and.operands(), false);
            }
            Or or = (Or) expression;
            return positive ? union(or.operands(), true) : product(or.operands(), false);
        }

        private List<List<Literal>> union(List<Bool> operands, boolean positive) {
            List<List<Literal>> result = new ArrayList<>();
            for (Bool operand : operands) {
                result.addAll(normalForm(operand, positive));
                if (result.size() > MAX_CONJUNCTS) {
                    throw new TooComplex();
                }
            }
            return result;
        }

        private List<List<Literal>> product(List<Bool> operands, boolean positive) {
            List<List<Literal>> result = List.of(List.of());
            for (Bool operand : operands) {
                List<List<Literal>> factor = normalForm(operand, positive);
                if ((long) result.size() * factor.size() > MAX_CONJUNCTS) {
                    throw new TooComplex();
                }
                List<List<Literal>> next = new ArrayList<>();
                for (List<Literal> left : result) {
                    for (List<Literal> right : factor) {
                        List<Literal> joined = new ArrayList<>(left);
                        joined.addAll(right);
                        next.add(joined);
                    }
                }
                result = next;
            }
            return result;
        }

        /** Adds the requirements of one conjunct; an empty stage set means every stage. */
        void requirements(List<Literal> conjunct, Map<String, Set<String>> stagesByField) {
            Map<Atom, Boolean> polarity = new LinkedHashMap<>();
            for (Literal literal : conjunct) {
                Boolean previous = polarity.put(literal.atom(), literal.positive());
                if (previous != null && previous != literal.positive()) {
                    return;
                }
            }
            Set<String> allowed = null;
            Set<String> excluded = new TreeSet<>();
            boolean constrained = false;
            for (Literal literal : conjunct) {
                if (literal.atom().kind() != AtomKind.STAGE) {
                    continue;
                }
                constrained = true;
                if (literal.positive()) {
                    allowed = allowed == null ? new TreeSet<>(literal.atom().values()) : intersect(allowed, literal.atom().values());
                } else {
                    excluded.addAll(literal.atom().values());
                }
            }
            Set<String> stages;
            if (!constrained) {
                stages = Set.of();
            } else {
                if (allowed == null) {
                    if (stageValues.isEmpty()) {
                        return;
                    }
                    allowed = new TreeSet<>(stageValues);
                }
                allowed.removeAll(excluded);
                if (allowed.isEmpty()) {
                    return;
                }
                stages = allowed;
            }
            for (Literal literal : conjunct) {
                if (literal.atom().kind() == AtomKind.BLANK && literal.positive()) {
                    merge(stagesByField, literal.atom().subject(), stages);
                }
            }
        }

        private static Set<String> intersect(Set<String> left, Set<String> right) {
            Set<String> result = new TreeSet<>(left);
            result.retainAll(right);
            return result;
        }

        private static void merge(Map<String, Set<String>> stagesByField, String field, Set<String> stages) {
            Set<String> existing = stagesByField.get(field);
            if (existing == null) {
                stagesByField.put(field, new TreeSet<>(stages));
            } else if (!existing.isEmpty()) {
                if (stages.isEmpty()) {
                    existing.clear();
                } else {
                    existing.addAll(stages);
                }
            }
        }
    }
}
