package app.carryover.worksheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import app.carryover.worksheets.definition.ConditionRules;

/** Formats one answer for reading: labels for codes, units for numbers, words for yes and no. */
final class AnswerText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private AnswerText() {
    }

    /** The answer as read, or null when there is none (or it is not of the item's type). */
    static WorksheetView.Answer of(Item item, JsonNode value) {
        if (!Conditions.isAnswered(value)) {
            return null;
        }
        switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT, TIME -> {
                return value.isString() ? text(value.stringValue()) : null;
            }
            case DATE -> {
                LocalDate date = value.isString() ? ConditionRules.parseDate(value.stringValue()) : null;
                return date == null ? null : text(DATE.format(date));
            }
            case NUMBER, RATING, DURATION -> {
                return value.isNumber() ? number(item, Item.normal(value.decimalValue())) : null;
            }
            case YES_NO -> {
                return value.isBoolean() ? new WorksheetView.Answer(value.booleanValue() ? "Yes" : "No",
                        value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO, List.of()) : null;
            }
            case SINGLE_CHOICE -> {
                return value.isString() ? choices(item, List.of(value.stringValue())) : null;
            }
            case MULTIPLE_CHOICE, CHECKLIST -> {
                List<String> codes = new ArrayList<>();
                value.forEach(v -> codes.add(v.isString() ? v.stringValue() : v.toString()));
                return choices(item, codes);
            }
            default -> {
                return null;
            }
        }
    }

    private static WorksheetView.Answer text(String text) {
        return new WorksheetView.Answer(text, null, List.of());
    }

    private static WorksheetView.Answer number(Item item, BigDecimal n) {
        String plain = n.toPlainString();
        String text = switch (item.type()) {
            case RATING -> plain + " out of " + item.effectiveMax().toPlainString();
            case DURATION -> minutes(n.intValue());
            default -> item.unit() == null ? plain : plain + " " + item.unit();
        };
        return new WorksheetView.Answer(text, n, List.of());
    }

    private static String minutes(int total) {
        if (total < 60) {
            return total + " min";
        }
        return total / 60 + " h" + (total % 60 == 0 ? "" : " " + total % 60 + " min");
    }

    private static WorksheetView.Answer choices(Item item, List<String> codes) {
        List<String> labels = codes.stream().map(c -> item.option(c).map(ChoiceOption::label).orElse(c)).toList();
        return new WorksheetView.Answer(String.join("; ", labels), null, codes);
    }
}
