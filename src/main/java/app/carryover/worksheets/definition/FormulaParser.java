package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for formulas:
 * <pre>
 * expr   = term (('+' | '-') term)*
 * term   = factor (('*' | '/') factor)*
 * factor = '-' factor | number | name ('.' name)? | name '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 * Errors are {@link IllegalArgumentException}s that say where, counting characters from 1.
 */
public final class FormulaParser {

    private static final int MAX_DEPTH = 20;

    private final String text;
    private int pos;
    private int depth;

    FormulaParser(String text) {
        this.text = text;
    }

    Formula.Node parse() {
        Formula.Node node = expr();
        skipSpaces();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return node;
    }

    private Formula.Node expr() {
        if (++depth > MAX_DEPTH) {
            throw error("the formula is nested too deeply");
        }
        Formula.Node node = term();
        while (peek('+') || peek('-')) {
            char op = text.charAt(pos++);
            node = new Formula.Binary(op, node, term());
        }
        depth--;
        return node;
    }

    private Formula.Node term() {
        Formula.Node node = factor();
        while (peek('*') || peek('/')) {
            char op = text.charAt(pos++);
            node = new Formula.Binary(op, node, factor());
        }
        return node;
    }

    private Formula.Node factor() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("the formula ends too early");
        }
        char c = text.charAt(pos);
        if (c == '-') {
            pos++;
            if (++depth > MAX_DEPTH) {
                throw error("the formula is nested too deeply");
            }
            Formula.Node operand = factor();
            depth--;
            return new Formula.Negate(operand);
        }
        if (c == '(') {
            pos++;
            Formula.Node inner = expr();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (c >= 'a' && c <= 'z') {
            return nameOrCall();
        }
        throw error("unexpected '" + c + "'");
    }

    private Formula.Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (!digits.matches("\\d+(\\.\\d+)?")) {
            throw error("'" + digits + "' is not a number");
        }
        return new Formula.Literal(new BigDecimal(digits));
    }

    private Formula.Node nameOrCall() {
        String name = name();
        skipSpaces();
        if (peek('(')) {
            pos++;
            List<Formula.Node> args = new ArrayList<>();
            skipSpaces();
            if (!peek(')')) {
                args.add(expr());
                while (peek(',')) {
                    pos++;
                    args.add(expr());
                }
            }
            expect(')');
            return new Formula.Call(name, args);
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            return new Formula.Ref(name, name());
        }
        return new Formula.Ref(name, null);
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at character " + (pos + 1));
    }
}
