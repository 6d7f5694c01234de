package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * How a show-if condition is evaluated against an answer, the same on the server and (by
 * documentation) in the browser. An answer counts as given when it is present, not null, not
 * blank text and not an empty list.
 */
final class Conditions {

    private Conditions() {
    }

    static boolean isAnswered(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isString()) {
            return !value.stringValue().isBlank();
        }
        if (value.isArray() || value.isObject()) {
            return !value.isEmpty();
        }
        return true;
    }

    /**
     * Whether all conditions hold. {@code valueOf} gives the answer of a referenced item, already
     * null when that item is hidden; {@code itemOf} gives the referenced item's definition.
     */
    static boolean allHold(List<Condition> conditions, Function<String, JsonNode> valueOf,
            Function<String, Item> itemOf) {
        for (Condition c : conditions) {
            if (!holds(c, itemOf.apply(c.item()), valueOf.apply(c.item()))) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(Condition condition, Item target, JsonNode value) {
        boolean answered = isAnswered(value);
        return switch (condition.operator()) {
            case ANSWERED -> answered;
            case NOT_ANSWERED -> !answered;
            case EQUALS -> answered && matches(target, value, condition.value());
            case NOT_EQUALS -> !answered || !matches(target, value, condition.value());
            default -> answered && compares(condition, value);
        };
    }

    private static boolean matches(Item target, JsonNode value, String expected) {
        if (target.type().isMultiSelect()) {
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode element : value) {
                if (element.isString() && element.stringValue().equals(expected)) {
                    return true;
                }
            }
            return false;
        }
        if (target.type() == ItemType.YES_NO) {
            return value.isBoolean() && Boolean.toString(value.booleanValue()).equals(expected);
        }
        if (target.type().isNumeric()) {
            return value.isNumber() && value.decimalValue().compareTo(new BigDecimal(expected)) == 0;
        }
        return value.isString() && value.stringValue().equals(expected);
    }

    private static boolean compares(Condition condition, JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        int c = value.decimalValue().compareTo(new BigDecimal(condition.value()));
        return switch (condition.operator()) {
            case GREATER_THAN -> c > 0;
            case LESS_THAN -> c < 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            default -> throw new IllegalStateException(condition.operator().toString());
        };
    }
}
