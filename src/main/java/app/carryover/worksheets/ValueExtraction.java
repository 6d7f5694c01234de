package app.carryover.worksheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import app.carryover.worksheets.definition.ConditionRules;
import app.carryover.worksheets.definition.Formula;

/**
 * Takes the numbers an entry yields (peak distress, mood, sleep efficiency…) as its definition
 * declares them, so they can be stored beside the entry and queried without reading answers again.
 * A value whose inputs were not answered, or that divides by zero, is left out rather than stored
 * as zero. Values are rounded to two decimal places.
 */
public final class ValueExtraction {

    private ValueExtraction() {
    }

    /** The values of one entry; pass the answers {@link AnswerCheck#accepted()} returned. */
    public static List<ExtractedValue> extract(WorksheetDefinition definition, Answers answers) {
        Formula.Source source = new AnswerSource(definition, answers, Visibility.of(definition, answers));
        List<ExtractedValue> out = new ArrayList<>();
        for (ValueDefinition value : definition.values()) {
            Formula.evaluate(Formula.parse(value.formula()), source).ifPresent(v -> out.add(
                    new ExtractedValue(value.key(), Item.normal(v.setScale(2, RoundingMode.HALF_UP)),
                            value.unit() == null ? "" : value.unit())));
        }
        return out;
    }

    /** The answers as a formula sees them: hidden items and wrong types are simply absent. */
    private record AnswerSource(WorksheetDefinition definition, Answers answers, Visibility visibility)
            implements Formula.Source {

        @Override
        public Optional<BigDecimal> number(String item) {
            return visibility.isShown(item) ? numberOf(answers.node().get(item)) : Optional.empty();
        }

        @Override
        public Optional<Integer> minuteOfDay(String item) {
            JsonNode v = visibility.isShown(item) ? answers.node().get(item) : null;
            if (v == null || !v.isString() || ConditionRules.parseTime(v.stringValue()) == null) {
                return Optional.empty();
            }
            var time = ConditionRules.parseTime(v.stringValue());
            return Optional.of(time.getHour() * 60 + time.getMinute());
        }

        @Override
        public List<BigDecimal> column(String group, String child) {
            List<BigDecimal> column = new ArrayList<>();
            JsonNode rows = visibility.isShown(group) ? answers.node().get(group) : null;
            if (rows == null || !rows.isArray()) {
                return column;
            }
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                if (row != null && row.isObject() && visibility.isShown(group, r, child)) {
                    numberOf(row.get(child)).ifPresent(column::add);
                }
            }
            return column;
        }

        @Override
        public int count(String item) {
            JsonNode v = visibility.isShown(item) ? answers.node().get(item) : null;
            if (v == null || !v.isArray()) {
                return 0;
            }
            Item definitionItem = definition.item(item).orElseThrow();
            int n = 0;
            for (int r = 0; r < v.size(); r++) {
                JsonNode element = v.get(r);
                boolean counts = definitionItem.type() == ItemType.GROUP
                        ? element.isObject() && AnswerValidator.hasShownAnswer(definitionItem, r, element, visibility)
                        : element.isString();
                if (counts) {
                    n++;
                }
            }
            return n;
        }

        private static Optional<BigDecimal> numberOf(JsonNode v) {
            if (v == null) {
                return Optional.empty();
            }
            if (v.isNumber()) {
                return Optional.of(v.decimalValue());
            }
            if (v.isBoolean()) {
                return Optional.of(v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO);
            }
            return Optional.empty();
        }
    }
}
