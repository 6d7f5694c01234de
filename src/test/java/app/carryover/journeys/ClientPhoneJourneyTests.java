package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.PracticeLog;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * What a client meets on a phone (390 × 844), in headless Chromium: a thought record interrupted and
 * finished later with its answers restored, its thought box as wide as the form, and the Week with
 * its day headers.
 */
@CarryoverTest
class ClientPhoneJourneyTests {

    /** The automatic thought's box (a group row also carries a hidden marker of the same name). */
    private static final By THOUGHT = By.cssSelector("textarea[name='thoughts[0].thought']");

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

    @Test
    void aThoughtRecordInterruptedIsFinishedLaterAndTheWeekShowsItsDays(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-05-08T08:00:00Z"));
        TestPractice practice = clinic.practice();
        Assignment walk = assign(practice, "Evening walk", null, Dose.perDay(1));
        clock.set(Instant.parse("2026-05-14T18:30:00Z"));
        Assignment thoughts = assign(practice, "Thought record", BuiltInWorksheets.THOUGHT_RECORD,
                new Dose(Dose.Kind.PER_WEEK, 3, null, null, null));
        for (int daysAgo : List.of(1, 2, 2, 4)) {
            log.recordFor(practice.clinician().actor(), practice.client().clientId(), walk.id(),
                    clock.instant().minus(Duration.ofDays(daysAgo)), null, null, null);
        }
        String worksheet = "/today/assignments/" + thoughts.id() + "/worksheet";
        try (Browser phone = Browser.phone("http://localhost:" + port)) {
            clinic.signIn(phone, practice.client());

            phone.go(worksheet);
            assertThat(phone.text()).contains("Your answers are kept as you type");
            WebElement thought = phone.find(THOUGHT);
            WebElement form = phone.find(By.id("worksheet-form"));
            assertThat(thought.getRect().getWidth()).as("the automatic thought box spans the form, not half of it")
                    .isGreaterThan(form.getRect().getWidth() * 8 / 10);
            phone.type(phone.find(By.name("situation")).getAttribute("id"), "Standing in the queue at the bank");
            phone.waitFor("Answers kept today at 19:30.");
            phone.screenshot("client-01-worksheet-kept-phone");

            // typed and left at once: the page sends what is new as it goes
            phone.type(thought.getAttribute("id"), "Everyone is staring at me");
            phone.press("← Today");
            assertThat(phone.path()).isEqualTo("/today");

            clock.advance(Duration.ofHours(2));
            phone.go(worksheet);
            assertThat(phone.text()).contains("Welcome back. Your answers from today at 19:30 are filled in below");
            assertThat(phone.find(By.name("situation")).getAttribute("value")).isEqualTo("Standing in the queue at the bank");
            untilValue(phone, THOUGHT, "Everyone is staring at me", worksheet);
            phone.screenshot("client-02-worksheet-restored-phone");
            phone.press("Save this entry");
            assertThat(phone.text()).as("saved with only the situation and the thought").contains("Logged: Thought record");

            phone.go(worksheet);
            assertThat(phone.text()).as("the finished worksheet leaves no draft behind").doesNotContain("Welcome back");

            phone.go("/week");
            List<WebElement> days = phone.driver().findElements(By.cssSelector("table.week thead th"));
            assertThat(days).hasSize(7).allMatch(WebElement::isDisplayed);
            assertThat(days.get(6).getText()).startsWith("Thu\n14");
            assertThat(days.get(0).getText()).startsWith("Fri\n8");
            assertThat(phone.text()).contains("Evening walk");
            List<WebElement> walkCounts = phone.driver().findElements(By.cssSelector("table.week tbody:first-of-type td"));
            assertThat(walkCounts).extracting(td -> td.getAttribute("textContent").replaceAll("\\s+", ""))
                    .containsExactly("·none", "·none", "1", "·none", "2", "1", "·none");
            assertThat(walkCounts.get(0).getLocation().getY()).as("the counts sit in one row under the days")
                    .isEqualTo(walkCounts.get(6).getLocation().getY());
            phone.screenshot("client-03-week-phone");
        }
    }

    @Test
    void aMissedDayIsLoggedLateAWorksheetCorrectedAndARemovalTakenBack(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-05-08T08:00:00Z"));
        TestPractice practice = clinic.practice();
        Assignment walk = assign(practice, "Evening walk", null, Dose.perDay(1));
        Assignment mood = assign(practice, "Mood check", BuiltInWorksheets.MOOD_TRACKER, Dose.perDay(1));
        clock.set(Instant.parse("2026-05-14T18:30:00Z"));
        try (Browser phone = Browser.phone("http://localhost:" + port)) {
            clinic.signIn(phone, practice.client());

            // a missed Tuesday, logged on Thursday evening
            phone.click(By.xpath("//article[h2='Evening walk']//details[@class='late']/summary"));
            assertThat(phone.text()).contains("Yesterday, Wednesday 13 May")
                    .contains("Your practice lets you log up to 3 days late. For anything older, tell your clinician at your next session.");
            new org.openqa.selenium.support.ui.Select(phone.find(By.id("late-" + walk.id() + "-day")))
                    .selectByVisibleText("Tuesday 12 May");
            phone.screenshot("client-04-missed-day-phone");
            phone.click(By.cssSelector("details.late form[action$='/" + walk.id() + "/done'] button"));
            assertThat(phone.text()).contains("Logged: Evening walk, for Tuesday 12 May.");

            // a worksheet filed for yesterday, then corrected
            phone.go("/today/assignments/" + mood.id() + "/worksheet");
            assertThat(phone.text()).contains("Which day was it?");
            choose(phone, "mood", "3");
            choose(phone, "anxiety", "8");
            new org.openqa.selenium.support.ui.Select(phone.find(By.id("worksheet-day")))
                    .selectByVisibleText("Yesterday, Wednesday 13 May");
            phone.press("Save this entry");
            assertThat(phone.text()).contains("Logged: Mood check, for yesterday.");

            phone.go("/history");
            assertThat(phone.text()).contains("Mood check").contains("Evening walk");
            phone.press("read or correct");
            assertThat(phone.text()).contains("Your answers: Daily mood and anxiety tracker")
                    .contains("Wednesday 13 May")
                    .contains("You can change this entry until your clinician has gone through this practice with you");
            phone.press("Correct your answers");
            assertThat(phone.find(By.xpath("//input[@name='mood' and @value='3']")).isSelected()).isTrue();
            choose(phone, "mood", "6");
            phone.screenshot("client-05-correcting-answers-phone");
            phone.press("Save the corrected answers");
            assertThat(phone.text()).contains("Your answers are corrected. Your clinician sees them, and the earlier ones stay in your record.")
                    .contains("changed since you logged it");
            assertThat(phone.find(By.cssSelector("dl.answers")).getText()).contains("6").doesNotContain("\n3\n");
            phone.screenshot("client-06-corrected-phone");

            // a removal, taken back
            phone.go("/history");
            phone.click(By.cssSelector("button[aria-label='Remove the entry of 12 May']"));
            assertThat(phone.text()).contains("Removed: Evening walk, Tuesday 12 May.").contains("Undo");
            phone.screenshot("client-07-removed-undo-phone");
            phone.press("Undo");
            assertThat(phone.text()).contains("The entry is back.").doesNotContain("Removed: Evening walk");
            assertThat(phone.driver().findElements(By.cssSelector("button[aria-label='Remove the entry of 12 May']"))).hasSize(1);
        }
    }

    /** Ticks one answer of a choice question by its label, as a thumb would. */
    private static void choose(Browser phone, String name, String value) {
        phone.click(By.xpath("//input[@name='" + name + "' and @value='" + value + "']/parent::label"));
    }

    /** A value the page sent on leaving may land a moment after the next page loaded; look again until it is there. */
    private static void untilValue(Browser phone, By field, String expected, String path) {
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> {
            if (expected.equals(phone.find(field).getAttribute("value"))) {
                return true;
            }
            phone.go(path);
            return false;
        });
    }

    private Assignment assign(TestPractice practice, String title, String worksheet, Dose dose) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), draft(title,
                "Do it each evening after dinner, then log it here.").rationale("To build the habit.")
                .worksheet(worksheet).dose(dose).build());
    }
}
