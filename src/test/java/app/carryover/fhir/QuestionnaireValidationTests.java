package app.carryover.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * The minimal case for the two faults of HAPI 8.8.1's QuestionnaireResponse checks (org.hl7.fhir.validation
 * 6.7.9), and the correction {@link FhirValidation} applies: a 25-minute answer to an item with a
 * 1-minute minimum, and a required repeating group with minOccurs 1 and maxOccurs 2 answered with
 * one row. Both are valid by the SDC and core extension definitions. If HAPI is upgraded to a version
 * that gets them right, {@link #hapiAloneGetsTheValidCaseWrong} fails: then drop {@link OccursCheck}.
 */
class QuestionnaireValidationTests {

    static final FhirValidation VALIDATION = new FhirValidation(FhirContext.forR4Cached());
    static final String URL = "https://example.org/fhir/Questionnaire/minimal";

    static Questionnaire questionnaire(int minRows) {
        Questionnaire q = new Questionnaire();
        q.setId("minimal");
        q.setUrl(URL).setVersion(Integer.toString(minRows)).setName("Minimal").setStatus(PublicationStatus.ACTIVE);
        QuestionnaireItemComponent minutes = q.addItem().setLinkId("minutes").setText("How long?").setType(QuestionnaireItemType.QUANTITY);
        minutes.addExtension(Fhir.EXT + "questionnaire-unitOption", new Coding(Fhir.UCUM, "min", "min"));
        minutes.addExtension(Fhir.SDC + "sdc-questionnaire-minQuantity", minutes("1"));
        QuestionnaireItemComponent rows = q.addItem().setLinkId("rows").setText("Rows").setType(QuestionnaireItemType.GROUP)
                .setRequired(true).setRepeats(true);
        rows.addExtension(Fhir.EXT + "questionnaire-minOccurs", new IntegerType(minRows));
        rows.addExtension(Fhir.EXT + "questionnaire-maxOccurs", new IntegerType(2));
        rows.addItem().setLinkId("what").setText("What?").setType(QuestionnaireItemType.STRING).setRequired(true);
        return q;
    }

    static Quantity minutes(String value) {
        return new Quantity().setValue(new BigDecimal(value)).setUnit("min").setSystem(Fhir.UCUM).setCode("min");
    }

    static QuestionnaireResponse response(Questionnaire q, String minutes, String... rows) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId("answer");
        r.setQuestionnaire(q.getUrl() + "|" + q.getVersion()).setStatus(QuestionnaireResponseStatus.COMPLETED);
        r.addItem().setLinkId("minutes").setText("How long?").addAnswer().setValue(minutes(minutes));
        for (String row : rows) {
            QuestionnaireResponseItemComponent group = r.addItem().setLinkId("rows").setText("Rows");
            if (row != null) {
                group.addItem().setLinkId("what").setText("What?").addAnswer().setValue(new StringType(row));
            } else {
                group.addItem().setLinkId("what").setText("What?");
            }
        }
        return r;
    }

    static List<String> errors(List<SingleValidationMessage> messages) {
        return FhirValidation.errors(messages).stream().map(m -> m.getMessageId() + " @ " + m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    @Test
    void hapiAloneGetsTheValidCaseWrong() {
        List<String> errors = errors(VALIDATION.uncorrected(response(questionnaire(1), "25", "walk"), List.of(questionnaire(1))));
        System.out.println("HAPI alone on the valid minimal case: " + errors);
        assertThat(errors).anyMatch(e -> e.startsWith("QUESTIONNAIRE_QR_ITEM_QUANTITY_MIN")
                && e.contains("25 min") && e.contains("less than the allowed minimum of 1 min"));
        assertThat(errors).anyMatch(e -> e.startsWith("QUESTIONNAIRE_QR_ITEM_MIN_OCCURS")
                && e.contains("minimum number of answers is 1 but this has 0"));
    }

    @Test
    void theValidCaseHasNoErrorsOnceCorrected() {
        assertThat(errors(VALIDATION.validate(response(questionnaire(1), "25", "walk"), List.of(questionnaire(1))))).isEmpty();
        assertThat(errors(VALIDATION.validate(response(questionnaire(1), "1", "walk", "call"), List.of(questionnaire(1))))).isEmpty();
    }

    @Test
    void whatIsReallyWrongIsStillAnError() {
        Questionnaire q = questionnaire(2);
        assertThat(errors(VALIDATION.validate(response(q, "0.5", "walk", "call"), List.of(q))))
                .singleElement().asString().startsWith("CARRYOVER_QR_QUANTITY_MIN").contains("0.5 min is less than the allowed minimum of 1 min");
        assertThat(errors(VALIDATION.validate(response(q, "25", "walk"), List.of(q))))
                .singleElement().asString().startsWith("CARRYOVER_QR_MIN_OCCURS").contains("'rows' appears 1 time(s) but at least 2");
        assertThat(errors(VALIDATION.validate(response(q, "25", "walk", "call", "read"), List.of(q))))
                .singleElement().asString().startsWith("CARRYOVER_QR_MAX_OCCURS").contains("at most 2");
        // HAPI's own checks still run: a row without its required answer, no rows at all
        assertThat(errors(VALIDATION.validate(response(q, "25", "walk", null), List.of(q))))
                .anyMatch(e -> e.contains("what"));
        assertThat(errors(VALIDATION.validate(response(q, "25"), List.of(q)))).anyMatch(e -> e.contains("rows"));
    }
}
