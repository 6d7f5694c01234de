package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * The homework loop's "done when", in a real browser: a clinician sets a goal, schedules sessions,
 * assigns practice with the coach beside the composer; the client practises for a week on a phone;
 * the next session opens on the review and steps the practice up; a skipped review is flagged.
 */
@CarryoverTest
class HomeworkLoopJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void goalSessionAssignmentAWeekOfPracticeReviewWithStepUpAndTheFlag() throws Exception {
        clock.set(Instant.parse("2026-03-03T16:40:00Z"));
        TestPractice practice = Fixtures.practice(context);
        String base = "http://localhost:" + port;
        String client = "/clients/" + practice.client().clientId();
        try (Browser clinician = Browser.open(base); Browser phone = Browser.phone(base)) {
            clinician.go("/signin").type("email", practice.clinician().email()).type("password", Fixtures.PASSWORD);
            clinician.press("Sign in");
            clinician.type("code", TestTotp.code(practice.clinician().totpSecret(), clock.instant()));
            clinician.press("Continue");

            clinician.go(client + "/goals/new");
            clinician.type("statement", "Feel calmer at work").type("whyItMatters", "So I can enjoy my job again")
                    .type("targetValue", "10").type("baseline", "15");
            new Select(clinician.find(By.id("measure"))).selectByValue("GAD7");
            new Select(clinician.find(By.id("comparator"))).selectByValue("BELOW");
            clinician.press("Add goal");
            assertThat(clinician.text()).contains("Goal added").contains("Feel calmer at work");

            schedule(clinician, "2026-03-03");
            schedule(clinician, "2026-03-10");
            schedule(clinician, "2026-03-17");
            clinician.screenshot("loop-01-client-overview");

            clock.set(Instant.parse("2026-03-03T17:05:00Z"));
            clinician.click(By.linkText("Tue 3 Mar 2026, 17:00"));
            clinician.press("Start: mark as held and review homework");
            assertThat(clinician.text()).contains("1. Homework review").contains("No homework was due at this session");
            clinician.type("title", "Slow breathing");
            clinician.type("instructions", "Breathe in for 4 and out for 6, for five minutes, then rate your calm 0-10.");
            clinician.type("rationale", "So you notice that slowing your breath lowers the alarm.");
            clinician.click(By.name("goalIds"));
            clinician.type("doseCount", "2");
            clinician.type("doseTimes", "after breakfast and before bed");
            clinician.waitFor("twice a day, after breakfast and before bed");
            assertThat(clinician.text()).contains("Quality coach").contains("Specific, measurable and linked");
            clinician.screenshot("loop-02-composer-with-coach");
            clinician.press("Assign");
            assertThat(clinician.text()).contains("Assigned: Slow breathing — twice a day, after breakfast and before bed.");

            phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.press("Sign in");
            assertThat(phone.text()).contains("Slow breathing").contains("Not read in real time");
            String[][] week = {{"2026-03-04T08:00:00Z", "2026-03-04T21:00:00Z"}, {"2026-03-05T08:00:00Z"},
                    {"2026-03-06T08:00:00Z", "2026-03-06T21:30:00Z"}, {}, {"2026-03-08T09:00:00Z", "2026-03-08T22:00:00Z"},
                    {"2026-03-09T07:45:00Z"}};
            for (String[] day : week) {
                for (String at : day) {
                    clock.set(Instant.parse(at));
                    // A day on, the phone's session has passed the practice's lifetime (12 h): the client signs in again.
                    phone.goAs(practice.client(), clock, "/today");
                    phone.press("Done");
                    assertThat(phone.text()).contains("Logged");
                }
            }
            phone.click(By.cssSelector("input[name=rating][value='7']"));
            phone.type("note", "Calmer after the second round");
            phone.press("Save");
            assertThat(phone.text()).contains("1 of 2 today").contains("8 of 12 since Tuesday's session");
            phone.screenshot("loop-03-client-today-phone");
            phone.click(By.partialLinkText("Before your session"));
            phone.type("learned", "Counting the out-breath helps most");
            phone.type("gotInTheWay", "Busy mornings before work");
            phone.click(By.cssSelector("input[name=obstacles][value=NO_TIME]"));
            phone.press("Save");
            assertThat(phone.text()).contains("Thank you");

            clock.set(Instant.parse("2026-03-10T17:05:00Z"));
            clinician.goAs(practice.clinician(), clock, client);
            clinician.click(By.linkText("Tue 10 Mar 2026, 17:00"));
            clinician.press("Start: mark as held and review homework");
            String review = clinician.text();
            assertThat(review).contains("Slow breathing").contains("Done 8 of 12 expected")
                    .contains("Counting the out-breath helps most").contains("Busy mornings before work");
            clinician.screenshot("loop-04-session-review");
            clinician.find(By.name("troubleshooting")).sendKeys("Practise at the bus stop instead");
            clinician.press("Step up");
            assertThat(clinician.text()).contains("Step up: Slow breathing").contains("Plan agreed: Practise at the bus stop instead");
            assertThat(clinician.find(By.id("difficulty")).getAttribute("value")).isEqualTo("6");
            assertThat(clinician.find(By.id("plan")).getAttribute("value")).isEqualTo("Practise at the bus stop instead");
            clinician.press("Step up: assign this");
            assertThat(clinician.text()).contains("Reviewed: step up. Next: Slow breathing (difficulty 6), due at the next session.");

            clock.set(Instant.parse("2026-03-17T17:55:00Z"));
            clinician.goAs(practice.clinician(), clock, client);
            clinician.click(By.linkText("Tue 17 Mar 2026, 17:00"));
            clinician.press("Start: mark as held and review homework");
            clinician.go("/caseload");
            assertThat(clinician.text()).contains("1 not reviewed");
            clinician.screenshot("loop-05-caseload-flag");
            clinician.go(client);
            assertThat(clinician.text()).contains("reached a held session without review");
        }
    }

    private static void schedule(Browser browser, String date) {
        browser.driver().findElement(By.id("date")).sendKeys(date.substring(5, 7) + date.substring(8, 10) + date.substring(0, 4));
        browser.type("time", "1700");
        browser.press("Schedule");
        assertThat(browser.text()).contains("Session scheduled");
    }

}
