package app.carryover.clinician;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.ExposureHierarchies;
import app.carryover.homework.ExposureHierarchy;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * What the review and the brief say: worksheet entries in words (questions and answers, numbers with
 * their labels and units), last session's notes and plan, the worksheets' highlights and a trend; an
 * exposure hierarchy of any length, edited with its history, whose named step the exposure log no
 * longer asks for.
 */
@CarryoverTest
class ReviewWordsBriefHierarchyTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    HomeworkReviews reviews;
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
    TherapySession third;

    @BeforeEach
    void weeklySessions(Clinic clinic) {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        practice = clinic.practice();
        clientId = clinic.clientId();
        client = clinic.clientPage();
        List<TherapySession> weekly = clinic.weeklySessions(LocalDateTime.of(2026, 3, 3, 17, 0), 3);
        first = weekly.get(0);
        second = weekly.get(1);
        third = weekly.get(2);
        clock.set(Instant.parse("2026-03-03T17:05:00Z"));
        clinic.held(first);
    }

    Assignment assign(String title, String worksheet, Dose dose) {
        return assignments.compose(practice.clinician().actor(), clientId, draft(title,
                "Fill it in as we practised in the session.").rationale("To see what happens.").inSession(first.id())
                .worksheet(worksheet).dose(dose).starting(LocalDate.of(2026, 3, 4)).build());
    }

    void logAt(Assignment a, String instant, String answers) {
        clock.set(Instant.parse(instant).plusSeconds(120));
        log.log(practice.client().actor(), a.id(), entry().at(Instant.parse(instant)).answers(answers).build());
    }

    String sleepAnswers(String night) {
        return BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.SLEEP_DIARY).toJson().replace("2025-03-03", night);
    }

    @Test
    void theReviewShowsWorksheetEntriesInWordsWithPredictionsAndOutcomesAtOnce() throws Exception {
        Assignment experiment = assign("Cafe experiment", BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT,
                new Dose(Dose.Kind.PER_PERIOD, 1, null, null, null));
        Assignment diary = assign("Sleep diary", BuiltInWorksheets.SLEEP_DIARY, Dose.perDay(1));
        logAt(experiment, "2026-03-07T11:00:00Z", BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT).toJson());
        logAt(diary, "2026-03-05T07:30:00Z", sleepAnswers("2026-03-04"));
        clock.set(Instant.parse("2026-03-10T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, second.id(), SessionStatus.HELD);

        WebSession clinician = clinic.signIn(practice.clinician());
        String review = clinician.read(client + "/sessions/" + second.id());
        assertThat(review).contains("Worksheet: Behavioural experiment")
                .contains("What exactly do you predict will happen? How would you know it had? The server will sigh or be "
                        + "short with me, and at least two other customers will turn to look.")
                .contains("What actually happened? The order was right, so I asked for an extra shot.")
                .contains("Did your prediction come true? No")
                .contains("Experiment carried out yes · Belief in the prediction, before 75/100 · Belief in the prediction, "
                        + "after 30/100 · Drop in belief 45 points")
                .contains("Time in bed 8 h").contains("Time awake after falling asleep 35 min").contains("Sleep efficiency 70.8%")
                .doesNotContain("waso").doesNotContain("time in bed 480").doesNotContain("behavioural-experiment");
        assertThat(clinician.read(client + "/assignments/" + experiment.id())).contains("Worksheet: Behavioural experiment")
                .contains("Drop in belief 45 points").doesNotContain("belief change").doesNotContain("version 1");
    }

    @Test
    void theBriefBringsLastSessionsNotesThePlanTheWorksheetsAndATrend() throws Exception {
        Assignment diary = assign("Sleep diary", BuiltInWorksheets.SLEEP_DIARY, Dose.perDay(1));
        logAt(diary, "2026-03-05T07:30:00Z", sleepAnswers("2026-03-04"));
        logAt(diary, "2026-03-06T07:30:00Z", sleepAnswers("2026-03-05").replace("\"waso\":35", "\"waso\":5"));
        logAt(diary, "2026-03-08T07:30:00Z", sleepAnswers("2026-03-07"));
        clock.set(Instant.parse("2026-03-10T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, second.id(), SessionStatus.HELD);
        sessions.saveNotes(practice.clinician().actor(), clientId, second.id(), "Worried about work; agreed to keep the diary.");
        var review = reviews.decide(practice.clinician().actor(), clientId, second.id(), diary.id(),
                new HomeworkReviews.ReviewInput(ReviewDecision.CONTINUE, 3, 3, List.of(Obstacle.FORGOT), null,
                        "Keep the diary by the kettle"));
        Assignment next = assignments.get(practice.clinician().actor(), clientId, review.nextAssignmentId());
        logAt(next, "2026-03-11T07:30:00Z", sleepAnswers("2026-03-10"));
        logAt(next, "2026-03-12T07:30:00Z", sleepAnswers("2026-03-11"));
        logAt(next, "2026-03-13T07:30:00Z", sleepAnswers("2026-03-12"));

        clock.set(Instant.parse("2026-03-13T09:00:00Z"));
        WebSession clinician = clinic.signIn(practice.clinician());
        String brief = clinician.read(client + "/sessions/" + third.id() + "/brief");
        assertThat(brief).contains("Notes from Tue 10 Mar 2026: “Worried about work; agreed to keep the diary.”")
                .contains("Agreed at the review: Sleep diary: continue as it is; got in the way: forgot; plan: “Keep the diary by the kettle”")
                .contains("Practice done, period by period: 50% → 75% so far")
                .contains("Reviewed Tue 10 Mar 2026: 3 of 6 (50%)")
                .contains("Plan agreed for what gets in the way: “Keep the diary by the kettle”")
                .contains("Sleep efficiency: average 70.8% over 3 entries (first 70.8%, last 70.8%)")
                .contains("Latest sleep diary (Fri 13 Mar 2026): ");
    }

    @Test
    void aHierarchyOfAnyLengthIsEditedWithItsHistoryAndTheLogKnowsTheStep() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        var create = post(client + "/hierarchies").param("title", "Buses");
        String[][] steps = {{"Stand at the bus stop", "20"}, {"Ride the bus two stops", "30"}, {"Ride four stops", "40"},
                {"Ride into town", "50"}, {"Ride at rush hour", "60"}, {"Ride, without a phone", "65"},
                {"Ride the night bus", "70"}, {"Ride a long-distance coach", "85"}};
        for (String[] s : steps) {
            create.param("stepId", "").param("situation", s[0]).param("distress", s[1]);
        }
        String more = WebSession.textOf(clinician.perform(post(client + "/hierarchies").param("title", "Buses")
                .param("stepId", "").param("situation", "Stand at the bus stop").param("distress", "20").param("more", "true")));
        assertThat(more).contains("New exposure hierarchy");
        clinician.follow(clinician.perform(create));
        ExposureHierarchy h = exposure.list(practice.clinician().actor(), clientId).get(0);
        assertThat(h.steps()).hasSize(8).extracting(s -> s.situation()).contains("Ride, without a phone");

        String edit = client + "/hierarchies/" + h.id();
        var change = post(edit).param("title", "Buses and coaches").param("revision", "1");
        for (int i = 0; i < 8; i++) {
            var s = h.steps().get(i);
            String order = i == 6 ? "2" : String.valueOf(i + 1);
            change.param("stepId", s.id().toString()).param("order", order)
                    .param("situation", i == 2 ? "Ride four stops, sitting" : s.situation())
                    .param("distress", i == 2 ? "45" : String.valueOf(s.anticipatedDistress()));
        }
        change.param("stepId", "").param("order", "").param("situation", "Ride a tram").param("distress", "55");
        change.param("remove", h.steps().get(7).id().toString());
        String page = clinician.follow(clinician.perform(change));
        assertThat(page).contains("Exposure hierarchy saved; the change is kept in its history.")
                .contains("Chris Primary")
                .contains("Title: “Buses” → “Buses and coaches”")
                .contains("Removed step 8: “Ride a long-distance coach” (85/100)")
                .contains("Changed step 3: “Ride four stops” (40/100) → “Ride four stops, sitting” (45/100)")
                .contains("Added step 8: “Ride a tram” (55/100)")
                .contains("New order: 1. Stand at the bus stop; 2. Ride the night bus; 3. Ride the bus two stops");
        ExposureHierarchy changed = exposure.list(practice.clinician().actor(), clientId).get(0);
        assertThat(changed.steps()).hasSize(8).extracting(s -> s.situation()).startsWith("Stand at the bus stop",
                "Ride the night bus", "Ride the bus two stops").endsWith("Ride a tram").doesNotContain("Ride a long-distance coach");
        MvcResult history = clinician.perform(get("/api/v1" + client + "/hierarchies/" + h.id() + "/history"));
        assertThat(history.getResponse().getContentAsString()).contains("\"revision\":2").contains("Ride a tram");

        Assignment bus = assignments.compose(practice.clinician().actor(), clientId, draft("Bus practice",
                "Ride the bus two stops without headphones.").rationale("To learn the anxiety falls on its own.")
                .worksheet(BuiltInWorksheets.EXPOSURE_PRACTICE)
                .dose(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null)).step(changed.steps().get(2).id()).build());
        WebSession phone = clinic.signIn(practice.client());
        String sheet = phone.read("/today/assignments/" + bus.id() + "/worksheet");
        assertThat(sheet).contains("Your step: Ride the bus two stops").doesNotContain("Which step did you practise?");
        MvcResult saved = phone.perform(post("/today/assignments/" + bus.id() + "/worksheet")
                .param("submissionId", UUID.randomUUID().toString()).param("distress_before", "50").param("peak_distress", "70")
                .param("distress_after", "30").param("duration_minutes", "20"));
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/today?logged=");
        String entryId = saved.getResponse().getRedirectedUrl().replaceAll(".*logged=", "");
        assertThat(clinician.read(client + "/entries/" + entryId)).contains("Which step did you practise?")
                .contains("Ride the bus two stops");
    }
}
