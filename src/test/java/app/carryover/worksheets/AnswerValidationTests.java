package app.carryover.worksheets;

import static app.carryover.worksheets.TestDefinitions.item;
import static app.carryover.worksheets.TestDefinitions.rating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class AnswerValidationTests {

    private final WorksheetDefinition thoughtRecord = TestDefinitions.of(
            item("situation", ItemType.LONG_TEXT).required().maxLength(50).build(),
            item("thoughts", ItemType.GROUP).minItems(1).maxItems(2)
                    .child(item("thought", ItemType.SHORT_TEXT).required().build())
                    .child(item("belief", ItemType.RATING).max(100).step(5).anchors(Anchors.of("no", "yes")).build())
                    .build(),
            item("used_skill", ItemType.YES_NO).required().build(),
            item("which_skill", ItemType.SINGLE_CHOICE).option("breathing", "Breathing").option("walk", "A walk")
                    .required().showIf(Condition.equalTo("used_skill", true)).build(),
            item("hours", ItemType.NUMBER).min(0).max(24).step(0.5).build(),
            item("traps", ItemType.CHECKLIST).option("all-or-nothing", "All or nothing")
                    .option("mind-reading", "Mind reading").build(),
            item("when", ItemType.TIME).build(),
            item("minutes", ItemType.DURATION).max(120).build());

    private AnswerCheck complete(String json) {
        return AnswerValidation.complete(thoughtRecord, json);
    }

    @Test
    void aCompleteEntryIsAcceptedAndCleaned() {
        AnswerCheck check = complete("""
                {"situation":"Meeting","thoughts":[{"thought":"They think I'm dull","belief":80.0},{}],
                 "used_skill":false,"which_skill":"walk","hours":7.5,"traps":["mind-reading"],"when":"21:30",
                 "minutes":25}""");
        assertThat(check.errors()).isEmpty();
        assertThat(check.accepted().toJson()).isEqualTo("{\"situation\":\"Meeting\",\"thoughts\":[{\"thought\":"
                + "\"They think I'm dull\",\"belief\":80}],\"used_skill\":false,\"hours\":7.5,"
                + "\"traps\":[\"mind-reading\"],\"when\":\"21:30\",\"minutes\":25}");
    }

    @Test
    void eachWrongAnswerGetsAnErrorAtItsPath() {
        AnswerCheck check = complete("""
                {"situation":"%s","thoughts":[{"thought":"a","belief":81},{"belief":"high"}],
                 "used_skill":"yes","hours":7.25,"traps":["mind-reading","mind-reading"],"when":"9pm",
                 "minutes":121,"mood":3}""".formatted("x".repeat(51)));
        assertThat(check.errors()).extracting(FieldError::path, FieldError::reason).containsExactly(
                tuple("mood", FieldError.Reason.UNKNOWN_ITEM),
                tuple("situation", FieldError.Reason.TOO_LONG),
                tuple("thoughts[0].belief", FieldError.Reason.STEP),
                tuple("thoughts[1].thought", FieldError.Reason.REQUIRED),
                tuple("thoughts[1].belief", FieldError.Reason.WRONG_TYPE),
                tuple("used_skill", FieldError.Reason.WRONG_TYPE),
                tuple("hours", FieldError.Reason.STEP),
                tuple("traps", FieldError.Reason.DUPLICATE_CHOICE),
                tuple("when", FieldError.Reason.WRONG_TYPE),
                tuple("minutes", FieldError.Reason.OUT_OF_RANGE));
        assertThat(check.errorsAt("situation")).extracting(FieldError::message)
                .containsExactly("Keep this to 50 characters or fewer (it has 51).");
        assertThat(check.errorsAt("thoughts[0].belief")).extracting(FieldError::message)
                .containsExactly("Choose a multiple of 5 from 0 to 100.");
        assertThat(check.errorsAt("minutes")).extracting(FieldError::message)
                .containsExactly("Enter from 0 to 120 minutes.");
    }

    @Test
    void aRequiredItemIsRequiredOnlyWhileItIsShown() {
        assertThat(complete("{\"situation\":\"s\",\"thoughts\":[{\"thought\":\"t\"}],\"used_skill\":false}").errors())
                .isEmpty();
        assertThat(complete("{\"situation\":\"s\",\"thoughts\":[{\"thought\":\"t\"}],\"used_skill\":true}").errors())
                .extracting(FieldError::path, FieldError::message)
                .containsExactly(tuple("which_skill", "Please answer this."));
    }

    @Test
    void aDraftMayLeaveThingsOutButIsStillTypeChecked() {
        assertThat(AnswerValidation.draft(thoughtRecord, "{}").isValid()).isTrue();
        assertThat(AnswerValidation.draft(thoughtRecord, "{\"thoughts\":[{\"belief\":\"80\"}]}").errors())
                .extracting(FieldError::path, FieldError::reason)
                .containsExactly(tuple("thoughts[0].belief", FieldError.Reason.WRONG_TYPE));
        assertThat(complete("{}").errors()).extracting(FieldError::path)
                .containsExactly("situation", "thoughts", "used_skill");
    }

    @Test
    void groupRowCountsAreChecked() {
        AnswerCheck check = complete("{\"situation\":\"s\",\"used_skill\":false,\"thoughts\":"
                + "[{\"thought\":\"a\"},{\"thought\":\"b\"},{\"thought\":\"c\"}]}");
        assertThat(check.errors()).extracting(FieldError::path, FieldError::message)
                .containsExactly(tuple("thoughts", "Add no more than 2 entries."));
        assertThat(complete("{\"situation\":\"s\",\"used_skill\":false,\"thoughts\":[{}]}").errors())
                .extracting(FieldError::path, FieldError::message)
                .containsExactly(tuple("thoughts", "Add at least 1 entry."));
    }

    @Test
    void unreadableOrOversizedAnswersAreOneErrorForTheWholeDocument() {
        assertThat(complete("{\"situation\":").errors()).extracting(FieldError::path, FieldError::reason)
                .containsExactly(tuple("", FieldError.Reason.MALFORMED));
        assertThat(complete("[1,2]").errors()).extracting(FieldError::reason)
                .containsExactly(FieldError.Reason.MALFORMED);
        assertThat(complete("{\"situation\":\"" + "x".repeat(300 * 1024) + "\"}").errors())
                .extracting(FieldError::reason).containsExactly(FieldError.Reason.TOO_LARGE);
        assertThat(complete("{\"situation\":\"a\",\"situation\":\"b\"}").errors()).extracting(FieldError::reason)
                .containsExactly(FieldError.Reason.MALFORMED);
    }

    @Test
    void controlCharactersThatCannotBeStoredAreRefused() {
        assertThat(complete("{\"situation\":\"a\\u0000b\",\"thoughts\":[{\"thought\":\"t\"}],\"used_skill\":false}")
                .errors()).extracting(FieldError::reason).containsExactly(FieldError.Reason.INVALID_CHARACTERS);
    }

    @Test
    void hiddenItemsAreDroppedAndTheirDependentsSeeThemAsUnanswered() {
        WorksheetDefinition d = TestDefinitions.of(
                item("a", ItemType.YES_NO).build(),
                item("b", ItemType.SHORT_TEXT).showIf(Condition.equalTo("a", true)).build(),
                item("c", ItemType.SHORT_TEXT).required().showIf(Condition.answered("b")).build());
        Answers answers = Answers.parse("{\"a\":false,\"b\":\"kept?\"}");
        Visibility v = Visibility.of(d, answers);
        assertThat(v.isShown("b")).isFalse();
        assertThat(v.isShown("c")).isFalse();
        AnswerCheck check = AnswerValidation.complete(d, answers);
        assertThat(check.accepted().toJson()).isEqualTo("{\"a\":false}");
    }

    @Test
    void childConditionsAreEvaluatedPerRow() {
        WorksheetDefinition d = TestDefinitions.of(item("steps", ItemType.GROUP)
                .child(item("done", ItemType.YES_NO).build())
                .child(item("why_not", ItemType.SHORT_TEXT).required().showIf(Condition.equalTo("done", false)).build())
                .build());
        AnswerCheck check = AnswerValidation.complete(d, "{\"steps\":[{\"done\":true},{\"done\":false}]}");
        assertThat(check.errors()).extracting(FieldError::path).containsExactly("steps[1].why_not");
        Visibility v = Visibility.of(d, Answers.parse("{\"steps\":[{\"done\":true},{\"done\":false}]}"));
        assertThat(v.isShown("steps", 0, "why_not")).isFalse();
        assertThat(v.isShown("steps", 1, "why_not")).isTrue();
    }

    @Test
    void conditionOperatorsFollowTheDocumentedSemantics() {
        Item traps = item("traps", ItemType.CHECKLIST).option("a", "A").option("b", "B").build();
        WorksheetDefinition d = TestDefinitions.of(rating("r", 10), traps,
                item("gt", ItemType.SHORT_TEXT).showIf(new Condition("r", Condition.Operator.GREATER_THAN, "5")).build(),
                item("le", ItemType.SHORT_TEXT).showIf(new Condition("r", Condition.Operator.AT_MOST, "5")).build(),
                item("has_a", ItemType.SHORT_TEXT).showIf(Condition.equalTo("traps", "a")).build(),
                item("no_a", ItemType.SHORT_TEXT).showIf(Condition.notEqualTo("traps", "a")).build(),
                item("none", ItemType.SHORT_TEXT).showIf(Condition.notAnswered("traps")).build());
        Visibility unanswered = Visibility.of(d, Answers.empty());
        assertThat(unanswered.hiddenPaths()).containsExactlyInAnyOrder("gt", "le", "has_a");
        Visibility answered = Visibility.of(d, Answers.parse("{\"r\":6,\"traps\":[\"b\",\"a\"]}"));
        assertThat(answered.hiddenPaths()).containsExactlyInAnyOrder("le", "no_a", "none");
    }

    @Test
    void ratingsAndDurationsMustBeWholeNumbers() {
        WorksheetDefinition d = TestDefinitions.of(rating("r", 10), item("m", ItemType.DURATION).build());
        assertThat(AnswerValidation.complete(d, "{\"r\":7.5,\"m\":1.5}").errors())
                .extracting(FieldError::message)
                .containsExactly("Choose a whole number from 0 to 10.", "Enter a whole number of minutes.");
        assertThat(AnswerValidation.complete(d, "{\"r\":11,\"m\":-1}").errors())
                .extracting(FieldError::message)
                .containsExactly("Enter a number from 0 to 10.", "Enter from 0 to 1440 minutes.");
    }

    @Test
    void aRowWithAnswersOnlyInHiddenCellsIsNoEntry() {
        WorksheetDefinition d = TestDefinitions.of(
                item("detailed", ItemType.YES_NO).build(),
                item("steps", ItemType.GROUP).minItems(1)
                        .child(item("detail", ItemType.SHORT_TEXT).showIf(Condition.equalTo("detailed", true)).build())
                        .child(item("note", ItemType.SHORT_TEXT).build())
                        .build());
        AnswerCheck check = AnswerValidation.complete(d, "{\"detailed\":false,\"steps\":[{\"detail\":\"x\"}]}");
        assertThat(check.errors()).extracting(FieldError::path, FieldError::reason)
                .containsExactly(tuple("steps", FieldError.Reason.TOO_FEW));
        AnswerCheck two = AnswerValidation.draft(d, "{\"detailed\":false,\"steps\":[{\"detail\":\"x\"},{\"note\":\"y\"}]}");
        assertThat(two.accepted().toJson()).isEqualTo("{\"detailed\":false,\"steps\":[{\"note\":\"y\"}]}");
    }
}
