package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormAnswersTests {

    private final WorksheetDefinition thoughtRecord = BuiltInWorksheets.get(BuiltInWorksheets.THOUGHT_RECORD);

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    @Test
    void aPostedFormBecomesTypedAnswersWithRowsInOrder() {
        AnswerCheck check = FormAnswers.draft(thoughtRecord, form(
                "_csrf", "token",
                "situation", "At work\r\nin the kitchen",
                "thoughts[3].thought", "Second thought",
                "thoughts[0].thought", "First thought",
                "thoughts[0].belief", "80",
                "thinking_traps", "mind-reading",
                "thinking_traps", "labelling",
                "belief_after", ""));
        assertThat(check.accepted().toJson()).isEqualTo("{\"situation\":\"At work\\nin the kitchen\","
                + "\"thoughts\":[{\"thought\":\"First thought\",\"belief\":80},{\"thought\":\"Second thought\"}],"
                + "\"thinking_traps\":[\"mind-reading\",\"labelling\"]}");
    }

    @Test
    void unreadableFieldsAndRuleBreachesAreReportedAtTheSamePaths() {
        AnswerCheck check = FormAnswers.complete(thoughtRecord, form(
                "situation", "At work",
                "thoughts[0].thought", "A thought",
                "thoughts[0].belief", "very",
                "emotions[0].emotion", "sad",
                "emotions[0].intensity", "101",
                "evidence_for", "x", "evidence_against", "y", "balanced_thought", "z", "belief_after", "40"));
        assertThat(check.errors()).extracting(FieldError::path, FieldError::reason).containsExactly(
                tuple("thoughts[0].belief", FieldError.Reason.WRONG_TYPE),
                tuple("emotions[0].intensity", FieldError.Reason.OUT_OF_RANGE));
    }

    @Test
    void savedAnswersFillTheFormAgain() {
        Answers example = BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.THOUGHT_RECORD);
        Map<String, List<String>> fields = FormAnswers.fields(thoughtRecord, example);
        assertThat(fields).containsEntry("thoughts[1].belief", List.of("60"))
                .containsEntry("thinking_traps", List.of("mind-reading", "shoulds"));
        assertThat(FormAnswers.complete(thoughtRecord, fields).accepted()).isEqualTo(example);
    }
}
