package dev.l2o.salesforce.formula;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A parsed Salesforce formula: validation rule error conditions, formula fields, flow formulas and entry
 * criteria. Immutable; equal formulas (up to whitespace, comments, quote style and the case of function
 * names and keywords) give equal trees.
 */
public sealed interface FormulaNode {
    /** A string literal, quotes and escapes removed. */
    record Text(String value) implements FormulaNode {
        public Text {
            requireNonNull(value, "value is null");
        }
    }

    /** A number literal as written ({@code 1000}, {@code 0.5}). */
    record Number(String text) implements FormulaNode {
        public Number {
            requireNonNull(text, "text is null");
        }

        public double value() {
            return Double.parseDouble(text);
        }
    }

    /** {@code TRUE} or {@code FALSE}. */
    record Bool(boolean value) implements FormulaNode {}

    /** {@code NULL}. */
    record Null() implements FormulaNode {}

    /**
     * A field or global reference as written, merge-field braces removed: {@code StageName},
     * {@code Account.Industry}, {@code $Permission.Bypass_Validation}, {@code $Record.Amount}.
     */
    record Field(String name) implements FormulaNode {
        public Field {
            requireNonNull(name, "name is null");
        }

        /** Whether it names a global ({@code $User}, {@code $Permission}, {@code $Setup}, …) rather than a field. */
        public boolean global() {
            return name.startsWith("$") && !name.startsWith("$Record.") && !name.startsWith("$Record__Prior.");
        }
    }

    /** A function call; {@code function} is upper case ({@code ISPICKVAL}). */
    record Call(String function, List<FormulaNode> arguments) implements FormulaNode {
        public Call {
            function = requireNonNull(function, "function is null").toUpperCase(Locale.ROOT);
            arguments = List.copyOf(arguments);
        }

        public FormulaNode argument(int index) {
            return arguments.get(index);
        }
    }

    /** A prefix operator: {@code !} (NOT), {@code -} or {@code +}. */
    record Unary(String operator, FormulaNode operand) implements FormulaNode {
        public Unary {
            requireNonNull(operator, "operator is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /**
     * An infix operator. Synonyms are normalised: {@code ==} is {@code =} and {@code !=} is {@code <>}; the
     * others are {@code && || < <= > >= + - * / ^ &}.
     */
    record Binary(String operator, FormulaNode left, FormulaNode right) implements FormulaNode {
        public Binary {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }
}
