package dev.l2o.salesforce.metadata;

import dev.l2o.salesforce.formula.FormulaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Combines numbered conditions by Salesforce's condition logic: {@code and}, {@code or}, or custom logic such
 * as {@code 1 AND (2 OR NOT 3)} (flows, workflow rules, assignment rule entries). Logic that does not parse
 * becomes an opaque call, which an analysis treats as an unknown condition.
 */
final class ConditionLogic {
    private final List<String> tokens;
    private final List<FormulaNode> conditions;
    private int next;

    private ConditionLogic(List<String> tokens, List<FormulaNode> conditions) {
        this.tokens = tokens;
        this.conditions = conditions;
    }

    static FormulaNode combine(String logic, List<FormulaNode> conditions) {
        if (conditions.size() == 1 && (logic == null || logic.equalsIgnoreCase("and") || logic.equalsIgnoreCase("or"))) {
            return conditions.get(0);
        }
        if (logic == null || logic.isBlank() || logic.equalsIgnoreCase("and")) {
            return new FormulaNode.Call("AND", conditions);
        }
        if (logic.equalsIgnoreCase("or")) {
            return new FormulaNode.Call("OR", conditions);
        }
        ConditionLogic parser = new ConditionLogic(tokenize(logic), conditions);
        try {
            FormulaNode node = parser.or();
            if (parser.next != parser.tokens.size()) {
                return unreadable(logic);
            }
            return node;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return unreadable(logic);
        }
    }

    private FormulaNode or() {
        List<FormulaNode> operands = new ArrayList<>(List.of(and()));
        while (next < tokens.size() && tokens.get(next).equals("OR")) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new FormulaNode.Call("OR", operands);
    }

    private FormulaNode and() {
        List<FormulaNode> operands = new ArrayList<>(List.of(not()));
        while (next < tokens.size() && tokens.get(next).equals("AND")) {
            next++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new FormulaNode.Call("AND", operands);
    }

    private FormulaNode not() {
        String token = tokens.get(next++);
        if (token.equals("NOT")) {
            return new FormulaNode.Call("NOT", List.of(not()));
        }
        if (token.equals("(")) {
            FormulaNode inner = or();
            if (!tokens.get(next++).equals(")")) {
                throw new IllegalArgumentException("expected )");
            }
            return inner;
        }
        int index = Integer.parseInt(token) - 1;
        if (index < 0 || index >= conditions.size()) {
            throw new IllegalArgumentException("no condition " + token);
        }
        return conditions.get(index);
    }

    private static List<String> tokenize(String logic) {
        List<String> tokens = new ArrayList<>();
        String spaced = logic.replace("(", " ( ").replace(")", " ) ");
        for (String token : spaced.trim().split("\\s+")) {
            tokens.add(token.toUpperCase(Locale.ROOT));
        }
        return tokens;
    }

    private static FormulaNode unreadable(String logic) {
        return new FormulaNode.Call("UNREADABLE_LOGIC", List.of(new FormulaNode.Text(logic)));
    }
}
