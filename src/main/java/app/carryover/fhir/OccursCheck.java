package app.carryover.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * The three QuestionnaireResponse rules HAPI 8.8.1 checks wrongly ({@link FhirValidation}), checked
 * as the specifications say:
 * <ul>
 * <li>{@code questionnaire-minOccurs}/{@code maxOccurs}: "the minimum [maximum] number of times the
 * group must appear, or the minimum [maximum] number of answers for a question". An item that does
 * not appear at all is left to HAPI's {@code required} check, which knows whether it is enabled.</li>
 * <li>{@code sdc-questionnaire-minQuantity}: an answer below the minimum, in the same unit, is an
 * error; one in another unit cannot be compared here and is an error too (the item's unit options
 * allow one unit).</li>
 * </ul>
 */
final class OccursCheck {

    private final QuestionnaireSupport questionnaires;
    private final List<SingleValidationMessage> messages = new ArrayList<>();

    OccursCheck(QuestionnaireSupport questionnaires) {
        this.questionnaires = questionnaires;
    }

    List<SingleValidationMessage> check(IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                if (bundle.getEntry().get(i).getResource() instanceof QuestionnaireResponse r) {
                    response(r, "Bundle.entry[" + i + "].resource");
                }
            }
        } else if (resource instanceof QuestionnaireResponse r) {
            response(r, "QuestionnaireResponse");
        }
        return messages;
    }

    private void response(QuestionnaireResponse r, String path) {
        Questionnaire q = r.hasQuestionnaire() ? questionnaires.fetchResource(Questionnaire.class, r.getQuestionnaire()) : null;
        if (q != null) {
            items(q.getItem(), r.getItem(), path);
        }
    }

    private void items(List<QuestionnaireItemComponent> questions, List<QuestionnaireResponseItemComponent> given, String path) {
        for (QuestionnaireItemComponent question : questions) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                if (question.getLinkId().equals(given.get(i).getLinkId())) {
                    at.add(i);
                }
            }
            if (at.isEmpty()) {
                continue;
            }
            String first = path + ".item[" + at.get(0) + "]";
            if (question.getType() == QuestionnaireItemType.GROUP) {
                occurs(question, at.size(), first, "The group '%s' appears %d time(s)");
                for (int i : at) {
                    items(question.getItem(), given.get(i).getItem(), path + ".item[" + i + "]");
                }
                continue;
            }
            int answers = 0;
            for (int i : at) {
                List<QuestionnaireResponseItemAnswerComponent> list = given.get(i).getAnswer();
                answers += list.size();
                for (int a = 0; a < list.size(); a++) {
                    String answerPath = path + ".item[" + i + "].answer[" + a + "]";
                    minQuantity(question, list.get(a), answerPath);
                    items(question.getItem(), list.get(a).getItem(), answerPath);
                }
            }
            if (answers > 0) {
                occurs(question, answers, first, "The item '%s' has %d answer(s)");
            }
        }
    }

    private void occurs(QuestionnaireItemComponent question, int count, String path, String what) {
        Integer min = integer(question, Fhir.EXT + "questionnaire-minOccurs");
        Integer max = integer(question, Fhir.EXT + "questionnaire-maxOccurs");
        if (min != null && count < min) {
            error(path, what.formatted(question.getLinkId(), count) + " but at least " + min + " are needed (questionnaire-minOccurs)",
                    "CARRYOVER_QR_MIN_OCCURS");
        }
        if (max != null && count > max) {
            error(path, what.formatted(question.getLinkId(), count) + " but at most " + max + " are allowed (questionnaire-maxOccurs)",
                    "CARRYOVER_QR_MAX_OCCURS");
        }
    }

    private void minQuantity(QuestionnaireItemComponent question, QuestionnaireResponseItemAnswerComponent answer, String path) {
        Extension ext = question.getExtensionByUrl(Fhir.SDC + "sdc-questionnaire-minQuantity");
        if (ext == null || !(ext.getValue() instanceof Quantity min) || !answer.hasValueQuantity()) {
            return;
        }
        Quantity value = answer.getValueQuantity();
        if (!value.hasValue()) {
            return;
        }
        if (!(min.getSystem() + "#" + min.getCode()).equals(value.getSystem() + "#" + value.getCode())) {
            error(path + ".value", "The quantity " + show(value) + " cannot be compared with the minimum " + show(min)
                    + ": another unit", "CARRYOVER_QR_QUANTITY_MIN_UNIT");
        } else if (value.getValue().compareTo(min.getValue()) < 0) {
            error(path + ".value", "The quantity " + show(value) + " is less than the allowed minimum of " + show(min),
                    "CARRYOVER_QR_QUANTITY_MIN");
        }
    }

    private static String show(Quantity q) {
        return q.getValue().toPlainString() + " " + (q.hasCode() ? q.getCode() : q.getUnit());
    }

    private static Integer integer(QuestionnaireItemComponent item, String url) {
        Extension e = item.getExtensionByUrl(url);
        return e != null && e.getValue() != null && e.getValue().isPrimitive() ? Integer.valueOf(e.getValue().primitiveValue()) : null;
    }

    private void error(String path, String text, String id) {
        SingleValidationMessage m = new SingleValidationMessage();
        m.setSeverity(ResultSeverityEnum.ERROR);
        m.setLocationString(path);
        m.setMessage(text);
        m.setMessageId(id);
        messages.add(m);
    }
}
