package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import app.carryover.worksheets.definition.DefinitionRules;

/** The checks on numeric answers (numbers, ratings and durations) and their messages. */
final class AnswerNumbers {

    private AnswerNumbers() {
    }

    static JsonNode check(Item item, String path, JsonNode value, List<FieldError> errors) {
        ItemType type = item.type();
        if (!value.isNumber()) {
            return fail(errors, path, FieldError.Reason.WRONG_TYPE, typeMessage(item));
        }
        BigDecimal v = Item.normal(value.decimalValue());
        boolean whole = DefinitionRules.isWhole(v);
        if (type != ItemType.NUMBER && !whole) {
            return fail(errors, path, FieldError.Reason.WRONG_TYPE, typeMessage(item));
        }
        if (v.abs().compareTo(BigDecimal.valueOf(Limits.NUMBER_MAGNITUDE)) > 0) {
            return fail(errors, path, FieldError.Reason.OUT_OF_RANGE, rangeMessage(item));
        }
        if (v.scale() > Limits.NUMBER_DECIMALS) {
            return fail(errors, path, FieldError.Reason.STEP, "Use at most " + Limits.NUMBER_DECIMALS
                    + " decimal places.");
        }
        BigDecimal min = item.effectiveMin();
        BigDecimal max = item.effectiveMax();
        if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
            return fail(errors, path, FieldError.Reason.OUT_OF_RANGE, rangeMessage(item));
        }
        BigDecimal step = item.effectiveStep();
        if (step != null) {
            BigDecimal base = min == null ? BigDecimal.ZERO : min;
            if (v.subtract(base).remainder(step).signum() != 0) {
                return fail(errors, path, FieldError.Reason.STEP, stepMessage(item, base, step));
            }
        }
        return whole && v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? JsonNodeFactory.instance.numberNode(v.longValueExact())
                : JsonNodeFactory.instance.numberNode(v);
    }

    private static String typeMessage(Item item) {
        return switch (item.type()) {
            case RATING -> "Choose a whole number from 0 to " + plain(item.effectiveMax()) + ".";
            case DURATION -> "Enter a whole number of minutes.";
            default -> "Enter a number.";
        };
    }

    private static String rangeMessage(Item item) {
        BigDecimal min = item.effectiveMin();
        BigDecimal max = item.effectiveMax();
        String what = item.type() == ItemType.DURATION ? " minutes" : "";
        if (min != null && max != null) {
            return item.type() == ItemType.DURATION
                    ? "Enter from " + plain(min) + " to " + plain(max) + " minutes."
                    : "Enter a number from " + plain(min) + " to " + plain(max) + ".";
        }
        if (min != null) {
            return "Enter at least " + plain(min) + what + ".";
        }
        if (max != null) {
            return "Enter at most " + plain(max) + what + ".";
        }
        return "Enter a number between -" + Limits.NUMBER_MAGNITUDE + " and " + Limits.NUMBER_MAGNITUDE + ".";
    }

    private static String stepMessage(Item item, BigDecimal base, BigDecimal step) {
        if (item.type() == ItemType.RATING) {
            return "Choose a multiple of " + plain(step) + " from 0 to " + plain(item.effectiveMax()) + ".";
        }
        String unit = item.type() == ItemType.DURATION ? " minutes" : "";
        return "Use steps of " + plain(step) + unit + " (for example " + plain(base) + ", " + plain(base.add(step))
                + ", " + plain(base.add(step).add(step)) + ").";
    }

    private static JsonNode fail(List<FieldError> errors, String path, FieldError.Reason reason, String message) {
        errors.add(new FieldError(path, reason, message));
        return null;
    }

    private static String plain(BigDecimal value) {
        return DefinitionRules.plain(value);
    }
}
