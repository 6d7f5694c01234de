package app.carryover.fhir;

import java.util.Collection;
import java.util.List;

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
 * <p>One validator, built on first use (loading the profiles takes seconds), so its chain's cache
 * of code checks is shared: HAPI parses the whole UCUM table for every unit it has not seen. The
 * Questionnaires a response is checked against are added to it as they come; a worksheet version
 * never changes, so what it knows stays true.
 */
@Component
public class FhirValidation {

    private final FhirContext fhir;
    private volatile Validator validator;

    private record Validator(FhirValidator validator, QuestionnaireSupport questionnaires) {
    }

    FhirValidation(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Every message about a resource; {@code questionnaires} let responses be checked against the questions they answer. */
    public List<SingleValidationMessage> validate(IBaseResource resource, Collection<Questionnaire> questionnaires) {
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
                    // The questionnaires are kept but not yet put in the chain: with them, HAPI 8.8.1 checks each
                    // response against its questions and reports two open problems (a duration of 25 min read as
                    // "below the minimum of 1 min"; required items inside group rows counted as missing), which
                    // are not solved yet (docs/fhir.md, "Validation").
                    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                            new SnapshotGeneratingValidationSupport(fhir),
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
