package app.carryover.fhir;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.homework.Assignments;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.WorksheetLibrary;
import ca.uhn.fhir.context.FhirContext;

/**
 * An EHR sends a client's filled activity schedule as a QuestionnaireResponse with an API token:
 * it becomes one entry of the client's assignment, once however often it is sent, and anything
 * wrong comes back as an OperationOutcome naming it with nothing stored.
 */
@CarryoverTest
class ResponseImportTests {

    static final String SCHEDULE = Fhir.QUESTIONNAIRES + "activity-schedule";

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
    String token;
    UUID client;
    UUID schedule;

    @BeforeEach
    void assignment(Clinic clinic) throws Exception {
        practice = clinic.practice();
        client = practice.client().clientId();
        WebSession clinician = clinic.signIn(practice.clinician());
        clock.advance(Duration.ofSeconds(31));
        token = WebSession.apiTokenIn(clinician.createApiToken(practice.clinician(), clock, "EHR push", false)
                .getResponse().getContentAsString());
        schedule = context.getBean(Assignments.class).compose(practice.clinician().actor(), client, draft("Plan the day",
                "Plan two things for each day and note how they went.").worksheet("activity-schedule").build()).id();
    }

    String response(String identifier, String subject, String questionnaire, String moodToday, String firstActivity) {
        return """
                {"resourceType":"QuestionnaireResponse","status":"completed",
                 "identifier":{"system":"https://ehr.example/responses","value":"%s"},
                 "questionnaire":"%s","subject":{"reference":"Patient/%s"},"authored":"%s",
                 "item":[
                  {"linkId":"activities","item":[
                     {"linkId":"time","answer":[{"valueTime":"09:30:00"}]},
                     {"linkId":"activity","answer":[{"valueString":"%s"}]},
                     {"linkId":"done","answer":[{"valueBoolean":true}]},
                     {"linkId":"pleasure","answer":[{"valueInteger":6}]}]},
                  {"linkId":"activities","item":[
                     {"linkId":"activity","answer":[{"valueString":"Call my sister"}]},
                     {"linkId":"done","answer":[{"valueBoolean":false}]}]},
                  {"linkId":"mood_today","answer":[%s]}]}"""
                .formatted(identifier, questionnaire, subject, Instant.now(clock).minusSeconds(60), firstActivity, moodToday);
    }

    String good(String identifier) {
        return response(identifier, client.toString(), SCHEDULE + "|1", "{\"valueInteger\":6}", "Walk to the park");
    }

    MockHttpServletResponse send(String body) throws Exception {
        return mvc.perform(post("/fhir/r4/QuestionnaireResponse").header("Authorization", "Bearer " + token)
                .contentType("application/fhir+json").content(body)).andReturn().getResponse();
    }

    long entries() {
        return jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ? AND assignment_id = ?")
                .params(practice.id(), schedule).query(Long.class).single();
    }

    String problem(MockHttpServletResponse response) throws Exception {
        OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, response.getContentAsString());
        return outcome.getIssueFirstRep().getDiagnostics();
    }

    @Test
    void aResponseBecomesOneEntryOfTheAssignmentHoweverOftenItIsSent() throws Exception {
        MockHttpServletResponse created = send(good("r-1"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        QuestionnaireResponse stored = fhir.newJsonParser().parseResource(QuestionnaireResponse.class, created.getContentAsString());
        assertThat(created.getHeader("Location")).endsWith("/fhir/r4/QuestionnaireResponse/" + stored.getIdElement().getIdPart());
        assertThat(stored.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + schedule);
        assertThat(stored.getItem()).extracting(i -> i.getLinkId()).containsExactly("activities", "activities", "mood_today");
        assertThat(stored.getItem().get(0).getItem()).extracting(i -> i.getLinkId() + "=" + i.getAnswerFirstRep().getValue().primitiveValue())
                .containsExactly("time=09:30:00", "activity=Walk to the park", "done=true", "pleasure=6");
        String answers = jdbc.sql("SELECT answers::text FROM practice_entry WHERE practice_id = ? AND id = ?::uuid")
                .params(practice.id(), stored.getIdElement().getIdPart()).query(String.class).single();
        assertThat(answers).contains("\"time\": \"09:30\"").contains("\"activity\": \"Call my sister\"").contains("\"mood_today\": 6");

        Questionnaire questionnaire = QuestionnaireExport.toQuestionnaire(
                context.getBean(WorksheetLibrary.class).get(practice.id(), "activity-schedule", 1), SCHEDULE);
        assertThat(FhirValidation.errors(validation.validate(stored, List.of(questionnaire)))).as("the stored entry as FHIR").isEmpty();

        MockHttpServletResponse again = send(good("r-1"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(fhir.newJsonParser().parseResource(QuestionnaireResponse.class, again.getContentAsString()).getIdElement().getIdPart())
                .isEqualTo(stored.getIdElement().getIdPart());
        // Carryover's own export of it, sent back, is the same entry too
        MockHttpServletResponse exported = send(fhir.newJsonParser().encodeResourceToString(stored));
        assertThat(exported.getStatus()).as(exported.getContentAsString()).isEqualTo(200);
        assertThat(entries()).isOne();

        assertThat(send(good("r-2")).getStatus()).as("another identifier is another entry").isEqualTo(201);
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void badResponsesAreRefusedByNameAndNothingIsStored() throws Exception {
        MockHttpServletResponse tooHigh = send(response("bad-1", client.toString(), SCHEDULE + "|1", "{\"valueInteger\":12}", "Walk"));
        assertThat(tooHigh.getStatus()).isEqualTo(400);
        assertThat(problem(tooHigh)).contains("answers.mood_today");

        MockHttpServletResponse noActivity = send(response("bad-2", client.toString(), SCHEDULE + "|1", "{\"valueInteger\":6}", "Walk")
                .replace("{\"linkId\":\"activity\",\"answer\":[{\"valueString\":\"Walk\"}]},", ""));
        assertThat(noActivity.getStatus()).isEqualTo(400);
        assertThat(problem(noActivity)).contains("answers.activities");

        MockHttpServletResponse wrongType = send(response("bad-3", client.toString(), SCHEDULE + "|1", "{\"valueString\":\"fine\"}", "Walk"));
        assertThat(wrongType.getStatus()).isEqualTo(400);
        assertThat(problem(wrongType)).contains("item[2].answer[0].value").contains("'mood_today' (rating) is answered with valueInteger, not string");

        MockHttpServletResponse unknownItem = send(good("bad-4").replace("\"linkId\":\"mood_today\"", "\"linkId\":\"mood\""));
        assertThat(problem(unknownItem)).contains("item[2].linkId 'mood' is not a question of this worksheet");

        MockHttpServletResponse notAssigned = send(response("bad-5", client.toString(), Fhir.QUESTIONNAIRES + "mood-tracker|1",
                "{\"valueInteger\":6}", "Walk"));
        assertThat(notAssigned.getStatus()).isEqualTo(400);
        assertThat(problem(notAssigned)).contains("no open assignment of 'mood-tracker'");

        MockHttpServletResponse foreign = send(response("bad-6", client.toString(), "https://example.org/Questionnaire/phq|1",
                "{\"valueInteger\":6}", "Walk"));
        assertThat(problem(foreign)).contains("is not a worksheet of this practice");

        MockHttpServletResponse otherVersion = send(response("bad-7", client.toString(), SCHEDULE + "|2", "{\"valueInteger\":6}", "Walk"));
        assertThat(problem(otherVersion)).contains("answers version 2").contains("uses version 1");

        MockHttpServletResponse noIdentifier = send(good("x").replaceFirst("\"identifier\":\\{[^}]*},", ""));
        assertThat(noIdentifier.getStatus()).isEqualTo(400);
        assertThat(problem(noIdentifier)).contains("identifier is required");

        UUID elsewhere = Fixtures.practice(context).client().clientId();
        MockHttpServletResponse otherPractice = send(response("bad-8", elsewhere.toString(), SCHEDULE + "|1", "{\"valueInteger\":6}", "Walk"));
        assertThat(otherPractice.getStatus()).as("another practice's client is not found").isEqualTo(404);
        MockHttpServletResponse notOnTeam = send(response("bad-9", practice.otherClient().clientId().toString(), SCHEDULE + "|1",
                "{\"valueInteger\":6}", "Walk"));
        assertThat(notOnTeam.getStatus()).as("a client of another clinician is not found").isEqualTo(404);

        MockHttpServletResponse notAResponse = send("{\"resourceType\":\"Questionnaire\",\"status\":\"active\"}");
        assertThat(problem(notAResponse)).contains("must be QuestionnaireResponse, not Questionnaire");

        assertThat(entries()).as("nothing stored").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ?").param(practice.id()).query(Long.class).single())
                .isZero();
    }
}
