package app.carryover.worksheets;

import java.util.List;

/**
 * A worksheet as an HTML form, ready for the {@code worksheets/form :: fields(form, refreshUrl)}
 * fragment: one control per item in document order, each with its field name (the answer path
 * {@link FormAnswers} reads), its current value as typed (so a refused answer is shown again as it
 * was written), whether it is shown, and its error. Built by {@link WorksheetForms}.
 *
 * @param summary every error, in document order, for the list at the top of the form
 */
public record WorksheetForm(String key, int version, List<Control> controls, List<Problem> summary) {

    public WorksheetForm {
        controls = List.copyOf(controls);
        summary = List.copyOf(summary);
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }

    /** An error as listed at the top; {@code anchor} is the id of its field (null when it has none). */
    public record Problem(String anchor, String label, String message) {

        /** "Question: message", or "Question? Message" when the question ends in its own punctuation. */
        public String text() {
            if (label == null) {
                return message;
            }
            String end = label.isEmpty() ? "" : label.substring(label.length() - 1);
            return label + ("?".equals(end) || ".".equals(end) || "!".equals(end) ? " " : ": ") + message;
        }
    }

    /**
     * One item, or one cell of a group row.
     *
     * @param type        the item type's code ({@code short_text}, {@code rating}, …), which picks the widget
     * @param name        the field name: the answer path, such as {@code situation} or {@code thoughts[0].belief}
     * @param id          the element id, from which {@code -help} and {@code -error} ids are made
     * @param shown       false when a show-if condition hides it; hidden controls stay in the page so
     *                    nothing typed is lost when they come back
     * @param controlling whether other items' conditions depend on it, so a change re-renders the form
     * @param error       the message to show beside it, or null
     * @param values      what the field holds, as text (several for a multi-select)
     * @param choices     the options of choice and yes/no items and the points of a rating scale
     *                    short enough to show as buttons; empty otherwise
     * @param rows        a group's rows; empty for other items
     */
    public record Control(String type, String name, String id, String label, String help, boolean required,
            boolean shown, boolean controlling, String error, List<String> values, String inputMode, String unit,
            Integer maxLength, List<Choice> choices, String anchorMin, String anchorMid, String anchorMax,
            List<Row> rows, boolean canAddRow) {

        public Control {
            values = List.copyOf(values);
            choices = List.copyOf(choices);
            rows = List.copyOf(rows);
        }

        /** The value of a single-valued field ("" when empty). */
        public String value() {
            return values.isEmpty() ? "" : values.get(values.size() - 1);
        }

        public boolean hasAnchors() {
            return anchorMin != null || anchorMax != null;
        }

        /** The ids of the help text, the scale's anchors and the error, for {@code aria-describedby}; null when none exists. */
        public String describedBy() {
            String ids = (help == null ? "" : id + "-help") + (hasAnchors() ? " " + id + "-anchors" : "")
                    + (error == null ? "" : " " + id + "-error");
            return ids.isBlank() ? null : ids.trim();
        }

        /** Whether choices (rather than a text box) answer it: choice and yes/no items, short rating scales. */
        public boolean isChoice() {
            return !choices.isEmpty();
        }

        /** Whether several choices may be ticked. */
        public boolean isMultiple() {
            return "multiple_choice".equals(type) || "checklist".equals(type);
        }
    }

    /** An option, a yes/no answer or a point of a rating scale. */
    public record Choice(String value, String label, String id, boolean checked) {
    }

    /**
     * One row of a repeating group.
     *
     * @param marker the name of an empty hidden field that keeps the row in the post even when nothing
     *               in it is filled in, so row numbers (and the paths of errors) stay in step
     */
    public record Row(int index, String heading, List<Control> controls, boolean removable, String marker) {

        public Row {
            controls = List.copyOf(controls);
        }
    }
}
