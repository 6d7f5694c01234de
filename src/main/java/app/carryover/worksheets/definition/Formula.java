package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;

/**
 * The small formula language of {@link ValueDefinition}: parsed into a tree, checked against the
 * definition's items, evaluated against one entry's answers. Missing answers make a value
 * absent rather than zero, so a chart never shows a number nobody gave.
 */
public final class Formula {

    /** What an expression stands for; only NUMBER may be the result of a whole formula. */
    enum Kind { NUMBER, TIME, COLUMN, ROWS, SELECTION }

    public sealed interface Node permits Literal, Ref, Call, Binary, Negate {
    }

    record Literal(BigDecimal value) implements Node {
    }

    /** An item ({@code child} null) or a column of a group ({@code item.child}). */
    record Ref(String item, String child) implements Node {
    }

    record Call(String function, List<Node> args) implements Node {
    }

    record Binary(char op, Node left, Node right) implements Node {
    }

    record Negate(Node operand) implements Node {
    }

    /** What evaluation needs from an entry; answers to hidden items are already absent. */
    public interface Source {
        Optional<BigDecimal> number(String item);

        Optional<Integer> minuteOfDay(String item);

        List<BigDecimal> column(String group, String child);

        int count(String item);
    }

    private static final MathContext MATH = MathContext.DECIMAL64;

    private Formula() {
    }

    public static Node parse(String text) {
        return new FormulaParser(text).parse();
    }

    /** Every problem with a formula over these items, as sentences; empty when it is sound. */
    static List<String> problems(String text, List<Item> items) {
        Node node;
        try {
            node = parse(text);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Kind kind = kindOf(node, items, problems);
        if (problems.isEmpty() && kind != Kind.NUMBER) {
            problems.add("the formula must give a number, but it gives " + describe(kind)
                    + (kind == Kind.TIME ? "; use minutes_between" : "; use count, sum, avg, min or max"));
        }
        return problems;
    }

    private static Kind kindOf(Node node, List<Item> items, List<String> problems) {
        if (node instanceof Literal) {
            return Kind.NUMBER;
        }
        if (node instanceof Negate n) {
            need(kindOf(n.operand(), items, problems), Kind.NUMBER, "'-'", problems);
            return Kind.NUMBER;
        }
        if (node instanceof Binary b) {
            need(kindOf(b.left(), items, problems), Kind.NUMBER, "'" + b.op() + "'", problems);
            need(kindOf(b.right(), items, problems), Kind.NUMBER, "'" + b.op() + "'", problems);
            return Kind.NUMBER;
        }
        if (node instanceof Ref r) {
            return refKind(r, items, problems);
        }
        return callKind((Call) node, items, problems);
    }

    private static Kind refKind(Ref ref, List<Item> items, List<String> problems) {
        Optional<Item> top = items.stream().filter(i -> i.id().equals(ref.item())).findFirst();
        if (top.isEmpty()) {
            Optional<Item> group = items.stream().filter(i -> i.child(ref.item()).isPresent()).findFirst();
            if (group.isPresent() && ref.child() == null) {
                problems.add("'" + ref.item() + "' is inside group '" + group.get().id() + "'; use "
                        + group.get().id() + "." + ref.item() + " inside sum, avg, min, max or count");
            } else {
                problems.add("unknown item '" + ref.item() + "'");
            }
            return Kind.NUMBER;
        }
        Item item = top.get();
        if (ref.child() != null) {
            if (item.type() != ItemType.GROUP) {
                problems.add("'" + item.id() + "' is not a group, so '" + item.id() + "." + ref.child()
                        + "' means nothing");
                return Kind.COLUMN;
            }
            Optional<Item> child = item.child(ref.child());
            if (child.isEmpty()) {
                problems.add("group '" + item.id() + "' has no item '" + ref.child() + "'");
            } else if (!isNumberLike(child.get().type())) {
                problems.add("'" + item.id() + "." + ref.child() + "' is a " + child.get().type().code()
                        + " item; only numbers, ratings, durations and yes/no items can be calculated with");
            }
            return Kind.COLUMN;
        }
        ItemType type = item.type();
        if (isNumberLike(type)) {
            return Kind.NUMBER;
        }
        if (type == ItemType.TIME) {
            return Kind.TIME;
        }
        if (type == ItemType.GROUP) {
            return Kind.ROWS;
        }
        if (type.isMultiSelect()) {
            return Kind.SELECTION;
        }
        problems.add("'" + item.id() + "' is a " + type.code() + " item; formulas can use numbers, ratings,"
                + " durations, yes/no items, times (in minutes_between), and groups or multi-select items (in count)");
        return Kind.NUMBER;
    }

    private static Kind callKind(Call call, List<Item> items, List<String> problems) {
        List<Kind> kinds = new ArrayList<>();
        for (Node arg : call.args()) {
            kinds.add(kindOf(arg, items, problems));
        }
        String f = call.function();
        switch (f) {
            case "sum", "avg", "min", "max" -> {
                if (kinds.isEmpty()) {
                    problems.add(f + "() needs at least one argument");
                }
                for (Kind k : kinds) {
                    if (k != Kind.NUMBER && k != Kind.COLUMN) {
                        problems.add(f + "() takes numbers or group columns, not " + describe(k));
                    }
                }
                return Kind.NUMBER;
            }
            case "count" -> {
                if (kinds.size() != 1 || kinds.get(0) == Kind.NUMBER || kinds.get(0) == Kind.TIME) {
                    problems.add("count() takes one group, group column or multi-select item");
                }
                return Kind.NUMBER;
            }
            case "minutes_between" -> {
                if (kinds.size() != 2 || kinds.get(0) != Kind.TIME || kinds.get(1) != Kind.TIME) {
                    problems.add("minutes_between() takes two time items");
                }
                return Kind.NUMBER;
            }
            case "coalesce" -> {
                if (kinds.size() < 2) {
                    problems.add("coalesce() needs at least two arguments");
                    return Kind.NUMBER;
                }
                Kind first = kinds.get(0);
                if ((first != Kind.NUMBER && first != Kind.TIME) || kinds.stream().anyMatch(k -> k != first)) {
                    problems.add("coalesce() takes all numbers or all times");
                }
                return first;
            }
            default -> {
                problems.add("unknown function '" + f + "'; use sum, avg, min, max, count, minutes_between"
                        + " or coalesce");
                return Kind.NUMBER;
            }
        }
    }

    private static void need(Kind actual, Kind wanted, String where, List<String> problems) {
        if (actual != wanted) {
            problems.add(where + " needs numbers, not " + describe(actual)
                    + (actual == Kind.TIME ? "; use minutes_between" : ""));
        }
    }

    private static boolean isNumberLike(ItemType type) {
        return type.isNumeric() || type == ItemType.YES_NO;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case NUMBER -> "a number";
            case TIME -> "a time of day";
            case COLUMN -> "a group column";
            case ROWS -> "a group";
            case SELECTION -> "a multi-select item";
        };
    }

    // ---- evaluation ----

    public static Optional<BigDecimal> evaluate(Node node, Source source) {
        if (node instanceof Literal l) {
            return Optional.of(l.value());
        }
        if (node instanceof Negate n) {
            return evaluate(n.operand(), source).map(BigDecimal::negate);
        }
        if (node instanceof Binary b) {
            Optional<BigDecimal> left = evaluate(b.left(), source);
            Optional<BigDecimal> right = evaluate(b.right(), source);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            return arithmetic(b.op(), left.get(), right.get());
        }
        if (node instanceof Ref r) {
            return source.number(r.item());
        }
        return call((Call) node, source);
    }

    private static Optional<BigDecimal> arithmetic(char op, BigDecimal a, BigDecimal b) {
        return switch (op) {
            case '+' -> Optional.of(a.add(b, MATH));
            case '-' -> Optional.of(a.subtract(b, MATH));
            case '*' -> Optional.of(a.multiply(b, MATH));
            case '/' -> b.signum() == 0 ? Optional.empty() : Optional.of(a.divide(b, MATH));
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    private static Optional<BigDecimal> call(Call call, Source source) {
        switch (call.function()) {
            case "count" -> {
                Ref ref = (Ref) call.args().get(0);
                int n = ref.child() == null ? source.count(ref.item()) : source.column(ref.item(), ref.child()).size();
                return Optional.of(BigDecimal.valueOf(n));
            }
            case "minutes_between" -> {
                Optional<Integer> from = minuteOfDay(call.args().get(0), source);
                Optional<Integer> to = minuteOfDay(call.args().get(1), source);
                if (from.isEmpty() || to.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(BigDecimal.valueOf(Math.floorMod(to.get() - from.get(), 24 * 60)));
            }
            case "coalesce" -> {
                for (Node arg : call.args()) {
                    Optional<BigDecimal> v = evaluate(arg, source);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                return Optional.empty();
            }
            default -> {
                return aggregate(call, source);
            }
        }
    }

    private static Optional<Integer> minuteOfDay(Node node, Source source) {
        if (node instanceof Ref r) {
            return source.minuteOfDay(r.item());
        }
        for (Node arg : ((Call) node).args()) { // coalesce of times
            Optional<Integer> v = minuteOfDay(arg, source);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> aggregate(Call call, Source source) {
        List<BigDecimal> values = new ArrayList<>();
        for (Node arg : call.args()) {
            if (arg instanceof Ref r && r.child() != null) {
                values.addAll(source.column(r.item(), r.child()));
            } else {
                evaluate(arg, source).ifPresent(values::add);
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MATH));
        return Optional.of(switch (call.function()) {
            case "sum" -> sum;
            case "avg" -> sum.divide(BigDecimal.valueOf(values.size()), MATH);
            case "min" -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case "max" -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            default -> throw new IllegalStateException("function " + call.function());
        });
    }
}
