package app.carryover.fhir;

import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;

import app.carryover.goals.Measure;

/** The LOINC codes of the measures' total scores, where DESIGN names one. */
final class Measures {

    private Measures() {
    }

    static Optional<Coding> loinc(Measure measure) {
        return switch (measure) {
            case PHQ9 -> Optional.of(new Coding(Fhir.LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"));
            case GAD7 -> Optional.of(new Coding(Fhir.LOINC, "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"));
            case PHQ8 -> Optional.empty();
        };
    }
}
