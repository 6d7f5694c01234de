package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.carryover.worksheets.Condition;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;

/**
 * The rules for show-if conditions: each refers to an item above it (in the same group, or
 * outside any group), compares in a way that item's answers allow, and no set of conditions
 * depends on itself.
 */
public final class ConditionRules {

    /** Where an item sits: its path, its group (null at the top level) and its position. */
    public record Location(Item item, String path, String group, int topIndex, int indexInGroup) {
    }

    private ConditionRules() {
    }

    public static Map<String, Location> index(List<Item> items) {
        Map<String, Location> where = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            where.put(item.id(), new Location(item, "items[" + i + "]", null, i, -1));
            for (int j = 0; j < item.items().size(); j++) {
                Item child = item.items().get(j);
                where.put(child.id(), new Location(child, "items[" + i + "].items[" + j + "]", item.id(), i, j));
            }
        }
        return where;
    }

    static void check(List<Item> items, Problems p) {
        Map<String, Location> where = index(items);
        Set<String> cycleEdges = reportCycles(where, p);
        for (Location owner : where.values()) {
            List<Condition> conditions = owner.item().showIf();
            for (int k = 0; k < conditions.size(); k++) {
                String path = owner.path() + ".showIf[" + k + "]";
                Condition condition = conditions.get(k);
                if (condition == null) {
                    p.add(path, "is empty");
                } else {
                    checkCondition(owner, condition, path, where, cycleEdges, p);
                }
            }
        }
    }

    private static void checkCondition(Location owner, Condition condition, String path, Map<String, Location> where,
            Set<String> cycleEdges, Problems p) {
        String ref = condition.item();
        if (ref == null || ref.isBlank()) {
            p.add(path + ".item", "is required");
            return;
        }
        if (ref.equals(owner.item().id())) {
            p.add(path + ".item", "a condition cannot refer to its own item '" + ref + "'");
            return;
        }
        Location target = where.get(ref);
        if (target == null) {
            p.add(path + ".item", "refers to unknown item '" + ref + "'");
            return;
        }
        if (target.item().type() == ItemType.GROUP) {
            p.add(path + ".item", "refers to group '" + ref + "'; a condition can only depend on a question");
            return;
        }
        if (target.group() != null && !target.group().equals(owner.group())) {
            p.add(path + ".item", "refers to '" + ref + "', which is inside group '" + target.group()
                    + "'; only items in the same group can depend on it");
            return;
        }
        if (!cycleEdges.contains(owner.item().id() + ">" + ref) && !isAbove(target, owner)) {
            p.add(path + ".item", "refers to '" + ref + "', which comes after it; a condition can only depend on"
                    + " items above it");
        }
        if (condition.operator() == null) {
            p.add(path + ".operator", "is required; one of " + Condition.Operator.allCodes());
            return;
        }
        checkOperatorAndValue(target.item(), condition, path, p);
    }

    private static boolean isAbove(Location target, Location owner) {
        if (target.group() == null && owner.group() == null) {
            return target.topIndex() < owner.topIndex();
        }
        if (target.group() == null) {
            return target.topIndex() < owner.topIndex();
        }
        return target.indexInGroup() < owner.indexInGroup();
    }

    private static void checkOperatorAndValue(Item target, Condition condition, String path, Problems p) {
        Condition.Operator op = condition.operator();
        String value = condition.value();
        if (!op.needsValue()) {
            if (value != null) {
                p.add(path + ".value", "'" + op.code() + "' takes no value");
            }
            return;
        }
        if (value == null) {
            p.add(path + ".value", "'" + op.code() + "' needs a value to compare with");
            return;
        }
        ItemType type = target.type();
        String name = "'" + target.id() + "' (" + type.code() + ")";
        if (op.isOrdering() && !type.isNumeric()) {
            p.add(path + ".operator", "'" + op.code() + "' compares numbers, but " + name + " is not a number");
            return;
        }
        switch (type) {
            case SHORT_TEXT, LONG_TEXT -> p.add(path + ".operator", "text answers can only be tested with answered"
                    + " or not_answered, not '" + op.code() + "'");
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                if (target.option(value).isEmpty()) {
                    p.add(path + ".value", "'" + value + "' is not an option code of " + name);
                }
            }
            case YES_NO -> {
                if (!"true".equals(value) && !"false".equals(value)) {
                    p.add(path + ".value", "must be true or false for " + name);
                }
            }
            case NUMBER, RATING, DURATION -> {
                if (parseDecimal(value) == null) {
                    p.add(path + ".value", "'" + value + "' is not a number");
                }
            }
            case DATE -> {
                if (parseDate(value) == null) {
                    p.add(path + ".value", "'" + value + "' is not a date (YYYY-MM-DD)");
                }
            }
            case TIME -> {
                if (parseTime(value) == null) {
                    p.add(path + ".value", "'" + value + "' is not a time (HH:MM)");
                }
            }
            default -> p.add(path + ".item", "cannot compare " + name);
        }
    }

    /**
     * Reports each cycle once, at the first item in it; returns the edges ({@code owner>target})
     * that lie on a cycle, so they are not reported again as references to later items.
     */
    private static Set<String> reportCycles(Map<String, Location> where, Problems p) {
        Map<String, List<String>> edges = new HashMap<>();
        for (Location loc : where.values()) {
            List<String> targets = new ArrayList<>();
            for (Condition c : loc.item().showIf()) {
                if (c != null && c.item() != null && where.containsKey(c.item())) {
                    targets.add(c.item());
                }
            }
            edges.put(loc.item().id(), targets);
        }
        Set<String> done = new HashSet<>();
        Set<String> cycleEdges = new HashSet<>();
        for (String start : where.keySet()) {
            visit(start, new ArrayList<>(), edges, done, cycleEdges, where, p);
        }
        return cycleEdges;
    }

    private static void visit(String node, List<String> stack, Map<String, List<String>> edges, Set<String> done,
            Set<String> cycleEdges, Map<String, Location> where, Problems p) {
        if (done.contains(node)) {
            return;
        }
        int at = stack.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(node);
            for (int i = 0; i + 1 < cycle.size(); i++) {
                cycleEdges.add(cycle.get(i) + ">" + cycle.get(i + 1));
            }
            if (cycle.size() > 2 || !cycle.get(0).equals(cycle.get(1))) {
                p.add(where.get(node).path() + ".showIf", "conditions form a cycle: " + String.join(" -> ", cycle));
            }
            return;
        }
        stack.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            visit(next, stack, edges, done, cycleEdges, where, p);
        }
        stack.remove(stack.size() - 1);
        done.add(node);
    }

    static BigDecimal parseDecimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static LocalDate parseDate(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalTime parseTime(String value) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
