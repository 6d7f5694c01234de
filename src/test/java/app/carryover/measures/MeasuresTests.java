package app.carryover.measures;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.caseload.Caseload;
import app.carryover.homework.Assignments;
import app.carryover.practice.Practices;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Questionnaires from a schedule to a score, through the pages and the API as the client and the
 * clinician use them, against the real database. The client is in Europe/London.
 */
@CarryoverTest
class MeasuresTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sessions sessions;
    @Autowired
    MeasureSchedules schedules;
    @Autowired
    Measures measures;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    WebSession client;
    WebSession clinician;

    @BeforeEach
    void aClientAndTheirClinicianSignedIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        practice = clinic.practice();
        clientId = practice.client().clientId();
        client = clinic.signIn(practice.client());
        clinician = clinic.signIn(practice.clinician());
    }

    String page(WebSession web, MockHttpServletRequestBuilder request) throws Exception {
        return web.perform(request).getResponse().getContentAsString();
    }

    MockHttpServletRequestBuilder phq9(String submissionId, Integer... answers) {
        MockHttpServletRequestBuilder request = post("/today/measures/PHQ9").param("submissionId", submissionId);
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null) {
                request.param("item" + (i + 1), String.valueOf(answers[i]));
            }
        }
        return request;
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM measure_administration WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), clientId).query(Long.class).single();
    }

    @Test
    void aQuestionnaireScheduledBeforeEverySessionIsDueOnTodayAndClosesWhenAnswered() throws Exception {
        TherapySession session = sessions.schedule(practice.clinician().actor(), clientId,
                LocalDateTime.of(2026, 3, 5, 17, 0), 50);
        clinician.perform(post("/clients/" + clientId + "/measure-schedules").param("instrument", "PHQ9")
                .param("kind", "BEFORE_EACH_SESSION"));

        String today = page(client, get("/today"));
        assertThat(today).contains("PHQ-9").contains("Questionnaire before your session on Thursday 5 March 2026 at 17:00")
                .contains("9 questions, about 2 minutes.");

        String form = page(client, get("/today/measures/PHQ9").param("sessionId", session.id().toString()));
        assertThat(form).contains("Over the last 2 weeks, how often have you been bothered by any of the following problems?")
                .contains("Thoughts that you would be better off dead or of hurting yourself in some way")
                .contains("More than half the days");

        String thanks = page(client, phq9(UUID.randomUUID().toString(), 1, 1, 2, 1, 0, 1, 1, 1, 0, 1)
                .param("sessionId", session.id().toString()));
        assertThat(thanks).contains("Your PHQ-9 score today is 8 out of 27 (mild).").doesNotContain("get help now");
        assertThat(page(client, get("/today"))).doesNotContain("Questionnaire before your session");
        assertThat(jdbc.sql("SELECT session_id FROM measure_administration WHERE practice_id = ?").param(practice.id())
                .query(UUID.class).single()).isEqualTo(session.id());

        String measuresPage = page(clinician, get("/clients/" + clientId + "/measures"));
        assertThat(measuresPage).contains("8 of 27 · mild").contains("answered by the client")
                .contains("PHQ-9 8: the first score").contains("before every session");
    }

    @Test
    void aRetriedSubmissionIsStoredOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        page(client, phq9(id, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        String again = page(client, phq9(id, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(again).contains("You had already sent these answers; they were kept once.");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void partialOrOutOfRangeAnswersAreRefusedByFieldKeepingWhatWasChosenAndNothingIsStored() throws Exception {
        MvcResult result = client.perform(phq9(UUID.randomUUID().toString(), 7, 3, null, 1, 1, 1, 1, 1, 0));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("Not sent yet").contains("question 1 takes an answer from 0 to 3")
                .contains("question 3 needs an answer").contains("id=\"item2-3\" name=\"item2\" value=\"3\" checked");
        assertThat(stored()).isZero();

        MvcResult api = client.perform(post("/api/v1/me/measures").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrument\":\"GAD7\",\"submissionId\":\"" + UUID.randomUUID()
                        + "\",\"answers\":[1,1,1,1,1,1,null,null]}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentAsString()).contains("\"field\":\"item7\"");
        assertThat(stored()).isZero();
    }

    @Test
    void aRiskAnswerShowsTheCrisisContactsAtOnce() throws Exception {
        String thanks = page(client, phq9(UUID.randomUUID().toString(), 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(thanks).contains("role=\"alert\"").contains("If you are in danger, get help now")
                .contains(Practices.DEFAULT_EMERGENCY.substring(0, 60));
        assertThat(thanks.indexOf("get help now")).isLessThan(thanks.indexOf("<h1>Thank you</h1>"));
    }

    @Test
    void aDischargedClientCannotAnswerAndNothingIsDue() throws Exception {
        clinician.perform(post("/api/v1/clients/" + clientId + "/measure-schedules").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrument\":\"GAD7\",\"kind\":\"EVERY_N_WEEKS\",\"intervalWeeks\":2}"));
        assertThat(page(client, get("/api/v1/me/measures/due"))).contains("\"instrument\":\"GAD7\"");
        context.getBean(Caseload.class).discharge(practice.clinician().actor(), clientId, "finished");
        MvcResult result = client.perform(post("/api/v1/me/measures").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrument\":\"GAD7\",\"submissionId\":\"" + UUID.randomUUID()
                        + "\",\"answers\":[1,1,1,1,1,1,1,null]}"));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString()).contains("Your care with this practice has ended");
        assertThat(stored()).isZero();
        assertThat(schedules.dueOf(context.getBean(app.carryover.caseload.ClientAccess.class)
                .read(practice.clinician().actor(), clientId, "test"), clock.instant())).isEmpty();
    }

    @Test
    void aScheduleInThePastOrWithoutAnIntervalIsRefusedByField() throws Exception {
        MvcResult past = clinician.perform(post("/api/v1/clients/" + clientId + "/measure-schedules")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrument\":\"PHQ9\",\"kind\":\"EVERY_N_WEEKS\",\"startsOn\":\"2026-03-02\"}"));
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(past.getResponse().getContentAsString()).contains("\"field\":\"startsOn\"")
                .contains("is in the past; a schedule starts today (3 March 2026) or later")
                .contains("\"field\":\"intervalWeeks\"");
        MvcResult page = clinician.perform(post("/clients/" + clientId + "/measure-schedules").param("instrument", "PHQ9")
                .param("kind", "EVERY_N_WEEKS").param("intervalWeeks", "2").param("startsOn", "2025-12-01"));
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains("From: is in the past").contains("value=\"2025-12-01\"");
        assertThat(jdbc.sql("SELECT count(*) FROM measure_schedule WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPracticeAddsASingleRatingWithoutCodeAndAnEmptyScaleIsRefused() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        MvcResult empty = admin.perform(post("/admin/measures").param("name", "SUDS").param("question", "How upset are you?")
                .param("min", "10").param("max", "10").param("minLabel", "calm").param("maxLabel", "worst"));
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(empty.getResponse().getContentAsString()).contains("must be above the lowest answer, or the scale is empty")
                .contains("value=\"How upset are you?\"");
        MvcResult noLabels = admin.perform(post("/api/v1/practice/custom-measures").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Sleep\",\"question\":\"Hours slept?\",\"min\":0,\"max\":24}"));
        assertThat(noLabels.getResponse().getStatus()).isEqualTo(400);
        assertThat(noLabels.getResponse().getContentAsString()).contains("\"field\":\"minLabel\"").contains("\"field\":\"maxLabel\"");

        admin.perform(post("/admin/measures").param("name", "SUDS").param("question", "How upset are you right now?")
                .param("min", "0").param("max", "100").param("minLabel", "completely calm").param("maxLabel", "the worst ever")
                .param("higherIsWorse", "true").param("riskAt", "95"));
        assertThat(page(admin, get("/admin/measures"))).contains("SUDS").contains("a risk alert at 95 or more");
        String key = jdbc.sql("SELECT id::text FROM custom_measure WHERE practice_id = ?").param(practice.id())
                .query(String.class).single();

        String form = page(client, get("/today/measures/" + key));
        assertThat(form).contains("How upset are you right now?").contains("0 = completely calm").contains("inputmode=\"numeric\"");
        String thanks = page(client, post("/today/measures/" + key).param("submissionId", UUID.randomUUID().toString())
                .param("item1", "40"));
        assertThat(thanks).contains("Saved: SUDS 40 (0–100).");
        MvcResult tooHigh = client.perform(post("/today/measures/" + key).param("submissionId", UUID.randomUUID().toString())
                .param("item1", "140"));
        assertThat(tooHigh.getResponse().getStatus()).isEqualTo(400);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aClinicianGivesOneInSessionAndTheMissingItemRuleDecidesTheTotal() throws Exception {
        clinician.perform(post("/clients/" + clientId + "/measures/PHQ9").param("submissionId", UUID.randomUUID().toString())
                .param("item1", "2").param("item2", "2").param("item3", "2").param("item4", "2").param("item5", "1")
                .param("item6", "1").param("item7", "1").param("item8", "1").param("item9", ""));
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        clinician.perform(post("/clients/" + clientId + "/measures/PHQ9").param("submissionId", UUID.randomUUID().toString())
                .param("item1", "2").param("item2", "2").param("item3", "2")
                .param("item6", "1").param("item7", "1").param("item8", "1").param("item9", "0"));
        String page = page(clinician, get("/clients/" + clientId + "/measures"));
        assertThat(page).contains("14 of 27, prorated · moderate").contains("no total (2 unanswered)")
                .contains("given in session").contains("9. Thoughts that you would be better off dead or of hurting "
                        + "yourself in some way: not answered");
        MvcResult supervisor = clinic.signIn(practice.supervisor())
                .perform(post("/clients/" + clientId + "/measures/GAD7").param("submissionId", UUID.randomUUID().toString())
                        .param("item1", "1"));
        assertThat(supervisor.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void homeworkIsRatedByBothButTheClientNeverSeesTheClinicianRating() throws Exception {
        UUID assignment = context.getBean(Assignments.class).compose(practice.clinician().actor(), clientId,
                draft("Evening walk", "Walk for 20 minutes after dinner.").rationale("To lift mood.")
                        .starting(LocalDate.of(2026, 3, 3)).difficulty(2).build()).id();
        MvcResult partial = client.perform(post("/today/assignments/" + assignment + "/rating")
                .param("submissionId", UUID.randomUUID().toString()).param("item1", "3"));
        assertThat(partial.getResponse().getStatus()).isEqualTo(400);
        assertThat(partial.getResponse().getContentAsString()).contains("question 2 needs an answer");
        client.perform(post("/today/assignments/" + assignment + "/rating").param("submissionId", UUID.randomUUID().toString())
                .param("item1", "3").param("item2", "2").param("item3", "4").param("item4", "1"));
        clinician.perform(post("/clients/" + clientId + "/assignments/" + assignment + "/rating")
                .param("submissionId", UUID.randomUUID().toString()).param("item1", "3").param("item2", "3")
                .param("item3", "3").param("item4", "2"));

        String mine = page(client, get("/api/v1/me/measures"));
        assertThat(mine).contains("\"instrument\":\"HOMEWORK_CLIENT\"").doesNotContain("HOMEWORK_CLINICIAN");
        assertThat(page(clinician, get("/api/v1/clients/" + clientId + "/measures")))
                .contains("\"instrument\":\"HOMEWORK_CLIENT\"").contains("\"instrument\":\"HOMEWORK_CLINICIAN\"");
        assertThat(page(clinician, get("/clients/" + clientId + "/measures")))
                .contains("amount 3, quality 3, usefulness 3, difficulty 2");
        UUID other = context.getBean(Assignments.class).compose(practice.otherClinician().actor(),
                practice.otherClient().clientId(), draft("Walk", "Walk.").rationale("Mood.")
                        .starting(LocalDate.of(2026, 3, 3)).difficulty(2).build()).id();
        assertThat(client.perform(get("/today/assignments/" + other + "/rating")).getResponse().getStatus()).isEqualTo(404);
    }
}
