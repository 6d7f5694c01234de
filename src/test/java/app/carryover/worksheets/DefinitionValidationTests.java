package app.carryover.worksheets;

import static app.carryover.worksheets.TestDefinitions.item;
import static app.carryover.worksheets.TestDefinitions.rating;
import static app.carryover.worksheets.TestDefinitions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DefinitionValidationTests {

    private static List<DefinitionProblem> problemsOf(Item... items) {
        try {
            TestDefinitions.of(items);
            return List.of();
        } catch (InvalidDefinitionException e) {
            return e.problems();
        }
    }

    private static List<DefinitionProblem> problemsOfJson(String json) {
        ParsedDefinition parsed = WorksheetDefinitions.parse(json);
        assertThat(parsed.isValid()).as("expected problems for %s", json).isFalse();
        return parsed.problems();
    }

    private static String sheet(String itemsJson) {
        return """
                {"key":"test-sheet","version":1,"title":"T","category":"other","purpose":"P",
                 "clientInstructions":"I","items":%s}""".formatted(itemsJson);
    }

    @Test
    void aDuplicateItemIdIsRejectedEvenInsideAGroup() {
        Item group = item("thoughts", ItemType.GROUP).child(text("situation")).build();
        assertThat(problemsOf(text("situation"), group))
                .containsExactly(new DefinitionProblem("items[1].items[0].id",
                        "duplicate item id 'situation' (also used at items[0])"));
    }

    @Test
    void minAboveMaxIsRejected() {
        Item number = item("hours", ItemType.NUMBER).min(10).max(5).build();
        assertThat(problemsOf(number)).containsExactly(
                new DefinitionProblem("items[0].min", "min (10) is above max (5)"));
    }

    @Test
    void aConditionOnALaterItemIsRejected() {
        Item first = item("first", ItemType.SHORT_TEXT).showIf(Condition.answered("second")).build();
        assertThat(problemsOf(first, text("second"))).extracting(DefinitionProblem::path, DefinitionProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].showIf[0].item",
                        "refers to 'second', which comes after it; a condition can only depend on items above it"));
    }

    @Test
    void conditionsThatDependOnEachOtherAreReportedAsACycle() {
        Item a = item("a", ItemType.SHORT_TEXT).showIf(Condition.answered("b")).build();
        Item b = item("b", ItemType.SHORT_TEXT).showIf(Condition.answered("a")).build();
        assertThat(problemsOf(a, b)).extracting(DefinitionProblem::message)
                .containsExactly("conditions form a cycle: a -> b -> a");
    }

    @Test
    void aConditionOnAnUnknownItemOrItselfIsRejected() {
        Item a = item("a", ItemType.SHORT_TEXT).showIf(Condition.answered("nowhere")).build();
        Item b = item("b", ItemType.SHORT_TEXT).showIf(Condition.answered("b")).build();
        assertThat(problemsOf(a, b)).extracting(DefinitionProblem::message).containsExactly(
                "refers to unknown item 'nowhere'", "a condition cannot refer to its own item 'b'");
    }

    @Test
    void aConditionMustCompareWithAValueTheItemCanHave() {
        Item mood = TestDefinitions.choice("mood", "low", "ok");
        Item x = item("x", ItemType.SHORT_TEXT).showIf(Condition.equalTo("mood", "great")).build();
        Item y = item("y", ItemType.SHORT_TEXT)
                .showIf(new Condition("mood", Condition.Operator.GREATER_THAN, "2")).build();
        assertThat(problemsOf(mood, x, y)).extracting(DefinitionProblem::toString).containsExactly(
                "items[1].showIf[0].value: 'great' is not an option code of 'mood' (single_choice)",
                "items[2].showIf[0].operator: 'greater_than' compares numbers, but 'mood' (single_choice) is not a number");
    }

    @Test
    void aChildMayDependOnItsSiblingsButNotOnAnotherGroup() {
        Item g1 = item("g1", ItemType.GROUP).child(item("done", ItemType.YES_NO).build())
                .child(item("why", ItemType.SHORT_TEXT).showIf(Condition.equalTo("done", false)).build()).build();
        Item outside = item("later", ItemType.SHORT_TEXT).showIf(Condition.answered("why")).build();
        assertThat(problemsOf(g1, outside)).extracting(DefinitionProblem::toString).containsExactly(
                "items[1].showIf[0].item: refers to 'why', which is inside group 'g1'; only items in the same group"
                        + " can depend on it");
    }

    @Test
    void choiceItemsNeedOptionsWithDistinctCodes() {
        Item none = item("none", ItemType.CHECKLIST).build();
        Item twice = item("twice", ItemType.MULTIPLE_CHOICE).option("a", "A").option("a", "Again").build();
        assertThat(problemsOf(none, twice)).extracting(DefinitionProblem::toString).containsExactly(
                "items[0].options: a checklist item needs at least 1 option",
                "items[1].options[1].code: duplicate option code 'a' (also options[0])");
    }

    @Test
    void ratingsNeedATenOrHundredScaleAndBothEndAnchors() {
        Item scale = item("scale", ItemType.RATING).max(7).anchors(new Anchors("low", null, " ")).build();
        assertThat(problemsOf(scale)).extracting(DefinitionProblem::toString).containsExactly(
                "items[0].max: must be 10 or 100, not 7",
                "items[0].anchors.max: is required");
    }

    @Test
    void groupsNeedChildrenAndCannotNest() {
        Item empty = item("empty", ItemType.GROUP).build();
        Item outer = item("outer", ItemType.GROUP).child(item("inner", ItemType.GROUP).child(text("x")).build())
                .build();
        assertThat(problemsOf(empty, outer)).extracting(DefinitionProblem::toString).containsExactly(
                "items[0].items: a group needs at least one child item",
                "items[1].items[0].type: groups cannot be nested inside groups");
    }

    @Test
    void oversizedTextIsRejectedWithItsLength() {
        Item long_ = Item.builder("x", ItemType.SHORT_TEXT, "a".repeat(501)).build();
        assertThat(problemsOf(long_)).extracting(DefinitionProblem::toString).containsExactly(
                "items[0].label: is too long: 501 characters, at most 500");
    }

    @Test
    void fieldsOfAnotherTypeAreNamedNotIgnored() {
        Item t = item("t", ItemType.SHORT_TEXT).min(1).anchors(Anchors.of("a", "b")).build();
        assertThat(problemsOf(t)).extracting(DefinitionProblem::path).containsExactly("items[0].min",
                "items[0].anchors");
    }

    @Test
    void anUnknownTypeIsRejectedByTheParserWithTheTypesThatExist() {
        assertThat(problemsOfJson(sheet("[{\"id\":\"a\",\"type\":\"slider\",\"label\":\"A\"}]")))
                .extracting(DefinitionProblem::toString).containsExactly(
                        "items[0].type: unknown item type 'slider'; one of " + ItemType.allCodes());
    }

    @Test
    void unknownFieldsAndWrongJsonTypesAreReportedWithTheirPaths() {
        assertThat(problemsOfJson(sheet("[{\"id\":\"a\",\"type\":\"number\",\"label\":\"A\",\"requried\":true,"
                + "\"max\":\"ten\"}]"))).extracting(DefinitionProblem::toString).containsExactly(
                        "items[0].requried: unknown field 'requried'", "items[0].max: must be a number");
    }

    @Test
    void brokenJsonIsAProblemNotAnException() {
        assertThat(problemsOfJson("{\"key\": ")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not valid JSON"));
        assertThat(problemsOfJson("[]")).extracting(DefinitionProblem::message).containsExactly("must be a JSON object");
    }

    @Test
    void aFormulaIsCheckedAgainstTheItems() {
        List<ValueDefinition> values = List.of(ValueDefinition.of("avg_note", "Average", "", "avg(note)"),
                ValueDefinition.of("bad", "Bad", "", "peak +"));
        assertThatThrownBy(() -> TestDefinitions.of(values, text("note"), rating("peak", 10)))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::toString).containsExactly(
                                "values[0].formula: 'note' is a short_text item; formulas can use numbers, ratings,"
                                        + " durations, yes/no items, times (in minutes_between), and groups or"
                                        + " multi-select items (in count)",
                                "values[1].formula: the formula ends too early at character 7"));
    }

    @Test
    void aValidDefinitionSurvivesTheJsonRoundTrip() {
        Item mood = TestDefinitions.choice("mood", "low", "ok");
        Item group = item("thoughts", ItemType.GROUP).minItems(1).maxItems(3)
                .child(text("thought"))
                .child(item("belief", ItemType.RATING).max(100).step(5).anchors(Anchors.of("0", "50", "100"))
                        .showIf(Condition.answered("thought")).build())
                .build();
        Item hours = item("hours", ItemType.NUMBER).min(0).max(24).step(0.5).unit("h")
                .showIf(Condition.equalTo("mood", "low"))
                .showIf(Condition.notEqualTo("mood", "ok"))
                .build();
        WorksheetDefinition d = TestDefinitions.of(List.of(ValueDefinition.of("top", "Top belief", "%",
                "max(thoughts.belief)")), mood, group, hours);
        assertThat(WorksheetDefinitions.parse(WorksheetDefinitions.toJson(d)).orElseThrow()).isEqualTo(d);
    }

    @Test
    void aMissingVersionOrKeyIsNamed() {
        assertThat(problemsOfJson("{\"title\":\"T\",\"category\":\"other\",\"purpose\":\"P\","
                + "\"clientInstructions\":\"I\",\"items\":[{\"id\":\"a\",\"type\":\"yes_no\",\"label\":\"A\"}]}"))
                .extracting(DefinitionProblem::toString).containsExactly("version: is required");
        assertThat(problemsOfJson(sheet("[{\"id\":\"a\",\"type\":\"yes_no\",\"label\":\"A\"}]")
                .replace("\"key\":\"test-sheet\",", ""))).extracting(DefinitionProblem::toString)
                .containsExactly("key: is required");
    }

    @Test
    void aDoseIsCheckedAndDescribedInWords() {
        assertThat(SuggestedDose.perDay(2).describe()).isEqualTo("twice a day");
        assertThat(SuggestedDose.perPeriod(3).describe()).isEqualTo("3 times before the next session");
        assertThat(SuggestedDose.onDays(List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY),
                List.of(java.time.LocalTime.of(19, 0))).describe()).isEqualTo("on Monday and Thursday at 19:00");
        assertThat(SuggestedDose.onTrigger("worry is 6/10 or more", 5).describe())
                .isEqualTo("each time worry is 6/10 or more (aim for 5)");
        assertThat(problemsOfJson(sheet("[{\"id\":\"a\",\"type\":\"yes_no\",\"label\":\"A\"}]")
                .replace("\"items\"", "\"suggestedDose\":{\"kind\":\"on_days\",\"count\":0},\"items\"")))
                .extracting(DefinitionProblem::toString).containsExactly(
                        "suggestedDose.count: must be from 1 to 50, not 0",
                        "suggestedDose.days: an on_days dose needs at least one day");
    }
}
