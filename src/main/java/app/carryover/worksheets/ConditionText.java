package app.carryover.worksheets;

import java.util.ArrayList;
import java.util.List;

import app.carryover.worksheets.definition.ConditionRules;

/** Show-if conditions in words, for paper copies where nothing can hide itself. */
public final class ConditionText {

    private static final int LABEL_CUT = 60;

    private ConditionText() {
    }

    /** "Answer this if 'Did you …?' is Yes and …", or null for an item without conditions. */
    public static String of(Item item, WorksheetDefinition definition) {
        if (item.showIf().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Condition c : item.showIf()) {
            Item target = ConditionRules.index(definition.items()).get(c.item()).item();
            parts.add("'" + cut(target.label()) + "' " + phrase(c, target));
        }
        return "Answer this if " + String.join(" and ", parts) + ".";
    }

    private static String phrase(Condition c, Item target) {
        return switch (c.operator()) {
            case ANSWERED -> "is answered";
            case NOT_ANSWERED -> "is left empty";
            case EQUALS -> (target.type().isMultiSelect() ? "includes " : "is ") + valueWords(c.value(), target);
            case NOT_EQUALS -> (target.type().isMultiSelect() ? "does not include " : "is not ")
                    + valueWords(c.value(), target);
            case GREATER_THAN -> "is more than " + c.value();
            case LESS_THAN -> "is less than " + c.value();
            case AT_LEAST -> "is " + c.value() + " or more";
            case AT_MOST -> "is " + c.value() + " or less";
        };
    }

    private static String valueWords(String value, Item target) {
        if (target.type() == ItemType.YES_NO) {
            return "true".equals(value) ? "Yes" : "No";
        }
        if (target.type().hasOptions()) {
            return target.option(value).map(o -> "'" + cut(o.label()) + "'").orElse(value);
        }
        return value;
    }

    private static String cut(String label) {
        return label.length() <= LABEL_CUT ? label : label.substring(0, LABEL_CUT - 1).stripTrailing() + "…";
    }
}
