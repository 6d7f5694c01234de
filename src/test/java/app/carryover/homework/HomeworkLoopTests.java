package app.carryover.homework;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import app.carryover.caseload.Caseload;
import app.carryover.goals.Goal;
import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * The loop from goal to review, against the real database, with time moved by the test clock.
 * The client is in Europe/London; sessions are on Tuesdays at 17:00.
 */
@CarryoverTest
@EnableScenarios
class HomeworkLoopTests {

    static final LocalDateTime FIRST_SESSION = LocalDateTime.of(2026, 3, 3, 17, 0);

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Goals goals;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    Briefs briefs;
    @Autowired
    ExposureHierarchies exposure;
    @Autowired
    Caseload caseload;
    @Autowired
    JdbcClient jdbc;

    TestPractice practice;
    Actor clinician;
    Actor client;
    UUID clientId;
    Goal goal;
    TherapySession first;
    TherapySession second;

    @BeforeEach
    void aClientWithAGoalAndTwoSessions(Clinic clinic) {
        practice = clinic.practice();
        clinician = practice.clinician().actor();
        client = practice.client().actor();
        clientId = practice.client().clientId();
        at("2026-03-03T16:00:00Z");
        goal = goals.create(clinician, clientId, new GoalDraft("Feel calmer at work", "So I can enjoy my job again",
                GoalTarget.Kind.MEASURE, Measure.GAD7, GoalTarget.Comparator.BELOW, new BigDecimal("10"), null,
                new BigDecimal("15"), LocalDate.of(2026, 6, 1)));
        List<TherapySession> weekly = clinic.weeklySessions(FIRST_SESSION, 2);
        first = weekly.get(0);
        second = weekly.get(1);
        at("2026-03-03T17:50:00Z");
        clinic.held(first);
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    Assignment breathing(Dose dose) {
        return assignments.compose(clinician, clientId, draft("Slow breathing",
                "Breathe in for 4, out for 6, for five minutes, then rate your calm 0-10.")
                .rationale("So you notice that slowing your breath lowers the alarm.").goals(goal.id())
                .inSession(first.id()).dose(dose).starting(LocalDate.of(2026, 3, 4)).difficulty(4).build());
    }

    /** Logs practice as a device would, a minute after it happened (time moves forward to then, never back). */
    PracticeLog.Logged logAt(Assignment a, String instant, Integer rating) {
        catchUp(instant);
        return log.log(client, a.id(), entry().at(Instant.parse(instant)).rating(rating).build());
    }

    void catchUp(String instant) {
        Instant logged = Instant.parse(instant).plusSeconds(60);
        if (clock.instant().isBefore(logged)) {
            clock.set(logged);
        }
    }

    AssignmentProgress progressOf(Assignment a) {
        return assignments.progress(clinician, clientId, true).stream().filter(p -> p.assignment().id().equals(a.id()))
                .findFirst().orElseThrow();
    }

    @Test
    void homeworkIsDueAtTheNextSessionAndProgressCountsAgainstTheDose() {
        Assignment a = breathing(Dose.perDay(2));
        logAt(a, "2026-03-04T08:00:00Z", 6);
        logAt(a, "2026-03-04T21:00:00Z", 7);
        logAt(a, "2026-03-05T08:00:00Z", 5);
        logAt(a, "2026-03-06T08:00:00Z", 6);
        at("2026-03-07T09:00:00Z");
        logAt(a, "2026-03-07T08:30:00Z", 8);

        AssignmentProgress p = progressOf(a);
        assertThat(p.dueSession().id()).isEqualTo(second.id());
        assertThat(p.whole().expectedRounded()).as("Wednesday to Monday, twice a day").isEqualTo(12);
        assertThat(p.soFar().doneRounded()).isEqualTo(5);
        assertThat(p.doneToday()).isEqualTo(1);
        assertThat(p.expectedToday()).isEqualTo(2.0);
        assertThat(p.unreviewed()).isFalse();
    }

    @Test
    void aRetriedSubmissionNeverCountsTwiceEvenFromTwoDevicesAtOnce() throws Exception {
        Assignment a = breathing(Dose.perDay(2));
        at("2026-03-04T10:00:00Z");
        UUID sameSubmission = UUID.randomUUID();
        List<Callable<PracticeLog.Logged>> devices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            devices.add(() -> log.log(client, a.id(), entry().id(sameSubmission)
                    .at(Instant.parse("2026-03-04T09:55:00Z")).rating(7).note("after lunch").build()));
        }
        var pool = Executors.newFixedThreadPool(4);
        List<PracticeLog.Logged> results = new ArrayList<>();
        for (var f : pool.invokeAll(devices)) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn(PracticeLog.Logged::created).hasSize(1);
        assertThat(results).extracting(r -> r.entry().id()).containsOnly(results.get(0).entry().id());
        assertThat(progressOf(a).soFar().logged()).isEqualTo(1);
    }

    @Test
    void aHeldSessionWithoutItsReviewFlagsTheHomework() {
        Assignment a = breathing(Dose.perDay(1));
        at("2026-03-10T17:55:00Z");
        sessions.setStatus(clinician, clientId, second.id(), SessionStatus.HELD);
        assertThat(progressOf(a).unreviewed()).isTrue();
        assertThat(reviews.screen(clinician, clientId, second.id()).toReview())
                .extracting(i -> i.progress().assignment().id()).containsExactly(a.id());
    }

    @Test
    void aCancelledSessionMovesTheDueToTheNextWithoutAFlag() {
        Assignment a = breathing(Dose.perDay(1));
        TherapySession third = sessions.schedule(clinician, clientId, FIRST_SESSION.plusWeeks(2), 50);
        at("2026-03-10T12:00:00Z");
        sessions.setStatus(clinician, clientId, second.id(), SessionStatus.CANCELLED);
        AssignmentProgress p = progressOf(a);
        assertThat(p.dueSession().id()).isEqualTo(third.id());
        assertThat(p.unreviewed()).isFalse();
        assertThat(p.whole().expectedRounded()).as("the period now runs to the third session").isEqualTo(13);
    }

    @Test
    void aDeferredReviewWaitsForTheNextSessionWithItsReason() {
        Assignment a = breathing(Dose.perDay(1));
        TherapySession third = sessions.schedule(clinician, clientId, FIRST_SESSION.plusWeeks(2), 50);
        at("2026-03-10T17:55:00Z");
        sessions.setStatus(clinician, clientId, second.id(), SessionStatus.HELD);
        assertThatThrownBy(() -> reviews.defer(clinician, clientId, second.id(), a.id(), " "))
                .isInstanceOf(ProblemException.class);
        reviews.defer(clinician, clientId, second.id(), a.id(), "A family crisis took the session");
        AssignmentProgress p = progressOf(a);
        assertThat(p.unreviewed()).isFalse();
        assertThat(p.dueSession().id()).isEqualTo(third.id());
    }

    @Test
    void theReviewStepsUpToTheNextExposureStepAndTheRulesSuggestionShowsWhy() {
        ExposureHierarchy h = exposure.create(clinician, clientId, "Crowded places", List.of(
                new ExposureHierarchies.StepInput("Stand in a busy shop for 10 minutes", 50),
                new ExposureHierarchies.StepInput("Ride the bus two stops", 30),
                new ExposureHierarchies.StepInput("Rush-hour train", 80)));
        assertThat(h.steps()).extracting(ExposureStep::anticipatedDistress).containsExactly(30, 50, 80);
        Assignment a = assignments.compose(clinician, clientId, draft("Bus exposure",
                "Ride the bus two stops without headphones; log distress before, at peak and after.")
                .rationale("To learn the anxiety falls on its own.").goals(goal.id()).inSession(first.id())
                .worksheet("exposure-practice").dose(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null))
                .starting(LocalDate.of(2026, 3, 4)).step(h.steps().get(0).id()).build());
        for (String[] trial : new String[][] {{"2026-03-04T09:00:00Z", "70"}, {"2026-03-06T09:00:00Z", "40"},
                {"2026-03-08T09:00:00Z", "35"}}) {
            catchUp(trial[0]);
            log.log(client, a.id(), entry().at(Instant.parse(trial[0]))
                    .answers("{\"hierarchy_step\":\"Bus, two stops\",\"distress_before\":50,\"peak_distress\":" + trial[1] + ",\"distress_after\":20,\"duration_minutes\":15}")
                    .build());
        }
        at("2026-03-10T17:55:00Z");
        sessions.setStatus(clinician, clientId, second.id(), SessionStatus.HELD);
        HomeworkReviews.ReviewItem item = reviews.screen(clinician, clientId, second.id()).toReview().get(0);
        assertThat(item.stepUp().suggested()).isTrue();
        assertThat(item.stepUp().because()).contains("40 or less");
        assertThat(item.entries()).hasSize(3);

        Review review = reviews.decide(clinician, clientId, second.id(), a.id(), new HomeworkReviews.ReviewInput(
                ReviewDecision.STEP_UP, 3, 4, List.of(Obstacle.AVOIDANCE), null, "Go straight after breakfast"));
        assertThat(review.expected()).isEqualTo(3.0);
        assertThat(review.done()).isEqualTo(3.0);
        Assignment next = assignments.get(clinician, clientId, review.nextAssignmentId());
        assertThat(next.exposureStepId()).isEqualTo(h.steps().get(1).id());
        assertThat(next.difficulty()).isEqualTo(4);
        assertThat(next.previousId()).isEqualTo(a.id());
        assertThat(assignments.get(clinician, clientId, a.id()).status()).isEqualTo(AssignmentStatus.COMPLETED);
        assertThat(progressOf(a).unreviewed()).isFalse();
        assertThatThrownBy(() -> reviews.decide(clinician, clientId, second.id(), a.id(), new HomeworkReviews.ReviewInput(
                ReviewDecision.COMPLETE, null, null, List.of(), null, null))).isInstanceOf(ProblemException.class);
    }

    @Test
    void entriesMayBeBackdatedAFewDaysButNeverIntoTheFuture() {
        Assignment a = breathing(Dose.perDay(1));
        at("2026-03-08T12:00:00Z");
        assertThat(logAt(a, "2026-03-05T12:00:00Z", 5).created()).as("three days back").isTrue();
        assertThatThrownBy(() -> logAt(a, "2026-03-04T12:00:00Z", 5)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).fields().get(0).field()).isEqualTo("occurredAt"));
        assertThatThrownBy(() -> log.log(client, a.id(), entry().at(Instant.parse("2026-03-08T13:00:00Z")).rating(5)
                .build())).isInstanceOf(ProblemException.class)
                .hasMessageContaining("future");
    }

    @Test
    void anEntryKeepsItsLocalDateWhenTheClientMovesTimeZone() {
        Assignment a = breathing(Dose.perDay(1));
        at("2026-03-05T23:30:00Z");
        PracticeEntry late = logAt(a, "2026-03-05T23:30:00Z", 6).entry();
        assertThat(late.localDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        caseload.changeTimeZone(clinician, clientId, "Asia/Tokyo");
        assertThat(log.get(clinician, clientId, late.id()).localDate()).as("not re-dated to Tokyo's 6 March")
                .isEqualTo(LocalDate.of(2026, 3, 5));
        PracticeEntry next = logAt(a, "2026-03-05T23:45:00Z", 6).entry();
        assertThat(next.localDate()).as("new entries use the new zone").isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void aDaylightSavingDayIsStillOneDay() {
        caseload.changeTimeZone(clinician, clientId, "America/New_York");
        at("2026-03-07T15:00:00Z");
        Assignment a = assignments.compose(clinician, clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").starting(LocalDate.of(2026, 3, 7)).due(LocalDate.of(2026, 3, 9))
                .build());
        at("2026-03-10T02:00:00Z");
        logAt(a, "2026-03-08T01:00:00Z", null);
        logAt(a, "2026-03-08T23:30:00Z", null);
        logAt(a, "2026-03-10T01:00:00Z", null);
        AssignmentProgress p = progressOf(a);
        assertThat(p.whole().expected()).as("7, 8 (23 hours long) and 9 March").isEqualTo(3);
        assertThat(p.whole().done()).isEqualTo(3);
    }

    @Test
    void loggingAgainstAnotherClientsOrAClosedAssignmentIsRefused() {
        Assignment a = breathing(Dose.perDay(1));
        at("2026-03-04T10:00:00Z");
        Actor other = practice.otherClient().actor();
        assertThatThrownBy(() -> log.log(other, a.id(), entry().rating(5).build()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("not found");
        assignments.setStatus(clinician, clientId, a.id(), AssignmentStatus.COMPLETED);
        assertThatThrownBy(() -> logAt(a, "2026-03-04T09:00:00Z", 5)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("completed");
    }

    @Test
    void entriesCanBeEditedOrDeletedUntilReviewedAndKeepTheirHistory() {
        Assignment a = breathing(Dose.perDay(2));
        at("2026-03-05T10:00:00Z");
        PracticeEntry e = logAt(a, "2026-03-05T09:00:00Z", 4).entry();
        PracticeEntry second2 = logAt(a, "2026-03-05T09:30:00Z", 5).entry();
        PracticeEntry edited = log.edit(client, e.id(), entry().id(e.clientEntryId()).rating(6).note("felt easier")
                .build());
        assertThat(edited.edited()).isTrue();
        assertThat(edited.rating()).isEqualTo(6);
        log.delete(client, second2.id());
        assertThat(progressOf(a).soFar().logged()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry_revision WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isEqualTo(2);

        at("2026-03-10T17:55:00Z");
        sessions.setStatus(clinician, clientId, second.id(), SessionStatus.HELD);
        reviews.decide(clinician, clientId, second.id(), a.id(), new HomeworkReviews.ReviewInput(ReviewDecision.COMPLETE,
                2, 3, List.of(Obstacle.NO_TIME), null, null));
        assertThatThrownBy(() -> log.edit(client, e.id(), entry().id(e.clientEntryId()).rating(9).build()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("already reviewed");
    }

    @Test
    void theBriefListsAdherenceNotableEntriesObstaclesAndGoalsEachWithItsSource() {
        Assignment a = breathing(Dose.perDay(1));
        logAt(a, "2026-03-04T09:00:00Z", 3);
        at("2026-03-06T10:00:00Z");
        logAt(a, "2026-03-06T09:00:00Z", 8);
        reviews.reflect(client, a.id(), new HomeworkReviews.ReflectionInput("Slower breath helps", "Busy mornings",
                List.of(Obstacle.NO_TIME, Obstacle.FORGOT), 3));
        at("2026-03-09T10:00:00Z");
        Briefs.Brief brief = briefs.brief(clinician, clientId, second.id());
        List<Briefs.Line> lines = brief.assignments().get(0).lines();
        assertThat(lines).extracting(Briefs.Line::text).contains(
                "Done 2 of 6 expected (33%), once a day",
                "Highest rating: 8/10 on Fri 6 Mar 2026",
                "Lowest rating: 3/10 on Wed 4 Mar 2026",
                "Got in the way (client): no time, forgot",
                "In their words: “Busy mornings”",
                "Learned: “Slower breath helps”");
        assertThat(lines).allMatch(l -> l.link().startsWith("/clients/" + clientId + "/assignments/" + a.id()));
        assertThat(brief.goals()).extracting(Briefs.Line::link).containsExactly("/clients/" + clientId + "/goals/" + goal.id());
        assertThat(briefs.brief(clinician, clientId, second.id())).as("the same every time").isEqualTo(brief);
        assertThatThrownBy(() -> briefs.brief(client, clientId, second.id())).isInstanceOf(ProblemException.class)
                .hasMessageContaining("clinicians only");
    }

    @Test
    void composingRefusesImpossibleInputFieldByField() {
        assertThatThrownBy(() -> assignments.compose(clinician, clientId, draft("", " ").general(false)
                .worksheet("no-such-sheet").dose(Dose.perDay(0)).starting(LocalDate.of(2026, 3, 10))
                .due(LocalDate.of(2026, 3, 9)).difficulty(11).build()))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).fields()).extracting(ProblemException.FieldProblem::field)
                        .containsExactlyInAnyOrder("title", "instructions", "goalIds", "worksheetKey", "dose.count",
                                "dueDate", "difficulty"));
        assertThat(jdbc.sql("SELECT count(*) FROM assignment WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isZero();
    }

    /** The homework module hears of the discharge after it commits, on a thread of its own: waited for, not slept on. */
    @Test
    void dischargeClosesOpenAssignments(Scenario scenario) {
        Assignment a = breathing(Dose.perDay(1));
        scenario.stimulate(() -> caseload.discharge(clinician, clientId, "Goals met"))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> assignments.get(clinician, clientId, a.id()).status(), status -> !status.open())
                .andVerify(status -> assertThat(status).isEqualTo(AssignmentStatus.DISCONTINUED));
        caseload.readmit(clinician, clientId);
    }
}
