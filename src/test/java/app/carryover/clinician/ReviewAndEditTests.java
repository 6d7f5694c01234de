package app.carryover.clinician;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.ExposureHierarchies;
import app.carryover.homework.ExposureHierarchy;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Decisions change the task: Step up, Step down and Modify open the composer with the change filled
 * in and the review's plan beside it, and the plan travels into the new assignment; an assignment can
 * be changed with its history kept, and the client reads the current version.
 */
@CarryoverTest
class ReviewAndEditTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    ExposureHierarchies exposure;
    @Autowired
    JdbcClient jdbc;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    String client;
    TherapySession first;
    TherapySession second;
    WebSession clinician;

    @BeforeEach
    void aClientWithTwoSessions(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        practice = clinic.practice();
        clientId = clinic.clientId();
        client = clinic.clientPage();
        List<TherapySession> weekly = clinic.weeklySessions(LocalDateTime.of(2026, 3, 3, 17, 0), 3);
        first = weekly.get(0);
        second = weekly.get(1);
        clock.set(Instant.parse("2026-03-03T17:05:00Z"));
        clinic.held(first);
        clinician = clinic.signIn(practice.clinician());
    }

    long reviews() {
        return jdbc.sql("SELECT count(*) FROM homework_review WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single();
    }

    @Test
    void stepUpOpensTheComposerOnTheNextStepWithThePlanBesideItAndCarriesThePlan() throws Exception {
        ExposureHierarchy h = exposure.create(practice.clinician().actor(), clientId, "Buses", List.of(
                new ExposureHierarchies.StepInput("Ride the bus two stops", 30),
                new ExposureHierarchies.StepInput("Ride the bus into town at rush hour", 60)));
        Assignment bus = assignments.compose(practice.clinician().actor(), clientId, draft("Bus: Ride the bus two stops",
                "Ride the bus two stops without headphones; log distress before, at peak and after.")
                .rationale("To learn the anxiety falls on its own.").inSession(first.id())
                .worksheet("exposure-practice").dose(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null))
                .starting(LocalDate.of(2026, 3, 4)).step(h.steps().get(0).id()).build());
        clock.set(Instant.parse("2026-03-10T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, second.id(), SessionStatus.HELD);

        String review = client + "/sessions/" + second.id() + "/review/" + bus.id();
        MvcResult composer = clinician.perform(post(review).param("decision", "STEP_UP").param("obstacles", "NO_TIME")
                .param("troubleshooting", "Move it to the lunch break").param("clinicianRating", "3"));
        assertThat(composer.getResponse().getStatus()).isEqualTo(200);
        String page = WebSession.textOf(composer);
        String html = composer.getResponse().getContentAsString();
        assertThat(page).contains("Step up: Bus: Ride the bus two stops").contains("What got in the way: no time")
                .contains("Plan agreed: Move it to the lunch break").contains("Nothing is recorded until you assign.");
        assertThat(html).contains("value=\"Bus: Ride the bus into town at rush hour\"")
                .contains("Ride the bus into town at rush hour without headphones")
                .contains(">Move it to the lunch break</textarea>")
                .contains("name=\"difficulty\" type=\"number\" min=\"1\" max=\"10\" value=\"4\"")
                .containsPattern("value=\"" + h.steps().get(1).id() + "\"\\s+selected")
                .contains("Step up: assign this");
        assertThat(reviews()).as("nothing recorded until assigned").isZero();

        MvcResult assigned = clinician.perform(post(review + "/next").param("decision", "STEP_UP").param("obstacles", "NO_TIME")
                .param("troubleshooting", "Move it to the lunch break").param("clinicianRating", "3")
                .param("title", "Bus: Ride the bus into town at rush hour")
                .param("instructions", "Ride the bus into town at rush hour, at lunchtime; log distress before, at peak and after.")
                .param("rationale", "To learn the anxiety falls on its own.").param("general", "true")
                .param("sessionId", second.id().toString()).param("worksheetKey", "exposure-practice")
                .param("doseKind", "PER_PERIOD").param("doseCount", "3").param("difficulty", "4")
                .param("exposureStepId", h.steps().get(1).id().toString()).param("plan", "Move it to the lunch break")
                .param("dueOnDate", "false"));
        assertThat(clinician.follow(assigned)).contains("Reviewed: step up. Next: Bus: Ride the bus into town at rush hour "
                + "(difficulty 4), due at the next session.");
        Assignment next = assignments.list(practice.clinician().actor(), clientId).stream()
                .filter(a -> a.previousId() != null).findFirst().orElseThrow();
        assertThat(next.exposureStepId()).isEqualTo(h.steps().get(1).id());
        assertThat(next.plan()).isEqualTo("Move it to the lunch break");
        assertThat(next.instructions()).startsWith("Ride the bus into town at rush hour, at lunchtime");
        assertThat(clinician.read(client + "/assignments/" + next.id()))
                .contains("If something gets in the way: Move it to the lunch break");

        clock.set(Instant.parse("2026-03-11T08:00:00Z"));
        WebSession phone = clinic.signIn(practice.client());
        assertThat(phone.read("/today")).contains("Bus: Ride the bus into town at rush hour")
                .contains("If something gets in the way: Move it to the lunch break");
    }

    @Test
    void modifyKeepsTheInstructionsToEditAndAMistakeKeepsTheReviewUnrecorded() throws Exception {
        Assignment walk = assignments.compose(practice.clinician().actor(), clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").rationale("Movement lifts mood.").inSession(first.id())
                .starting(LocalDate.of(2026, 3, 4)).build());
        clock.set(Instant.parse("2026-03-10T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, second.id(), SessionStatus.HELD);
        String review = client + "/sessions/" + second.id() + "/review/" + walk.id();
        String html = clinician.perform(post(review).param("decision", "MODIFY").param("troubleshooting", "Walk at lunch instead"))
                .getResponse().getContentAsString();
        assertThat(html).contains(">Walk for 20 minutes after dinner.</textarea>").contains("Assign the changed practice");

        MvcResult refused = clinician.perform(post(review + "/next").param("decision", "MODIFY")
                .param("troubleshooting", "Walk at lunch instead").param("title", "Lunchtime walk").param("instructions", " ")
                .param("general", "true").param("doseKind", "PER_DAY").param("doseCount", "1").param("difficulty", "3"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(refused)).contains("Instructions must be 1 to 5,000 characters");
        assertThat(refused.getResponse().getContentAsString()).contains("value=\"Lunchtime walk\"");
        assertThat(reviews()).isZero();

        clinician.follow(clinician.perform(post(review + "/next").param("decision", "MODIFY")
                .param("troubleshooting", "Walk at lunch instead").param("title", "Lunchtime walk")
                .param("instructions", "Walk for 15 minutes in your lunch break.").param("general", "true")
                .param("doseKind", "PER_WEEK").param("doseCount", "4").param("difficulty", "3").param("plan", "Walk at lunch instead")));
        Assignment next = assignments.list(practice.clinician().actor(), clientId).stream()
                .filter(a -> walk.id().equals(a.previousId())).findFirst().orElseThrow();
        assertThat(next.title()).isEqualTo("Lunchtime walk");
        assertThat(next.dose().describe()).isEqualTo("4 times a week");
        assertThat(clinician.read(client + "/sessions/" + second.id())).contains("Evening walk — modify");
    }

    @Test
    void anAssignmentIsChangedWithItsHistoryKeptAndTheClientReadsTheNewVersion() throws Exception {
        Assignment walk = assignments.compose(practice.clinician().actor(), clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").rationale("Movement lifts mood.").inSession(first.id())
                .starting(LocalDate.of(2026, 3, 4)).build());
        String edit = client + "/assignments/" + walk.id() + "/edit";
        String form = clinician.perform(get(edit)).getResponse().getContentAsString();
        assertThat(form).contains("Change: Evening walk").contains(">Walk for 20 minutes after dinner.</textarea>")
                .contains("name=\"revision\" value=\"1\"").contains("Save changes");

        clock.set(Instant.parse("2026-03-04T09:30:00Z"));
        String saved = clinician.follow(clinician.perform(post(edit).param("revision", "1").param("note", "Client asked for shorter walks")
                .param("title", "Evening walk").param("instructions", "Walk for 15 minutes after dinner, with the dog.")
                .param("rationale", "Movement lifts mood.").param("general", "true").param("doseKind", "PER_DAY")
                .param("doseCount", "2").param("difficulty", "3").param("startDate", "2026-03-04")
                .param("sessionId", first.id().toString())));
        assertThat(saved).contains("Saved; the client sees the new version")
                .contains("Wed 4 Mar 2026, 09:30, Chris Primary — “Client asked for shorter walks”")
                .contains("Instructions: Walk for 20 minutes after dinner. → Walk for 15 minutes after dinner, with the dog.")
                .contains("Dose: once a day → twice a day").doesNotContain("Title:");

        WebSession phone = clinic.signIn(practice.client());
        assertThat(phone.read("/today")).contains("Walk for 15 minutes after dinner, with the dog.").contains("0 of 2 today")
                .doesNotContain("Walk for 20 minutes");

        MvcResult stale = clinician.perform(put("/api/v1" + client + "/assignments/" + walk.id())
                .contentType(MediaType.APPLICATION_JSON).content("{\"revision\":1,\"assignment\":{\"title\":\"Evening walk\","
                        + "\"instructions\":\"Walk for 30 minutes.\",\"general\":true,\"dose\":{\"kind\":\"PER_DAY\",\"count\":1}}}"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        MvcResult history = clinician.perform(get("/api/v1" + client + "/assignments/" + walk.id() + "/history"));
        assertThat(history.getResponse().getContentAsString()).contains("\"revision\":2").contains("\"field\":\"Dose\"")
                .contains("\"from\":\"once a day\",\"to\":\"twice a day\"");
    }
}
