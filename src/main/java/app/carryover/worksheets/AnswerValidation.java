package app.carryover.worksheets;

import java.util.List;

/**
 * Server-side validation of an entry's answers against the definition version it was filled
 * against. A complete entry must answer every required item that is shown and give each shown
 * group its minimum rows; a draft may leave anything out, but what it does say is checked the same
 * way (types, ranges, steps, options, lengths, row limits, unknown items).
 */
public final class AnswerValidation {

    private AnswerValidation() {
    }

    public static AnswerCheck complete(WorksheetDefinition definition, Answers answers) {
        return AnswerValidator.check(definition, answers, false);
    }

    public static AnswerCheck draft(WorksheetDefinition definition, Answers answers) {
        return AnswerValidator.check(definition, answers, true);
    }

    /** As {@link #complete(WorksheetDefinition, Answers)}, from JSON text; unreadable JSON is an error at path "". */
    public static AnswerCheck complete(WorksheetDefinition definition, String answersJson) {
        return fromJson(definition, answersJson, false);
    }

    /** As {@link #draft(WorksheetDefinition, Answers)}, from JSON text. */
    public static AnswerCheck draft(WorksheetDefinition definition, String answersJson) {
        return fromJson(definition, answersJson, true);
    }

    private static AnswerCheck fromJson(WorksheetDefinition definition, String json, boolean draft) {
        Answers answers;
        try {
            answers = Answers.parse(json);
        } catch (InvalidAnswersException e) {
            return new AnswerCheck(List.of(e.error()), null);
        }
        return AnswerValidator.check(definition, answers, draft);
    }
}
