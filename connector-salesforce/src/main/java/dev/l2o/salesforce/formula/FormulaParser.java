package dev.l2o.salesforce.formula;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tokenizer and recursive-descent parser for Salesforce formulas.
 *
 * <p>It reads what validation rules, formula fields and flow formulas contain: the operators
 * {@code && || ! = == <> != < <= > >= + - * / ^ &}, function calls of any name ({@code AND}, {@code ISPICKVAL},
 * {@code CASE}, …), string literals in single or double quotes with backslash escapes, numbers,
 * {@code TRUE}/{@code FALSE}/{@code NULL}, field references with dots and {@code $} globals
 * ({@code $User.Id}, {@code $Permission.X}, {@code $Setup.Org__c.Flag__c}), flow merge fields
 * ({@code {!$Record.StageName}}) and block comments. Precedence from loosest to tightest:
 * {@code ||}, {@code &&}, {@code = <>}, {@code < <= > >=}, {@code + - &}, {@code * /}, prefix
 * {@code ! - +}, {@code ^}. Function names and keywords are case-insensitive. Stateless and thread-safe.
 */
public final class FormulaParser {
    /**
     * How deep a formula may nest (parentheses, calls, prefix operators) and how long a chain of one operator may be,
     * together: both make the tree deeper, and the parser and every analysis recurse over it. Salesforce formulas
     * are at most 3,900 characters and nest a few levels; a deeper one is reported instead of overflowing the stack.
     */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private final boolean multiLine;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private FormulaParser(String text) {
        this.text = text;
        this.multiLine = text.strip().indexOf('\n') >= 0;
        this.tokens = tokenize();
    }

    /**
     * Parses a formula.
     *
     * @throws FormulaSyntaxException when it is not a formula; the message names the column
     */
    public static FormulaNode parse(String formula) {
        requireNonNull(formula, "formula is null");
        FormulaParser parser = new FormulaParser(formula);
        if (parser.peek().kind == Kind.END) {
            throw parser.error(parser.peek(), "the formula is empty");
        }
        FormulaNode node = parser.or();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw parser.error(rest, "unexpected " + rest.describe() + " after a complete expression");
        }
        return node;
    }

    private FormulaNode or() {
        int entered = depth;
        FormulaNode left = and();
        while (acceptOperator("||")) {
            deeper();
            left = new FormulaNode.Binary("||", left, and());
        }
        depth = entered;
        return left;
    }

    private FormulaNode and() {
        int entered = depth;
        FormulaNode left = equality();
        while (acceptOperator("&&")) {
            deeper();
            left = new FormulaNode.Binary("&&", left, equality());
        }
        depth = entered;
        return left;
    }

    private FormulaNode equality() {
        int entered = depth;
        FormulaNode left = relational();
        while (true) {
            Token token = peek();
            if (token.isOperator("=", "==")) {
                next++;
                deeper();
                left = new FormulaNode.Binary("=", left, relational());
            } else if (token.isOperator("<>", "!=")) {
                next++;
                deeper();
                left = new FormulaNode.Binary("<>", left, relational());
            } else {
                depth = entered;
                return left;
            }
        }
    }

    private FormulaNode relational() {
        int entered = depth;
        FormulaNode left = additive();
        while (peek().isOperator("<", "<=", ">", ">=")) {
            String operator = tokens.get(next++).text;
            deeper();
            left = new FormulaNode.Binary(operator, left, additive());
        }
        depth = entered;
        return left;
    }

    private FormulaNode additive() {
        int entered = depth;
        FormulaNode left = multiplicative();
        while (peek().isOperator("+", "-", "&")) {
            String operator = tokens.get(next++).text;
            deeper();
            left = new FormulaNode.Binary(operator, left, multiplicative());
        }
        depth = entered;
        return left;
    }

    private FormulaNode multiplicative() {
        int entered = depth;
        FormulaNode left = unary();
        while (peek().isOperator("*", "/")) {
            String operator = tokens.get(next++).text;
            deeper();
            left = new FormulaNode.Binary(operator, left, unary());
        }
        depth = entered;
        return left;
    }

    private FormulaNode unary() {
        int entered = depth;
        deeper();
        FormulaNode node;
        if (peek().isOperator("!", "-", "+")) {
            String operator = tokens.get(next++).text;
            node = new FormulaNode.Unary(operator, unary());
        } else {
            node = power();
        }
        depth = entered;
        return node;
    }

    /** One level deeper into the tree; refused past {@link #MAX_DEPTH}. */
    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "the formula nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private FormulaNode power() {
        FormulaNode base = primary();
        if (acceptOperator("^")) {
            return new FormulaNode.Binary("^", base, unary());
        }
        return base;
    }

    private FormulaNode primary() {
        Token token = tokens.get(next++);
        switch (token.kind) {
            case STRING:
                return new FormulaNode.Text(token.text);
            case NUMBER:
                return new FormulaNode.Number(token.text);
            case OPEN: {
                FormulaNode inner = or();
                expect(Kind.CLOSE, "')' to close the '(' at column " + columnOf(token.offset));
                return inner;
            }
            case IDENTIFIER:
                return identifier(token);
            case CLOSE, COMMA, OPERATOR, END:
                throw error(token, "expected a value but found " + token.describe());
        }
        throw new IllegalStateException("unknown token kind " + token.kind);
    }

    private FormulaNode identifier(Token token) {
        if (peek().kind == Kind.OPEN && !token.mergeField) {
            next++;
            List<FormulaNode> arguments = new ArrayList<>();
            if (peek().kind != Kind.CLOSE) {
                arguments.add(or());
                while (peek().kind == Kind.COMMA) {
                    next++;
                    arguments.add(or());
                }
            }
            expect(Kind.CLOSE, "')' or ',' in the arguments of " + token.text + " (opened at column "
                    + columnOf(token.offset) + ")");
            return new FormulaNode.Call(token.text, arguments);
        }
        if (!token.mergeField) {
            switch (token.text.toUpperCase(Locale.ROOT)) {
                case "TRUE":
                    return new FormulaNode.Bool(true);
                case "FALSE":
                    return new FormulaNode.Bool(false);
                case "NULL":
                    return new FormulaNode.Null();
                default:
                    break;
            }
        }
        return new FormulaNode.Field(token.text);
    }

    private boolean acceptOperator(String operator) {
        if (peek().isOperator(operator)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind != kind) {
            throw error(token, "expected " + what + " but found " + token.describe());
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private FormulaSyntaxException error(Token token, String reason) {
        return error(token.offset, reason);
    }

    private FormulaSyntaxException error(int offset, String reason) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new FormulaSyntaxException(line, offset - lineStart + 1, multiLine, reason);
    }

    private int columnOf(int offset) {
        return error(offset, "").column();
    }

    private List<Token> tokenize() {
        List<Token> result = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw error(i, "the comment is not closed with */");
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                i = string(result, i, c);
            } else if (Character.isDigit(c) || c == '.' && i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                int start = i;
                while (i < length && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i < length && text.charAt(i) == '.') {
                    i++;
                    while (i < length && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                result.add(new Token(Kind.NUMBER, text.substring(start, i), start, false));
            } else if (text.startsWith("{!", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw error(i, "the merge field is not closed with }");
                }
                String name = text.substring(i + 2, end).strip();
                if (name.isEmpty()) {
                    throw error(i, "the merge field is empty");
                }
                result.add(new Token(Kind.IDENTIFIER, name, i, true));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < length && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                result.add(new Token(Kind.IDENTIFIER, text.substring(start, i), start, false));
            } else if (c == '(') {
                result.add(new Token(Kind.OPEN, "(", i++, false));
            } else if (c == ')') {
                result.add(new Token(Kind.CLOSE, ")", i++, false));
            } else if (c == ',') {
                result.add(new Token(Kind.COMMA, ",", i++, false));
            } else {
                String operator = operatorAt(i);
                if (operator == null) {
                    throw error(i, "unexpected character '" + c + "'");
                }
                result.add(new Token(Kind.OPERATOR, operator, i, false));
                i += operator.length();
            }
        }
        result.add(new Token(Kind.END, "", length, false));
        return result;
    }

    private int string(List<Token> result, int start, char quote) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                result.add(new Token(Kind.STRING, value.toString(), start, false));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char escaped = text.charAt(i + 1);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw error(start, "the string is not closed with " + quote);
    }

    private String operatorAt(int i) {
        for (String operator : new String[] {"&&", "||", "==", "!=", "<>", "<=", ">="}) {
            if (text.startsWith(operator, i)) {
                return operator;
            }
        }
        char c = text.charAt(i);
        return "!=<>+-*/^&".indexOf(c) >= 0 ? String.valueOf(c) : null;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
    }

    private enum Kind {
        STRING,
        NUMBER,
        IDENTIFIER,
        OPEN,
        CLOSE,
        COMMA,
        OPERATOR,
        END
    }

    private record Token(Kind kind, String text, int offset, boolean mergeField) {
        boolean isOperator(String... candidates) {
            if (kind != Kind.OPERATOR) {
                return false;
            }
            for (String candidate : candidates) {
                if (candidate.equals(text)) {
                    return true;
                }
            }
            return false;
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the formula";
                case STRING -> "a string";
                case NUMBER -> "the number " + text;
                case IDENTIFIER -> "'" + text + "'";
                case OPEN, CLOSE, COMMA, OPERATOR -> "'" + text + "'";
            };
        }
    }
}
