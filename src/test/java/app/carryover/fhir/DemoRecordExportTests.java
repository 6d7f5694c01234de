package app.carryover.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import app.carryover.system.Actor;
import app.carryover.system.Role;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.FreshDatabase;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Every client of the demo practice exported as FHIR validates with HAPI's instance validator with
 * zero errors; the warnings (codes that cannot be checked offline) are listed in the test output,
 * not hidden. Same context as DemoModeTests (the demo practice on a fresh database).
 */
@CarryoverTest
@FreshDatabase
@TestPropertySource(properties = "carryover.demo=true")
class DemoRecordExportTests {

    static final String BASE = "https://carryover.example/fhir/r4";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordExport export;
    @Autowired
    FhirValidation validation;
    @Autowired
    FhirContext fhir;

    record Reader(Actor actor, UUID clientId, String name) {
    }

    List<Reader> primaryClinicians() {
        return jdbc.sql("""
                SELECT a.practice_id, a.id, a.email, a.display_name, c.id, c.display_name
                FROM care_team_member t JOIN account a ON a.practice_id = t.practice_id AND a.id = t.clinician_id
                JOIN client c ON c.practice_id = t.practice_id AND c.id = t.client_id
                WHERE t.team_role = 'PRIMARY' ORDER BY c.display_name""")
                .query((rs, n) -> new Reader(new Actor(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), EnumSet.of(Role.CLINICIAN), null, false), rs.getObject(5, UUID.class), rs.getString(6)))
                .list();
    }

    @Test
    void everyDemoClientsRecordValidatesWithZeroErrors() {
        List<Reader> readers = primaryClinicians();
        assertThat(readers).hasSize(6);
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Reader reader : readers) {
            Bundle bundle = export.export(reader.actor(), reader.clientId(), BASE);
            String json = fhir.newJsonParser().encodeResourceToString(bundle);
            Bundle parsed = fhir.newJsonParser().parseResource(Bundle.class, json);
            List<Questionnaire> questionnaires = parsed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast).toList();
            List<SingleValidationMessage> messages = validation.validate(parsed, questionnaires);
            assertThat(messages).as("every response is checked against its questionnaire")
                    .noneMatch(m -> "QUESTIONNAIRE_QR_Q_NOTFOUND".equals(m.getMessageId()));
            for (SingleValidationMessage m : messages) {
                if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                    errors.add(reader.name() + ": " + m.getLocationString() + ": " + m.getMessage());
                    System.out.println("FHIR validation ERROR " + errors.get(errors.size() - 1));
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings.merge(m.getMessage().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
                }
            }
            Map<String, Long> types = parsed.getEntry().stream()
                    .collect(Collectors.groupingBy(e -> e.getResource().fhirType(), TreeMap::new, Collectors.counting()));
            System.out.println("FHIR export of " + reader.name() + ": " + types);
            assertThat(types).containsKeys("Patient", "Goal", "Encounter", "CarePlan", "ServiceRequest", "Task",
                    "Questionnaire", "QuestionnaireResponse", "Observation");
        }
        warnings.forEach((m, n) -> System.out.println("FHIR validation warning x" + n + ": " + m));
        assertThat(errors).isEmpty();
    }

    @Test
    void everyReferenceInTheBundleResolvesInsideIt() {
        for (Reader reader : primaryClinicians()) {
            Bundle bundle = export.export(reader.actor(), reader.clientId(), BASE);
            java.util.Set<String> present = bundle.getEntry().stream()
                    .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                    .collect(Collectors.toSet());
            String json = fhir.newJsonParser().encodeResourceToString(bundle);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"reference\":\"([^\"]+)\"").matcher(json);
            while (m.find()) {
                assertThat(present).as(reader.name()).contains(m.group(1));
            }
            Resource patient = bundle.getEntryFirstRep().getResource();
            assertThat(patient.fhirType()).isEqualTo("Patient");
            assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(BASE + "/Patient/" + reader.clientId());
        }
    }
}
