package app.carryover.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator (the official FHIR validator's engine) over the R4 core profiles and
 * terminology that ship in the jars, offline: code systems that are not shipped (LOINC, SDC's
 * temporary codes) are reported as warnings that they could not be checked, never as passes.
 *
 * <p>QuestionnaireResponses are checked against the Questionnaires they answer (given with each
 * call, found by canonical URL through {@link QuestionnaireSupport}). Two of HAPI's checks there are
 * wrong in the version we use (org.hl7.fhir.validation 6.7.9, from HAPI 8.8.1); {@link OccursCheck}
 * replaces exactly those messages with a correct check of the same rules, and nothing else is
 * touched (docs/fhir.md, "Validation"):
 * <ul>
 * <li>{@code sdc-questionnaire-minQuantity} with the answer's own unit is compared the wrong way
 * round (25 min "is less than the allowed minimum of 1 min"): hapifhir/org.hl7.fhir.core#2374, fixed
 * in 6.9.7;</li>
 * <li>{@code questionnaire-minOccurs}/{@code maxOccurs} count the answers inside each repetition of
 * a group (always 0) instead of its repetitions, and are off by one for questions
 * (hapifhir/org.hl7.fhir.core#2314, open).</li>
 * </ul>
 *
 * <p>One validator, built on first use (loading the profiles takes seconds), so its chain's cache
 * of code checks is shared: HAPI parses the whole UCUM table for every unit it has not seen. A
 * worksheet version never changes, so the Questionnaires it has been given stay true.
 */
@Component
public class FhirValidation {

    /** The HAPI message ids {@link OccursCheck} re-checks correctly. */
    static final Set<String> REPLACED = Set.of("QUESTIONNAIRE_QR_ITEM_QUANTITY_MIN", "QUESTIONNAIRE_QR_ITEM_MIN_OCCURS",
            "QUESTIONNAIRE_QR_ITEM_MAX_OCCURS");

    private final FhirContext fhir;
    private volatile Validator validator;

    private record Validator(FhirValidator validator, QuestionnaireSupport questionnaires) {
    }

    FhirValidation(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Every message about a resource; {@code questionnaires} let responses be checked against the questions they answer. */
    public List<SingleValidationMessage> validate(IBaseResource resource, Collection<Questionnaire> questionnaires) {
        List<SingleValidationMessage> messages = new ArrayList<>(uncorrected(resource, questionnaires).stream()
                .filter(m -> m.getMessageId() == null || !REPLACED.contains(m.getMessageId())).toList());
        messages.addAll(new OccursCheck(validator().questionnaires()).check(resource));
        return messages;
    }

    /** HAPI's messages as they come, for the tests that pin down its known faults. */
    List<SingleValidationMessage> uncorrected(IBaseResource resource, Collection<Questionnaire> questionnaires) {
        Validator v = validator();
        questionnaires.forEach(v.questionnaires()::add);
        return v.validator().validateWithResult(resource).getMessages();
    }

    public static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
        return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
    }

    private Validator validator() {
        Validator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    QuestionnaireSupport questionnaires = new QuestionnaireSupport(fhir);
                    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                            questionnaires, new SnapshotGeneratingValidationSupport(fhir),
                            new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
                    validator = new Validator(fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain)),
                            questionnaires);
                }
                v = validator;
            }
        }
        return v;
    }
}
