package app.carryover.homework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import app.carryover.worksheets.Answers;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetView;

/**
 * An entry as a clinician reads it in the review, the brief and the assignment page: the worksheet's
 * title, each answered question with its answer, and the numbers worked out from them with their
 * labels and units ("Time awake after falling asleep 35 min") — never the worksheet's internal keys.
 *
 * @param worksheet the worksheet's title, or null for a quick log
 * @param answers   the answered questions, in the worksheet's order (a group's rows as "Question (2): …")
 * @param values    the extracted numbers in words
 */
public record EntryInWords(PracticeEntry entry, String worksheet, List<Answered> answers, List<String> values) {

    /** One answered question. */
    public record Answered(String question, String answer) {
    }

    public EntryInWords {
        answers = List.copyOf(answers);
        values = List.copyOf(values);
    }

    static EntryInWords of(PracticeEntry entry, WorksheetDefinition definition) {
        if (definition == null || entry.answers() == null) {
            return new EntryInWords(entry, definition == null ? null : definition.title(), List.of(), List.of());
        }
        WorksheetView view = WorksheetView.filled(definition, Answers.parse(entry.answers()));
        List<Answered> answers = new ArrayList<>();
        for (WorksheetView.Field f : view.fields()) {
            if (!f.shown()) {
                continue;
            }
            if (!f.rows().isEmpty()) {
                for (WorksheetView.Row row : f.rows()) {
                    List<String> cells = new ArrayList<>();
                    for (WorksheetView.Field c : row.fields()) {
                        if (c.shown() && c.answer() != null && c.answer().text() != null) {
                            cells.add(c.item().label() + " " + c.answer().text());
                        }
                    }
                    if (!cells.isEmpty()) {
                        answers.add(new Answered(f.item().label() + " (" + (row.index() + 1) + ")", String.join("; ", cells)));
                    }
                }
            } else if (f.answer() != null && f.answer().text() != null) {
                answers.add(new Answered(f.item().label(), f.answer().text()));
            }
        }
        List<String> values = view.values().stream().map(v -> v.label() + " " + number(v.value(), v.unit())).toList();
        return new EntryInWords(entry, definition.title(), answers, values);
    }

    /** A number with its unit as people write it: "35 min", "7 h 35 min", "85%", "40/100", "yes". */
    static String number(BigDecimal value, String unit) {
        String plain = value.setScale(value.scale() > 1 ? 1 : value.scale(), RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        if (unit == null || unit.isBlank()) {
            return plain;
        }
        return switch (unit) {
            case "min" -> minutes(value);
            case "%" -> plain + "%";
            case "yes=1" -> value.signum() > 0 ? "yes" : "no";
            case "count" -> plain;
            default -> unit.matches("0-\\d+") ? plain + "/" + unit.substring(2) : plain + " " + unit;
        };
    }

    private static String minutes(BigDecimal value) {
        long total = value.setScale(0, RoundingMode.HALF_UP).longValue();
        if (Math.abs(total) < 60) {
            return total + " min";
        }
        long h = total / 60;
        long m = Math.abs(total % 60);
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
