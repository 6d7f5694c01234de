package app.carryover.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import app.carryover.measures.Instrument;
import app.carryover.measures.MeasureAdministration;

/**
 * Measures as FHIR: each instrument given as a Questionnaire (LOINC panel and item codes where
 * Carryover holds them), each administration as a QuestionnaireResponse, and each total as an
 * Observation of category {@code survey} (LOINC 44261-6 for the PHQ-9, 70274-6 for the GAD-7)
 * derived from that response.
 */
final class MeasureResources {

    private MeasureResources() {
    }

    static String questionnaireId(Instrument i) {
        return ("measure-" + i.key()).replaceAll("[^A-Za-z0-9\\-.]", "-");
    }

    static String url(UUID practiceId, Instrument i) {
        return i.customMeasureId() == null ? Fhir.QUESTIONNAIRES + "measure-" + i.key()
                : "https://carryover.app/fhir/practices/" + practiceId + "/Questionnaire/measure-" + i.key();
    }

    private static String answerSystem(String url, Instrument.Item item) {
        return url + "/answers/" + item.number();
    }

    private static Coding answer(String url, Instrument.Item item, Instrument.Choice c) {
        return c.loinc() != null ? new Coding(Fhir.LOINC, c.loinc(), c.label())
                : new Coding(answerSystem(url, item), Integer.toString(c.value()), c.label());
    }

    static Questionnaire questionnaire(UUID practiceId, Instrument i) {
        String url = url(practiceId, i);
        Questionnaire q = new Questionnaire();
        q.setId(questionnaireId(i));
        q.setUrl(url);
        q.setVersion("1");
        q.setName("measure_" + i.key().replaceAll("[^A-Za-z0-9]", "_"));
        q.setTitle(i.title() != null ? i.title() : i.name());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        if (i.measure() != null && i.measure().loincPanel() != null) {
            q.addCode(new Coding(Fhir.LOINC, i.measure().loincPanel(), i.name()));
        }
        if (i.stem() != null) {
            q.setDescription(i.stem());
        }
        for (Instrument.Item item : i.items()) {
            var qi = q.addItem().setLinkId(item.field()).setText(item.text());
            if (item.loinc() != null) {
                qi.addCode(new Coding(Fhir.LOINC, item.loinc(), null));
            }
            if (item.isRating()) {
                qi.setType(QuestionnaireItemType.INTEGER);
                qi.addExtension(Fhir.EXT + "minValue", new IntegerType(item.min()));
                qi.addExtension(Fhir.EXT + "maxValue", new IntegerType(item.max()));
            } else {
                qi.setType(QuestionnaireItemType.CHOICE);
                item.choices().forEach(c -> qi.addAnswerOption().setValue(answer(url, item, c)));
            }
        }
        return q;
    }

    /** The response and, when it has a total, the Observation of one administration. */
    static List<Resource> of(MeasureAdministration a, Instrument i, UUID practiceId, Set<UUID> sessions, Set<UUID> assignments) {
        String url = url(practiceId, i);
        String patient = "Patient/" + a.clientId();
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId(a.id().toString());
        r.setIdentifier(new Identifier().setSystem(Fhir.IDENTIFIERS + "measure-administration").setValue(a.id().toString()));
        r.setQuestionnaire(url + "|1");
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(new Reference(patient));
        r.setAuthoredElement(new DateTimeType(Date.from(a.answeredAt())));
        if (a.mode() == MeasureAdministration.Mode.SELF) {
            r.setSource(new Reference(patient));
        }
        if (a.sessionId() != null && sessions.contains(a.sessionId())) {
            r.setEncounter(new Reference("Encounter/" + a.sessionId()));
        }
        if (a.assignmentId() != null && assignments.contains(a.assignmentId())) {
            r.addBasedOn(new Reference("ServiceRequest/" + a.assignmentId()));
        }
        for (Instrument.Item item : i.items()) {
            Integer value = item.number() - 1 < a.answers().size() ? a.answers().get(item.number() - 1) : null;
            if (value == null) {
                continue;
            }
            var answer = r.addItem().setLinkId(item.field()).setText(item.text()).addAnswer();
            if (item.isRating()) {
                answer.setValue(new IntegerType(value));
            } else {
                item.choices().stream().filter(c -> c.value() == value).findFirst()
                        .ifPresent(c -> answer.setValue(answer(url, item, c)));
            }
        }
        List<Resource> out = new ArrayList<>(List.of(r));
        if (a.total() != null) {
            Observation o = new Observation();
            o.setId(a.id().toString());
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.addCategory(new CodeableConcept(new Coding(Fhir.OBSERVATION_CATEGORY, "survey", "Survey")));
            CodeableConcept code = new CodeableConcept().setText(i.name() + " total score");
            if (i.measure() != null && i.measure().loincTotal() != null) {
                code.addCoding(new Coding(Fhir.LOINC, i.measure().loincTotal(), i.name() + " total score"));
            }
            o.setCode(code);
            o.setSubject(new Reference(patient));
            o.setEffective(new DateTimeType(Date.from(a.answeredAt())));
            o.setValue(new IntegerType(a.total()));
            if (a.band() != null) {
                o.addInterpretation(new CodeableConcept().setText(a.band()));
            }
            if (a.prorated()) {
                o.addNote().setText("Prorated: one question was unanswered.");
            }
            if (r.hasEncounter()) {
                o.setEncounter(r.getEncounter());
            }
            if (r.hasBasedOn()) {
                o.addBasedOn(r.getBasedOnFirstRep());
            }
            o.addDerivedFrom(new Reference("QuestionnaireResponse/" + a.id()));
            out.add(o);
        }
        return out;
    }
}
