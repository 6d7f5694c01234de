package app.carryover.progress;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Measures;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The client's scores and practice where the therapist works: at the top of the session-start review
 * and of the pre-session brief, each questionnaire's latest scores with their dates, the change read by
 * the published criteria, the charts, and the last four weeks' practice beside them.
 */
@CarryoverTest
class ProgressAtTheSessionTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    Measures measures;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    Sessions sessions;

    Clinic clinic;
    TestPractice practice;
    Actor clinician;
    UUID kim;
    TherapySession held;
    TherapySession next;

    /**
     * Kim: PHQ-9 16 and GAD-7 12 on 2 March 2026, a daily walk that week done on 5 of its 7 days (rated 3 of 4
     * for quality), PHQ-9 9 and GAD-7 7 on 10 March; a session held on Thursday 12 March, the next on the 19th.
     */
    @BeforeEach
    void kimsFirstFortnight(Clinic clinic) {
        this.clinic = clinic;
        at("2026-03-02T08:00:00Z");
        practice = clinic.practice();
        clinician = practice.clinician().actor();
        kim = practice.client().clientId();
        at("2026-03-02T09:00:00Z");
        questionnaire("PHQ9", 16, 9);
        questionnaire("GAD7", 12, 7);
        at("2026-03-02T09:30:00Z");
        Assignment walk = assignments.compose(clinician, kim, draft("Evening walk", "Walk for 20 minutes after dinner.")
                .rationale("Moving lifts the mood.").starting(LocalDate.of(2026, 3, 2)).due(LocalDate.of(2026, 3, 9))
                .difficulty(2).build());
        for (int d = 0; d < 5; d++) {
            Instant when = Instant.parse("2026-03-02T19:00:00Z").plusSeconds(86_400L * d);
            clock.set(when);
            log.log(practice.client().actor(), walk.id(), entry().at(when).build());
        }
        measures.rateHomeworkAsClinician(clinician, kim, walk.id(),
                new Measures.AnswerInput(UUID.randomUUID(), List.of(3, 3, 3, 2), null));
        at("2026-03-10T09:00:00Z");
        questionnaire("PHQ9", 9, 9);
        questionnaire("GAD7", 7, 7);
        held = sessions.schedule(clinician, kim, LocalDateTime.of(2026, 3, 12, 10, 0), 50);
        next = sessions.schedule(clinician, kim, LocalDateTime.of(2026, 3, 19, 10, 0), 50);
        at("2026-03-12T10:05:00Z");
        sessions.setStatus(clinician, kim, held.id(), SessionStatus.HELD);
    }

    @Test
    void theSessionReviewOpensWithScoresTheirDatesTheVerdictAndTheLastFourWeeksPractice() throws Exception {
        WebSession web = clinic.signIn(practice.clinician());
        String page = web.read("/clients/" + kim + "/sessions/" + held.id());
        assertThat(page).contains("Scores and practice");
        // before the review itself
        assertThat(page.indexOf("Scores and practice")).isLessThan(page.indexOf("1. Homework review"));
        assertGlance(page);

        String brief = web.read("/clients/" + kim + "/sessions/" + next.id() + "/brief");
        assertThat(brief.indexOf("Scores and practice")).isGreaterThan(0).isLessThan(brief.indexOf("Last time"));
        assertGlance(brief);

        String html = web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/clients/" + kim + "/sessions/" + next.id() + "/brief")).getResponse().getContentAsString();
        assertThat(html).contains("<title id=\"chart-phq9-title\">PHQ-9 scores over time</title>")
                .contains("<title id=\"chart-gad7-title\">GAD-7 scores over time</title>")
                .contains("<title>2 Mar 2026: 16 (moderately severe)</title>")
                .contains("<title id=\"chart-adherence-title\">Practice per week</title>")
                .doesNotContain("style=");
    }

    private static void assertGlance(String page) {
        assertThat(page)
                .contains("Latest scores: 2 March 2026: 16 (moderately severe) · 10 March 2026: 9 (mild)")
                .contains("Latest scores: 2 March 2026: 12 (moderate) · 10 March 2026: 7 (mild)")
                .contains("PHQ-9 16 → 9, down 7 (better) since the first score")
                .contains("Reliable improvement (reliable: a change of 6 or more, NHS Talking Therapies).")
                .contains("GAD-7 12 → 7, down 5 (better) since the first score")
                .contains("Reliable improvement (reliable: a change of 4 or more, NHS Talking Therapies).")
                // 16 February (the Monday three weeks before the week of the 12th) to 12 March: the walk's
                // 5 of 7 in the week of 2 March and its due day, the 9th, in the week after: 5 of 8
                .contains("In the 4 weeks from 16 February 2026 to 12 March 2026 the client did 63% of the agreed"
                        + " practice (5 of 8); quality 3 of 4 where rated.");
    }

    @Test
    void inABrowserTheReviewShowsBothChartsAndThePracticeChart() throws Exception {
        try (Browser desk = Browser.open("http://localhost:" + port)) {
            clinic.signIn(desk, practice.clinician());
            desk.go("/clients/" + kim + "/sessions/" + held.id());
            assertThat(desk.text()).contains("In the 4 weeks from 16 February 2026 to 12 March 2026 the client did 63%");
            assertThat(desk.driver().findElements(By.cssSelector("#glance-phq9 svg circle"))).hasSize(2);
            assertThat(desk.driver().findElements(By.cssSelector("#glance-gad7 svg circle"))).hasSize(2);
            assertThat(desk.find(By.cssSelector("#glance-phq9 svg")).getSize().getWidth()).isGreaterThan(250);
            ((JavascriptExecutor) desk.driver()).executeScript("arguments[0].scrollIntoView()",
                    desk.find(By.cssSelector("#progress-glance")));
            desk.screenshot("progress-06-session-review-scores-and-practice");
            desk.go("/clients/" + kim + "/sessions/" + next.id() + "/brief");
            assertThat(desk.text()).contains("Latest scores: 2 March 2026: 16 (moderately severe) · 10 March 2026: 9 (mild)");
            desk.screenshot("progress-07-brief-scores-and-practice");
        }
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** A questionnaire given in session with this total over its first {@code items} items (never a risk answer). */
    private void questionnaire(String key, int total, int items) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < items - (key.equals("PHQ9") ? 1 : 0); i++) {
            int v = Math.min(3, left);
            answers.add(v);
            left -= v;
        }
        if (key.equals("PHQ9")) {
            answers.add(0);
        }
        answers.add(null);
        measures.administer(clinician, kim, key, new Measures.AnswerInput(UUID.randomUUID(), answers, null));
    }
}
