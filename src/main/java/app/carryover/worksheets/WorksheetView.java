package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A worksheet ready to show: each item with its number, whether it is shown, its condition in
 * words, and (when filled) its answer formatted for reading; groups with their rows; the
 * extracted values with their labels. The printable PDF is drawn from this, and a page that shows
 * an entry can be too, so both say the same thing.
 *
 * @param filled whether this view carries answers; a blank view shows every item
 */
public record WorksheetView(WorksheetDefinition definition, boolean filled, List<Field> fields, List<Value> values) {

    public WorksheetView {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
    }

    /**
     * One item as shown.
     *
     * @param number    "1", "2", … for top-level items; "2.1", "2.2" for a group's children
     * @param shown     false when a show-if condition hides it for these answers (blank: always true)
     * @param condition when the item has show-if conditions, them in words ("Answer this if …"), else null
     * @param answer    null when unanswered (and always in a blank view)
     * @param rows      a group's rows; empty for other items and for blank views
     */
    public record Field(Item item, String path, String number, boolean shown, String condition, Answer answer,
            List<Row> rows) {

        public Field {
            rows = List.copyOf(rows);
        }
    }

    /** One row of a group, with its children as fields. */
    public record Row(int index, List<Field> fields) {

        public Row {
            fields = List.copyOf(fields);
        }
    }

    /**
     * An answer as read: {@code text} formatted for people ("Yes", "25 min", option labels);
     * {@code number} for numeric and yes/no items (else null); {@code codes} the chosen option codes
     * for choice items (else empty).
     */
    public record Answer(String text, BigDecimal number, List<String> codes) {

        public Answer {
            codes = List.copyOf(codes);
        }
    }

    /** An extracted value with its label, for showing under a filled entry. */
    public record Value(String key, String label, BigDecimal value, String unit) {
    }

    /** The worksheet with nothing filled in: every item shown, as for printing a blank copy. */
    public static WorksheetView blank(WorksheetDefinition definition) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < definition.items().size(); i++) {
            Item item = definition.items().get(i);
            fields.add(new Field(item, item.id(), String.valueOf(i + 1), true, ConditionText.of(item, definition),
                    null, List.of()));
        }
        return new WorksheetView(definition, false, fields, List.of());
    }

    /** The worksheet with an entry's answers; pass answers that {@link AnswerValidation} accepted. */
    public static WorksheetView filled(WorksheetDefinition definition, Answers answers) {
        Visibility visibility = Visibility.of(definition, answers);
        JsonNode root = answers.node();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < definition.items().size(); i++) {
            Item item = definition.items().get(i);
            String number = String.valueOf(i + 1);
            boolean shown = visibility.isShown(item.id());
            JsonNode value = shown ? root.get(item.id()) : null;
            List<Row> rows = new ArrayList<>();
            if (item.type() == ItemType.GROUP && value != null && value.isArray()) {
                for (int r = 0; r < value.size(); r++) {
                    rows.add(row(definition, item, number, r, value.get(r), visibility));
                }
            }
            Answer answer = item.type() == ItemType.GROUP ? null : AnswerText.of(item, value);
            fields.add(new Field(item, item.id(), number, shown, ConditionText.of(item, definition), answer, rows));
        }
        List<Value> values = new ArrayList<>();
        for (ExtractedValue extracted : ValueExtraction.extract(definition, answers)) {
            ValueDefinition declared = definition.values().stream()
                    .filter(v -> v.key().equals(extracted.key())).findFirst().orElseThrow();
            values.add(new Value(extracted.key(), declared.label(), extracted.value(), extracted.unit()));
        }
        return new WorksheetView(definition, true, fields, values);
    }

    private static Row row(WorksheetDefinition definition, Item group, String number, int r, JsonNode row,
            Visibility visibility) {
        List<Field> cells = new ArrayList<>();
        for (int c = 0; c < group.items().size(); c++) {
            Item child = group.items().get(c);
            boolean shown = visibility.isShown(group.id(), r, child.id());
            JsonNode value = shown && row != null && row.isObject() ? row.get(child.id()) : null;
            cells.add(new Field(child, Visibility.cell(group.id(), r, child.id()), number + "." + (c + 1), shown,
                    ConditionText.of(child, definition), AnswerText.of(child, value), List.of()));
        }
        return new Row(r, cells);
    }
}
