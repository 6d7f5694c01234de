package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds random valid definitions from {@link Choices}: every item type, ranges and steps,
 * options, repeating groups, show-if conditions on items above, and formulas.
 */
final class GeneratedDefinitions {

    private static final List<ItemType> LEAF_TYPES = List.of(ItemType.SHORT_TEXT, ItemType.LONG_TEXT, ItemType.NUMBER,
            ItemType.RATING, ItemType.SINGLE_CHOICE, ItemType.MULTIPLE_CHOICE, ItemType.CHECKLIST, ItemType.DATE,
            ItemType.TIME, ItemType.DURATION, ItemType.YES_NO);
    private static final List<String> STEPS = List.of("1", "0.5", "0.25", "2", "5", "0.1");

    private final Choices c;

    private GeneratedDefinitions(Choices choices) {
        this.c = choices;
    }

    static WorksheetDefinition generate(Choices choices) {
        return new GeneratedDefinitions(choices).definition();
    }

    private WorksheetDefinition definition() {
        int count = 1 + c.below(8);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "i" + i;
            ItemType type = c.chance(20) ? ItemType.GROUP : c.pick(LEAF_TYPES);
            Item.Builder b = Item.builder(id, type, "Question " + id + " " + "words ".repeat(c.below(4)).trim());
            if (type == ItemType.GROUP) {
                group(b, id, items);
            } else {
                leaf(b, type);
            }
            if (c.chance(40)) {
                b.required();
            }
            if (c.chance(20)) {
                b.help("Help for " + id);
            }
            conditions(b, items, List.of());
            items.add(b.build());
        }
        return new WorksheetDefinition("generated-sheet", 1 + c.below(3), "Generated sheet "
                + c.below(1000), WorksheetCategory.OTHER, "Generated for properties.", "Fill in what applies.",
                c.chance(50) ? "For clinicians." : null, SuggestedDose.perDay(1 + c.below(3)), items, values(items));
    }

    private void group(Item.Builder b, String id, List<Item> earlier) {
        Integer min = c.chance(40) ? c.below(3) : null;
        Integer max = c.chance(60) ? Math.max(Math.max(1, min == null ? 0 : min), 1 + c.below(5)) : null;
        b.minItems(min).maxItems(max);
        List<Item> children = new ArrayList<>();
        int count = 1 + c.below(4);
        for (int j = 0; j < count; j++) {
            ItemType type = c.pick(LEAF_TYPES);
            Item.Builder child = Item.builder(id + "_c" + j, type, "Part " + j + " of " + id);
            leaf(child, type);
            if (c.chance(35)) {
                child.required();
            }
            if (j > 0) {
                // the first child stays unconditional, so a generated row always has a shown answer
                conditions(child, earlier, children);
            }
            children.add(child.build());
        }
        children.forEach(b::child);
    }

    private void leaf(Item.Builder b, ItemType type) {
        switch (type) {
            case SHORT_TEXT -> b.maxLength(c.chance(50) ? 1 + c.below(Limits.SHORT_TEXT_CAP) : null);
            case LONG_TEXT -> b.maxLength(c.chance(50) ? 1 + c.below(3000) : null);
            case NUMBER -> number(b);
            case RATING -> {
                int max = c.chance(50) ? 100 : 10;
                List<Integer> steps = max == 10 ? List.of(1, 2, 5, 10) : List.of(1, 5, 10, 20, 25, 50);
                if (c.chance(40)) {
                    b.step(c.pick(steps));
                }
                b.max(max).anchors(new Anchors("Low end", c.chance(50) ? "Middle" : null, "High end"));
            }
            case DURATION -> {
                Integer min = c.chance(40) ? c.below(30) : null;
                if (min != null) {
                    b.min(min);
                }
                if (c.chance(50)) {
                    b.max((min == null ? 0 : min) + 1 + c.below(600));
                }
                if (c.chance(30)) {
                    b.step(c.pick(List.of(1, 5, 15)));
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                int options = (type == ItemType.SINGLE_CHOICE ? 2 : 1) + c.below(5);
                for (int k = 0; k < options; k++) {
                    b.option("o" + k, "Option " + k);
                }
            }
            default -> {
                // date, time, yes/no
            }
        }
    }

    private void number(Item.Builder b) {
        BigDecimal min = c.chance(50) ? BigDecimal.valueOf(c.between(-200, 200), c.below(3)) : null;
        BigDecimal max = c.chance(50) ? (min == null ? BigDecimal.valueOf(c.between(-200, 200))
                : min.add(BigDecimal.valueOf(c.below(500), c.below(2)))) : null;
        b.min(min).max(max);
        if (c.chance(50)) {
            b.step(new BigDecimal(c.pick(STEPS)));
        }
        if (c.chance(30)) {
            b.unit("kg");
        }
    }

    /** Up to two conditions on items above: top-level ones, or earlier siblings in the same group. */
    private void conditions(Item.Builder b, List<Item> topLevel, List<Item> siblings) {
        List<Item> targets = new ArrayList<>(siblings);
        topLevel.stream().filter(i -> i.type() != ItemType.GROUP).forEach(targets::add);
        if (targets.isEmpty()) {
            return;
        }
        int n = c.chance(30) ? 1 + c.below(2) : 0;
        for (int k = 0; k < n; k++) {
            b.showIf(condition(c.pick(targets)));
        }
    }

    private Condition condition(Item target) {
        ItemType t = target.type();
        int kind = c.below(4);
        if (t.isText() || kind == 0) {
            return new Condition(target.id(), c.chance(50) ? Condition.Operator.NOT_ANSWERED
                    : Condition.Operator.ANSWERED, null);
        }
        Condition.Operator equality = c.chance(30) ? Condition.Operator.NOT_EQUALS : Condition.Operator.EQUALS;
        return switch (t) {
            case YES_NO -> new Condition(target.id(), equality, Boolean.toString(c.chance(50)));
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> new Condition(target.id(), equality,
                    c.pick(target.options()).code());
            case DATE -> new Condition(target.id(), equality, "2025-0" + (1 + c.below(9)) + "-1" + c.below(10));
            case TIME -> new Condition(target.id(), equality, "1" + c.below(10) + ":" + c.below(6) + "0");
            default -> new Condition(target.id(), c.pick(List.of(Condition.Operator.EQUALS,
                    Condition.Operator.NOT_EQUALS, Condition.Operator.GREATER_THAN, Condition.Operator.LESS_THAN,
                    Condition.Operator.AT_LEAST, Condition.Operator.AT_MOST)), Integer.toString(c.below(12)));
        };
    }

    private List<ValueDefinition> values(List<Item> items) {
        List<ValueDefinition> values = new ArrayList<>();
        for (Item item : items) {
            if (values.size() >= 6) {
                break;
            }
            String formula = null;
            if (item.type().isNumeric() || item.type() == ItemType.YES_NO) {
                formula = c.chance(50) ? item.id() : item.id() + " * 2 - 1";
            } else if (item.type() == ItemType.GROUP) {
                formula = item.items().stream().filter(ch -> ch.type().isNumeric()).findFirst()
                        .map(ch -> c.pick(List.of("sum", "avg", "min", "max")) + "(" + item.id() + "." + ch.id() + ")")
                        .orElse("count(" + item.id() + ")");
            } else if (item.type().isMultiSelect()) {
                formula = "count(" + item.id() + ")";
            }
            if (formula != null && c.chance(60)) {
                values.add(ValueDefinition.of("v_" + item.id(), "Value of " + item.id(), "u", formula));
            }
        }
        return values;
    }
}
