package app.carryover.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

import app.carryover.system.ProblemException;
import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetDefinitions;
import ca.uhn.fhir.context.FhirContext;

/** Worksheet → Questionnaire (as JSON) → worksheet gives the same definition, for every built-in; foreign items are refused by name. */
class QuestionnaireRoundTripTests {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static Questionnaire throughJson(Questionnaire q) {
        String json = FHIR.newJsonParser().encodeResourceToString(q);
        return FHIR.newJsonParser().parseResource(Questionnaire.class, json);
    }

    @Test
    void everyBuiltInWorksheetRoundTripsLosslessly() {
        assertThat(BuiltInWorksheets.all()).hasSizeGreaterThanOrEqualTo(13);
        for (WorksheetDefinition d : BuiltInWorksheets.all()) {
            Questionnaire q = throughJson(QuestionnaireExport.toQuestionnaire(d, Fhir.questionnaireUrl(null, d.key(), true)));
            WorksheetDefinition back = QuestionnaireImport.toDefinition(q);
            assertThat(WorksheetDefinitions.toJson(back)).as(d.key()).isEqualTo(WorksheetDefinitions.toJson(d));
            assertThat(back).as(d.key()).isEqualTo(d);
        }
    }

    @Test
    void aPracticesOwnWorksheetRoundTripsUnderItsPracticeUrl() {
        WorksheetDefinition d = BuiltInWorksheets.get(BuiltInWorksheets.SLEEP_DIARY).copyAs("my-sleep-diary", 3);
        String url = Fhir.questionnaireUrl(UUID.randomUUID(), d.key(), false);
        Questionnaire q = throughJson(QuestionnaireExport.toQuestionnaire(d, url));
        assertThat(q.getUrl()).isEqualTo(url);
        assertThat(q.getVersion()).isEqualTo("3");
        assertThat(QuestionnaireImport.toDefinition(q)).isEqualTo(d);
    }

    @Test
    void unsupportedItemsAreNamedOneByOneAndNothingIsMade() {
        Questionnaire q = new Questionnaire();
        q.setTitle("Intake scan");
        q.addItem().setLinkId("photo").setText("Upload a photo").setType(QuestionnaireItemType.ATTACHMENT);
        q.addItem().setLinkId("mood").setText("Mood").setType(QuestionnaireItemType.INTEGER);
        q.addItem().setLinkId("where").setText("Where").setType(QuestionnaireItemType.OPENCHOICE);
        q.addItem().setLinkId("intro").setText("Read this first").setType(QuestionnaireItemType.DISPLAY);
        assertThatThrownBy(() -> QuestionnaireImport.toDefinition(throughJson(q)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields())
                        .extracting(f -> f.field() + ": " + f.message())
                        .containsExactly(
                                "item[0].type: item[0] (linkId 'photo'): type 'attachment' is not supported; worksheets ask text, numbers, ratings, choices, dates, times, durations, yes/no and groups",
                                "item[2].type: item[2] (linkId 'where'): type 'open-choice' is not supported; worksheets ask text, numbers, ratings, choices, dates, times, durations, yes/no and groups",
                                "item[3].type: item[3] (linkId 'intro'): type 'display' is not supported; worksheets ask text, numbers, ratings, choices, dates, times, durations, yes/no and groups (display text is kept only as an item's help or a rating's anchors)"));
    }

    @Test
    void aQuestionnaireBreakingTheWorksheetRulesIsRefusedWithTheRule() {
        Questionnaire q = new Questionnaire();
        q.setTitle("Two of a kind");
        q.addItem().setLinkId("same").setText("First").setType(QuestionnaireItemType.STRING);
        q.addItem().setLinkId("same").setText("Second").setType(QuestionnaireItemType.STRING);
        assertThatThrownBy(() -> QuestionnaireImport.toDefinition(q))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields()).isNotEmpty()
                        .anySatisfy(f -> assertThat(f.message()).containsIgnoringCase("same")));
    }
}
