package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInWorksheetsTests {

    static Stream<String> keys() {
        return BuiltInWorksheets.all().stream().map(WorksheetDefinition::key);
    }

    @Test
    void theLibraryHasEveryWorksheetTheIssueAsksFor() {
        assertThat(keys()).containsExactly("thought-record", "behavioural-experiment", "exposure-practice",
                "activity-schedule", "mood-tracker", "relaxation-practice", "worry-log", "sleep-diary",
                "skills-diary", "communication-practice", "boundary-practice", "pleasant-events", "problem-solving",
                "safety-plan");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachBuiltInIsCompleteForTheLibrary(String key) {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        assertThat(d.version()).as("the thought record's version 2 made its optional questions optional")
                .isEqualTo(key.equals(BuiltInWorksheets.THOUGHT_RECORD) ? 2 : 1);
        assertThat(d.purpose()).isNotBlank();
        assertThat(d.clientInstructions()).isNotBlank();
        assertThat(d.clinicianGuidance()).isNotBlank();
        assertThat(d.suggestedDose()).isNotNull();
        assertThat(d.values()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachBuiltInParsesFromItsOwnJson(String key) {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        assertThat(WorksheetDefinitions.parse(WorksheetDefinitions.toJson(d)).orElseThrow()).isEqualTo(d);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachFilledExampleIsAValidCompleteEntryAndYieldsValues(String key) {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        AnswerCheck check = AnswerValidation.complete(d, BuiltInWorksheets.exampleAnswers(key));
        assertThat(check.errors()).isEmpty();
        assertThat(check.accepted()).as("the example has nothing hidden or empty to clean away")
                .isEqualTo(BuiltInWorksheets.exampleAnswers(key));
        List<ExtractedValue> values = ValueExtraction.extract(d, check.accepted());
        assertThat(values).isNotEmpty();
        assertThat(values).extracting(ExtractedValue::key)
                .isSubsetOf(d.values().stream().map(ValueDefinition::key).toList());
    }

    @Test
    void theExposureLogYieldsWhatTheStepUpRuleReads() {
        Map<String, BigDecimal> values = valuesOf(BuiltInWorksheets.EXPOSURE_PRACTICE);
        assertThat(values).containsEntry(BuiltInWorksheets.ExposurePractice.PEAK_DISTRESS, new BigDecimal("75"))
                .containsEntry(BuiltInWorksheets.ExposurePractice.DURATION_MINUTES, new BigDecimal("25"))
                .containsEntry(BuiltInWorksheets.ExposurePractice.DISTRESS_DROP, new BigDecimal("40"));
        WorksheetDefinition d = BuiltInWorksheets.get(BuiltInWorksheets.EXPOSURE_PRACTICE);
        assertThat(d.item(BuiltInWorksheets.ExposurePractice.PEAK_DISTRESS)).get()
                .extracting(Item::type, Item::required).containsExactly(ItemType.RATING, true);
        assertThat(d.item(BuiltInWorksheets.ExposurePractice.DURATION_MINUTES)).get()
                .extracting(Item::type, Item::required).containsExactly(ItemType.DURATION, true);
    }

    @Test
    void theSleepDiaryComputesSleepEfficiency() {
        // in bed 22:45-06:45 (480 min); trying to sleep 23:15 to final waking 06:10 (415 min),
        // less 40 min to fall asleep and 35 min awake: 340 min asleep, 70.83%.
        Map<String, BigDecimal> values = valuesOf(BuiltInWorksheets.SLEEP_DIARY);
        assertThat(values).containsEntry("time_in_bed", new BigDecimal("480"))
                .containsEntry("total_sleep_time", new BigDecimal("340"))
                .containsEntry("sleep_efficiency", new BigDecimal("70.83"));
    }

    @Test
    void theMoodTrackerYieldsMoodAndAnxiety() {
        assertThat(valuesOf(BuiltInWorksheets.MOOD_TRACKER))
                .containsEntry(BuiltInWorksheets.MoodTracker.MOOD, new BigDecimal("4"))
                .containsEntry(BuiltInWorksheets.MoodTracker.ANXIETY, new BigDecimal("7"));
    }

    private static Map<String, BigDecimal> valuesOf(String key) {
        return ValueExtraction.extract(BuiltInWorksheets.get(key), BuiltInWorksheets.exampleAnswers(key)).stream()
                .collect(Collectors.toMap(ExtractedValue::key, ExtractedValue::value));
    }
}
