package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Measures;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * Outcomes in a real browser: a client with three weeks of walks and PHQ-9s answers question 9 with
 * "several days" on their phone and sees crisis contacts at once; the clinician cannot miss the
 * alert, reads the client's progress as charts with tables, and the client sees their own progress
 * as a picture on the phone. axe finds no WCAG A/AA violations on the progress pages.
 */
@CarryoverTest
class ProgressJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    Measures measures;

    @Test
    void aRiskAnswerShowsCrisisContactsTheClinicianSeesTheAlertAndBothSeeProgressAsPictures(Clinic clinic) throws Exception {
        Instant start = Instant.now().minusSeconds(21 * 86_400L);
        clock.set(start);
        TestPractice practice = clinic.practice();
        UUID kim = practice.client().clientId();
        LocalDate first = LocalDate.ofInstant(start, java.time.ZoneId.of("Europe/London"));
        Assignment walk = assignments.compose(practice.clinician().actor(), kim, draft("Evening walk",
                "Walk for 20 minutes after dinner.").rationale("Moving lifts the mood.").starting(first)
                .due(first.plusDays(20)).difficulty(2).build());
        int[] totals = {18, 14, 11};
        for (int week = 0; week < 3; week++) {
            clock.set(start.plusSeconds(week * 7 * 86_400L + 3600));
            phq9(practice, kim, totals[week]);
            for (int day = 0; day < 3 + 2 * week && day < 7; day++) {
                Instant when = start.plusSeconds((week * 7L + day) * 86_400L + 7200);
                clock.set(when);
                log.log(practice.client().actor(), walk.id(), entry().at(when).build());
            }
        }
        clock.set(Instant.now());
        String base = "http://localhost:" + port;
        try (Browser phone = Browser.phone(base)) {
            clinic.signIn(phone, practice.client());
            phone.go("/today/measures/PHQ9");
            for (int item = 1; item <= 9; item++) {
                phone.click(By.cssSelector("label[for='item" + item + "-" + (item == 9 ? 1 : 0) + "']"));
            }
            phone.press("Send");
            assertThat(phone.text()).contains("If you are in danger, get help now")
                    .contains("Your clinician has been told about your answer");
            phone.screenshot("progress-01-client-crisis-contacts-phone");

            phone.go("/progress");
            String mine = phone.text();
            assertThat(mine).contains("My progress").contains("Your latest PHQ-9 score is 1 of 27 (minimal). When you started it was 18: 17 lower, a clear improvement.");
            assertThat(phone.find(By.cssSelector("svg[role='img'] title")).getAttribute("textContent"))
                    .isEqualTo("PHQ-9 scores over time");
            assertNoViolations(phone, "my progress");
            phone.screenshot("progress-02-client-my-progress-phone");
        }
        try (Browser desk = Browser.open(base)) {
            clinic.signIn(desk, practice.clinician());
            assertThat(desk.text()).contains("Open risk alert: Kim Client").contains("Not yet acknowledged.");
            desk.screenshot("progress-03-clinician-caseload-alert");

            desk.go("/clients/" + kim + "/progress");
            String page = desk.text();
            assertThat(page).contains("Open risk alert: Kim Client")
                    .contains("PHQ-9 18 → 1, down 17 (better) since the first score")
                    .contains("Reliable improvement (reliable: a change of 6 or more, NHS Talking Therapies).")
                    .contains("Practice beside the PHQ-9 a week later");
            WebElement chart = desk.find(By.cssSelector("#series-phq9 svg"));
            assertThat(chart.getSize().getWidth()).isGreaterThan(300);
            assertThat(desk.driver().findElements(By.cssSelector("#series-phq9 svg circle"))).hasSize(4);
            assertNoViolations(desk, "client progress");
            ((JavascriptExecutor) desk.driver()).executeScript("arguments[0].scrollIntoView()",
                    desk.find(By.cssSelector("#series-phq9")));
            desk.screenshot("progress-04-clinician-client-progress");
            ((JavascriptExecutor) desk.driver()).executeScript("arguments[0].scrollIntoView()",
                    desk.find(By.cssSelector("#practice-beside-change")));
            desk.screenshot("progress-05-clinician-practice-beside-change");

            desk.go("/caseload/progress");
            assertThat(desk.text()).contains("Practice and outcome across my caseload")
                    .contains("too few clients for a figure (n = 1; at least 5 needed)");
            assertNoViolations(desk, "caseload outcomes");
        }
    }

    private void phq9(TestPractice practice, UUID clientId, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < 8; i++) {
            int v = Math.min(3, left);
            answers.add(v);
            left -= v;
        }
        answers.add(0);
        answers.add(null);
        measures.administer(practice.clinician().actor(), clientId, "PHQ9",
                new Measures.AnswerInput(UUID.randomUUID(), answers, null));
    }

    private static void assertNoViolations(Browser browser, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        String found = results.getViolations().stream().map(r -> r.getId() + ": " + r.getHelp() + " — "
                + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as("accessibility violations on %s:%n%s", page, found).isEmpty();
    }
}
