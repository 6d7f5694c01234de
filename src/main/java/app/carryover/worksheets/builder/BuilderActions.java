package app.carryover.worksheets.builder;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.carryover.worksheets.Condition;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;
import app.carryover.worksheets.builder.BuilderDraft.DraftCondition;
import app.carryover.worksheets.builder.BuilderDraft.DraftItem;
import app.carryover.worksheets.builder.BuilderDraft.DraftOption;
import app.carryover.worksheets.builder.BuilderDraft.DraftValue;

/**
 * The builder's buttons, each a server round trip: add, remove and move questions, a group's parts,
 * options, conditions and values. An action names what it acts on by its path
 * ({@code remove:items[2].options[1]}, {@code up:items[0].items[1]}); an unknown or stale action does
 * nothing. Lists stop growing at the format's caps. {@code track:items[n]} keeps a numeric question's
 * answer as a number for charts (a part of a group: its average over the entry's rows), so the common
 * case needs no formula typed.
 */
final class BuilderActions {

    private static final Pattern TARGET = Pattern.compile(
            "(add-child|add-option|add-condition|remove|up|down|track):items\\[(\\d{1,2})](?:\\.items\\[(\\d{1,2})])?"
                    + "(?:\\.(options|showIf)\\[(\\d{1,2})])?");
    private static final Pattern VALUE = Pattern.compile("remove:values\\[(\\d{1,2})]");

    private BuilderActions() {
    }

    /** Applies an action to the draft (in place); answers the id of the field to focus next, or null. */
    static String apply(BuilderDraft draft, String action) {
        if (action == null) {
            return null;
        }
        List<DraftItem> items = draft.items();
        if (action.equals("add-item")) {
            return add(items, DraftItem.blank(ItemType.SHORT_TEXT.code()), Limits.TOP_LEVEL_ITEMS)
                    ? BuilderView.anchor("items[" + (items.size() - 1) + "].label") : null;
        }
        if (action.equals("add-value")) {
            return add(draft.values(), new DraftValue("", "", "", ""), Limits.VALUES)
                    ? BuilderView.anchor("values[" + (draft.values().size() - 1) + "].key") : null;
        }
        Matcher value = VALUE.matcher(action);
        if (value.matches()) {
            remove(draft.values(), Integer.parseInt(value.group(1)));
            return null;
        }
        Matcher m = TARGET.matcher(action);
        if (!m.matches()) {
            return null;
        }
        int top = Integer.parseInt(m.group(2));
        if (top >= items.size()) {
            return null;
        }
        Integer child = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (child != null && child >= items.get(top).items().size()) {
            return null;
        }
        List<DraftItem> siblings = child == null ? items : items.get(top).items();
        int index = child == null ? top : child;
        DraftItem item = siblings.get(index);
        String path = "items[" + top + "]" + (child == null ? "" : ".items[" + child + "]");
        String verb = m.group(1);
        if (m.group(4) != null) {
            if (verb.equals("remove")) {
                remove(m.group(4).equals("options") ? item.options() : item.showIf(), Integer.parseInt(m.group(5)));
            }
            return null;
        }
        switch (verb) {
            case "add-child" -> {
                if (child == null && item.itemType() == ItemType.GROUP
                        && add(item.items(), DraftItem.blank(ItemType.SHORT_TEXT.code()), Limits.GROUP_CHILDREN)) {
                    return BuilderView.anchor(path + ".items[" + (item.items().size() - 1) + "].label");
                }
                return null;
            }
            case "add-option" -> {
                return add(item.options(), new DraftOption("", ""), Limits.OPTIONS)
                        ? BuilderView.anchor(path + ".options[" + (item.options().size() - 1) + "].label") : null;
            }
            case "add-condition" -> {
                return add(item.showIf(), new DraftCondition("", Condition.Operator.EQUALS.code(), ""),
                        Limits.CONDITIONS_PER_ITEM)
                        ? BuilderView.anchor(path + ".showIf[" + (item.showIf().size() - 1) + "].item") : null;
            }
            case "remove" -> {
                siblings.remove(index);
                return null;
            }
            case "track" -> {
                return track(draft, child == null ? null : items.get(top), item);
            }
            case "up", "down" -> {
                int to = verb.equals("up") ? index - 1 : index + 1;
                if (to < 0 || to >= siblings.size()) {
                    return null;
                }
                Collections.swap(siblings, index, to);
                String moved = "items[" + (child == null ? to : top) + "]" + (child == null ? "" : ".items[" + to + "]");
                return BuilderView.anchor(moved + "." + verb);
            }
            default -> {
                return null;
            }
        }
    }

    /** A value for a numeric question's answer (or a group part's average), named after the question. */
    private static String track(BuilderDraft draft, DraftItem group, DraftItem item) {
        ItemType type = item.itemType();
        if (!type.isNumeric() || item.id().isEmpty() || group != null && group.id().isEmpty()) {
            return null;
        }
        String formula = group == null ? item.id() : "avg(" + group.id() + "." + item.id() + ")";
        if (draft.values().stream().anyMatch(v -> v.formula().replace(" ", "").equals(formula))) {
            return null;
        }
        Set<String> keys = draft.values().stream().map(DraftValue::key).collect(Collectors.toSet());
        String base = group == null ? item.id() : cut("avg_" + item.id());
        String key = base;
        for (int n = 2; keys.contains(key); n++) {
            key = cut(base.substring(0, Math.min(base.length(), 36)) + "_" + n);
        }
        String label = group == null ? item.label().strip() : "Average: " + item.label().strip();
        String unit = switch (type) {
            case RATING -> "0-" + ("100".equals(item.max()) ? "100" : "10");
            case DURATION -> "min";
            default -> item.unit().strip();
        };
        if (!add(draft.values(), new DraftValue(key, cut(label, 200), unit, formula), Limits.VALUES)) {
            return null;
        }
        return BuilderView.anchor("values[" + (draft.values().size() - 1) + "].label");
    }

    private static String cut(String id) {
        return cut(id, 40);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static <T> boolean add(List<T> list, T element, int cap) {
        if (list.size() >= cap) {
            return false;
        }
        list.add(element);
        return true;
    }

    private static void remove(List<?> list, int index) {
        if (index < list.size()) {
            list.remove(index);
        }
    }
}
