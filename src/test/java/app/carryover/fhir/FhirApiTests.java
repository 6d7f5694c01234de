package app.carryover.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.PracticeLog;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import ca.uhn.fhir.context.FhirContext;

/**
 * The FHIR read API as an integrator meets it, with curl's equivalent: an API token, the
 * CapabilityStatement, $everything, search by patient with _lastUpdated and paging, reads by id,
 * the care-team rule, and OperationOutcomes for bad input.
 */
@CarryoverTest
class FhirApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    FhirContext fhir;
    @Autowired
    FhirValidation validation;
    @Autowired
    JdbcClient jdbc;

    TestPractice practice;
    WebSession clinician;
    String token;
    UUID client;
    UUID goal;
    UUID moodAssignment;
    UUID walkAssignment;

    @BeforeEach
    void record() throws Exception {
        practice = Fixtures.practice(context);
        client = practice.client().clientId();
        clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        clock.advance(Duration.ofSeconds(31));
        token = WebSession.apiTokenIn(clinician.createApiToken(practice.clinician(), clock, "EHR pull", true)
                .getResponse().getContentAsString());
        var actor = practice.clinician().actor();
        goal = context.getBean(Goals.class).create(actor, client, new GoalDraft("Feel less low most days", "For my kids",
                GoalTarget.Kind.MEASURE, Measure.PHQ9, GoalTarget.Comparator.BELOW, new BigDecimal("10"), null,
                new BigDecimal("17"), null)).id();
        Sessions sessions = context.getBean(Sessions.class);
        LocalDateTime earlier = clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDateTime().minusHours(3)
                .withSecond(0).withNano(0);
        UUID session = sessions.schedule(actor, client, earlier, 50).id();
        sessions.setStatus(actor, client, session, SessionStatus.HELD);
        Assignments assignments = context.getBean(Assignments.class);
        moodAssignment = assignments.compose(actor, client, new AssignmentDraft("Mood tracker", "Fill in the mood tracker each evening.",
                "To see how mood moves with the day.", false, List.of(goal), session, "mood-tracker", Dose.perDay(1),
                null, null, 3, null)).id();
        walkAssignment = assignments.compose(actor, client, new AssignmentDraft("Walk after lunch", "Walk for ten minutes after lunch.",
                null, false, List.of(goal), session, null, new Dose(Dose.Kind.PER_WEEK, 3, null, "after lunch", null),
                null, null, 2, null)).id();
        context.getBean(app.carryover.measures.Measures.class).administer(actor, client, "PHQ9",
                new app.carryover.measures.Measures.AnswerInput(UUID.randomUUID(), List.of(2, 2, 1, 1, 2, 1, 1, 1, 0, 1), session));
        PracticeLog log = context.getBean(PracticeLog.class);
        log.log(practice.client().actor(), moodAssignment, new EntryInput(UUID.randomUUID(), null, null, null,
                "{\"mood\":4,\"anxiety\":6}"));
        log.log(practice.client().actor(), walkAssignment, new EntryInput(UUID.randomUUID(), null, 7, "sunny", null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MockHttpServletResponse call(String path, String bearer) throws Exception {
        var request = get(path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    <T extends Resource> T parse(Class<T> type, MockHttpServletResponse response) throws Exception {
        return fhir.newJsonParser().parseResource(type, response.getContentAsString());
    }

    @Test
    void metadataSaysWhatTheServerServesWithoutSigningIn() throws Exception {
        MockHttpServletResponse response = call("/fhir/r4/metadata", null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        CapabilityStatement cs = parse(CapabilityStatement.class, response);
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Goal", "CarePlan", "ServiceRequest", "Task", "QuestionnaireResponse", "Observation");
        assertThat(FhirValidation.errors(validation.validate(cs, List.of()))).isEmpty();
    }

    @Test
    void everythingWithATokenIsTheWholeRecordAndValidates() throws Exception {
        MockHttpServletResponse response = call("/fhir/r4/Patient/" + client + "/$everything", token);
        assertThat(response.getStatus()).isEqualTo(200);
        Bundle bundle = parse(Bundle.class, response);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Goal", "Encounter", "CarePlan", "ServiceRequest", "Task", "Questionnaire",
                        "QuestionnaireResponse", "Observation");
        assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
        List<QuestionnaireResponse> responses = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast).toList();
        assertThat(responses).hasSize(3);
        org.hl7.fhir.r4.model.Observation phq9 = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.Observation.class::isInstance).map(org.hl7.fhir.r4.model.Observation.class::cast)
                .filter(o -> o.getCode().getCodingFirstRep().getCode() != null && o.getCode().getCodingFirstRep().getCode().equals("44261-6"))
                .findFirst().orElseThrow();
        assertThat(phq9.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        assertThat(phq9.getValueIntegerType().getValue()).isEqualTo(11);
        assertThat(phq9.getDerivedFromFirstRep().getReference()).startsWith("QuestionnaireResponse/");
        QuestionnaireResponse mood = responses.stream().filter(r -> r.getQuestionnaire().contains("mood-tracker")).findFirst().orElseThrow();
        assertThat(mood.getItem()).extracting(i -> i.getLinkId() + "=" + i.getAnswerFirstRep().getValue().primitiveValue())
                .containsExactly("mood=4", "anxiety=6");
        List<Questionnaire> questionnaires = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast).toList();
        List<ca.uhn.fhir.validation.SingleValidationMessage> messages = validation.validate(bundle, questionnaires);
        assertThat(FhirValidation.errors(messages)).isEmpty();
        assertThat(messages).as("every response is checked against its questionnaire")
                .noneMatch(m -> "QUESTIONNAIRE_QR_Q_NOTFOUND".equals(m.getMessageId()));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE client_id = ? AND action = 'READ' AND detail LIKE '%$everything%'")
                .param(client).query(Long.class).single()).as("the read is audited, naming the call").isOne();
    }

    @Test
    void searchByPatientPullsOnlyWhatChangedSinceTheLastPull() throws Exception {
        String path = "/fhir/r4/QuestionnaireResponse?patient=Patient/" + client;
        Bundle first = parse(Bundle.class, call(path, token));
        assertThat(first.getTotal()).as("two entries and the PHQ-9").isEqualTo(3);
        clock.advance(Duration.ofHours(20));
        Instant lastPull = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        context.getBean(PracticeLog.class).log(practice.client().actor(), walkAssignment,
                new EntryInput(UUID.randomUUID(), null, 8, "with a friend", null));
        clock.advance(Duration.ofMinutes(5));
        Bundle changed = parse(Bundle.class, call(path + "&_lastUpdated=gt" + lastPull, token));
        assertThat(changed.getTotal()).isEqualTo(1);
        QuestionnaireResponse only = (QuestionnaireResponse) changed.getEntryFirstRep().getResource();
        assertThat(only.getItem()).extracting(i -> i.getAnswerFirstRep().getValue().primitiveValue()).containsExactly("8", "with a friend");
        Bundle observations = parse(Bundle.class, call("/fhir/r4/Observation?patient=" + client + "&_lastUpdated=gt" + lastPull, token));
        assertThat(observations.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .as("the walk's adherence changed with the new entry").contains(Fhir.derivedId("adherence", walkAssignment.toString()));
        assertThat(parse(Bundle.class, call("/fhir/r4/Goal?patient=" + client + "&_lastUpdated=gt" + lastPull, token)).getTotal())
                .as("the goal did not change").isZero();
        Bundle since = parse(Bundle.class, call("/fhir/r4/Patient/" + client + "/$everything?_since=" + lastPull, token));
        assertThat(since.getEntry()).extracting(e -> e.getResource().fhirType()).doesNotContain("Goal", "Encounter", "Patient")
                .contains("QuestionnaireResponse", "Observation");
    }

    @Test
    void searchWithoutAPatientCoversTheCallersCaseload() throws Exception {
        Bundle goals = parse(Bundle.class, call("/fhir/r4/Goal", token));
        assertThat(goals.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(goal.toString());
    }

    @Test
    void searchPagesWithNextLinks() throws Exception {
        Bundle page = parse(Bundle.class, call("/fhir/r4/QuestionnaireResponse?patient=" + client + "&_count=2", token));
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getEntry()).hasSize(2);
        String next = page.getLink("next").getUrl();
        assertThat(next).contains("_offset=2");
        Bundle second = parse(Bundle.class, call(next.substring(next.indexOf("/fhir/r4")), token));
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
        assertThat(page.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .doesNotContain(second.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void readsByIdFindResourcesNotServedBefore() throws Exception {
        MockHttpServletResponse response = call("/fhir/r4/ServiceRequest/" + walkAssignment, token);
        assertThat(response.getStatus()).isEqualTo(200);
        var request = parse(org.hl7.fhir.r4.model.ServiceRequest.class, response);
        assertThat(request.getCode().getText()).isEqualTo("Walk after lunch");
        assertThat(request.getOccurrenceTiming().getRepeat().getFrequency()).isEqualTo(3);
        assertThat(request.getOccurrenceTiming().getRepeat().getPeriodUnit().toCode()).isEqualTo("wk");
        var goalRead = parse(org.hl7.fhir.r4.model.Goal.class, call("/fhir/r4/Goal/" + goal, token));
        assertThat(goalRead.getTargetFirstRep().getMeasure().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(goalRead.getTargetFirstRep().getDetailQuantity().getComparator().toCode()).isEqualTo("<");
        assertThat(call("/fhir/r4/Goal/" + UUID.randomUUID(), token).getStatus()).isEqualTo(404);
    }

    @Test
    void anotherClinicianSeesNoSuchPatient() throws Exception {
        WebSession other = WebSession.signIn(mvc, practice.otherClinician(), clock);
        clock.advance(Duration.ofSeconds(31));
        String otherToken = WebSession.apiTokenIn(other.createApiToken(practice.otherClinician(), clock, "Other EHR", true)
                .getResponse().getContentAsString());
        MockHttpServletResponse response = call("/fhir/r4/Patient/" + client + "/$everything", otherToken);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(parse(OperationOutcome.class, response).getIssueFirstRep().getCode().toCode()).isEqualTo("not-found");
        assertThat(call("/fhir/r4/Goal/" + goal, otherToken).getStatus()).isEqualTo(404);
        assertThat(call("/fhir/r4/QuestionnaireResponse?patient=" + client, otherToken).getStatus()).isEqualTo(404);
    }

    @Test
    void aQuestionnaireImportsAsACustomWorksheetOrNotAtAll() throws Exception {
        var library = context.getBean(app.carryover.worksheets.WorksheetLibrary.class);
        int before = library.available(practice.clinician().actor()).size();
        String good = """
                {"resourceType":"Questionnaire","status":"active","title":"Panic diary","item":[
                  {"linkId":"when","text":"When did it start?","type":"time","required":true},
                  {"linkId":"peak","text":"How strong at its peak?","type":"integer",
                   "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                                {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}]},
                  {"linkId":"where","text":"Where were you?","type":"choice","answerOption":[
                    {"valueCoding":{"code":"home","display":"At home"}},{"valueString":"On the bus"}]}]}""";
        MockHttpServletResponse created = clinician.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/fhir/r4/Questionnaire").contentType("application/fhir+json").content(good)).getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        Questionnaire stored = parse(Questionnaire.class, created);
        assertThat(stored.getUrl()).contains("/practices/" + practice.id() + "/Questionnaire/");
        assertThat(stored.getItem()).extracting(i -> i.getLinkId() + ":" + i.getType().toCode())
                .containsExactly("when:time", "peak:integer", "where:choice");
        assertThat(stored.getItem().get(2).getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("home", "on_the_bus");
        assertThat(created.getHeader("Location")).endsWith("/fhir/r4/Questionnaire/" + stored.getIdElement().getIdPart());
        assertThat(library.available(practice.clinician().actor())).hasSize(before + 1)
                .anySatisfy(w -> assertThat(w.title()).isEqualTo("Panic diary"));

        String bad = good.replace("\"type\":\"time\"", "\"type\":\"attachment\"");
        MockHttpServletResponse refused = clinician.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/fhir/r4/Questionnaire").contentType("application/fhir+json").content(bad)).getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(parse(OperationOutcome.class, refused).getIssueFirstRep().getDiagnostics())
                .contains("item[0] (linkId 'when'): type 'attachment' is not supported");
        MockHttpServletResponse notJson = clinician.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/fhir/r4/Questionnaire").contentType("application/fhir+json").content("{\"resourceType\":")).getResponse();
        assertThat(notJson.getStatus()).isEqualTo(400);
        assertThat(parse(OperationOutcome.class, notJson).getIssueFirstRep().getDiagnostics()).contains("is not a FHIR R4 resource in JSON");
        MockHttpServletResponse patient = clinician.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/fhir/r4/Questionnaire").contentType("application/fhir+json").content("{\"resourceType\":\"Patient\"}")).getResponse();
        assertThat(parse(OperationOutcome.class, patient).getIssueFirstRep().getDiagnostics()).contains("must be Questionnaire, not Patient");
        assertThat(library.available(practice.clinician().actor())).as("nothing half-imported").hasSize(before + 1);
    }

    @Test
    void csvExportsFollowTheDictionaryAndNeutraliseFormulas() throws Exception {
        context.getBean(PracticeLog.class).log(practice.client().actor(), walkAssignment,
                new EntryInput(UUID.randomUUID(), null, 5, "=HYPERLINK(\"http://evil.example\",\"x\")", null));
        MockHttpServletResponse entries = call("/api/v1/clients/" + client + "/export/entries.csv", token);
        assertThat(entries.getStatus()).isEqualTo(200);
        assertThat(entries.getContentType()).startsWith("text/csv");
        assertThat(entries.getHeader("Content-Disposition")).contains("entries-" + client + ".csv");
        String body = entries.getContentAsString();
        System.out.println("entries.csv:\n" + body);
        String[] lines = body.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExports.ENTRY_COLUMNS));
        assertThat(lines).hasSize(4);
        assertThat(body).as("the typed formula is shown as text").contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")
                .doesNotContain(",=HYPERLINK").contains(",sunny,").contains(",quick_log,").contains(",worksheet,mood-tracker,1,");
        String adherence = call("/api/v1/clients/" + client + "/export/adherence.csv", token).getContentAsString();
        System.out.println("adherence.csv:\n" + adherence);
        assertThat(adherence.split("\r\n")).hasSize(3);
        assertThat(adherence).startsWith(String.join(",", CsvExports.ADHERENCE_COLUMNS)).contains("Walk after lunch")
                .contains("\"3 times a week, after lunch\"").contains(",0.43,1,2,100,").doesNotContain("E+");
        String measures = call("/api/v1/clients/" + client + "/export/measures.csv", token).getContentAsString();
        System.out.println("measures.csv:\n" + measures);
        assertThat(measures.split("\r\n")).hasSize(2);
        assertThat(measures.split("\r\n")[1]).contains(",PHQ9,PHQ-9,").contains(",11,").endsWith(",2 2 1 1 2 1 1 1 0 1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE client_id = ? AND action = 'EXPORT' AND subject LIKE 'CSV %'")
                .param(client).query(Long.class).single()).as("each download audited").isEqualTo(3);
        MockHttpServletResponse other = call("/api/v1/clients/" + practice.otherClient().clientId() + "/export/entries.csv", token);
        assertThat(other.getStatus()).as("another clinician's client").isEqualTo(404);
    }

    @Test
    void badInputGetsAnOperationOutcomeNamingIt() throws Exception {
        MockHttpServletResponse unknownParam = call("/fhir/r4/Observation?patient=" + client + "&code=44261-6", token);
        assertThat(unknownParam.getStatus()).isEqualTo(400);
        OperationOutcome outcome = parse(OperationOutcome.class, unknownParam);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("code is not a supported search parameter");
        MockHttpServletResponse badDate = call("/fhir/r4/Task?patient=" + client + "&_lastUpdated=gtyesterday", token);
        assertThat(badDate.getStatus()).isEqualTo(400);
        assertThat(parse(OperationOutcome.class, badDate).getIssueFirstRep().getDiagnostics()).contains("_lastUpdated must be a date");
        MockHttpServletResponse badPatient = call("/fhir/r4/Task?patient=Group/1", token);
        assertThat(badPatient.getStatus()).isEqualTo(400);
        assertThat(parse(OperationOutcome.class, badPatient).getIssueFirstRep().getDiagnostics())
                .contains("patient must be a Patient id or reference");
        MockHttpServletResponse unknownType = call("/fhir/r4/Medication?patient=" + client, token);
        assertThat(unknownType.getStatus()).isEqualTo(404);
        assertThat(parse(OperationOutcome.class, unknownType).getIssueFirstRep().getDiagnostics()).contains("'Medication'");
        assertThat(call("/fhir/r4/Patient/not-a-uuid", token).getStatus()).isEqualTo(404);
        assertThat(call("/fhir/r4/QuestionnaireResponse?patient=" + client + "&_count=5000", token).getStatus()).isEqualTo(400);
        MockHttpServletResponse noToken = call("/fhir/r4/Patient/" + client, null);
        assertThat(noToken.getStatus()).isEqualTo(401);
        assertThat(call("/fhir/r4/Patient/" + client, "co_not-a-real-token").getStatus()).isEqualTo(401);
    }
}
