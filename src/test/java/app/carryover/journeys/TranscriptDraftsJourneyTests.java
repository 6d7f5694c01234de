package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * Issue 11 item 15 in a real browser: the client reads what transcript analysis means and agrees; the
 * clinician pastes a session's transcript, sees two drafts from one turn, opens the thought record's draft
 * (titled from the task, the worksheet linked, "aiming for three" as the dose) and assigns it as it stands.
 * Screenshots under target/screenshots/transcript-drafts-*.png.
 */
@CarryoverTest
class TranscriptDraftsJourneyTests {

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
    void theClientAgreesKnowingWhatIsKeptAndTheClinicianAssignsTheDraftsAsTheyStand() throws Exception {
        clock.set(Instant.parse("2026-04-07T15:00:00Z"));
        TestPractice practice = Fixtures.practice(context);
        Sessions sessions = context.getBean(Sessions.class);
        TherapySession session = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2026, 4, 7, 17, 0), 50);
        clock.set(Instant.parse("2026-04-07T16:55:00Z"));
        sessions.setStatus(practice.clinician().actor(), practice.client().clientId(), session.id(), SessionStatus.HELD);
        context.getBean(Consents.class).decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, false);
        String base = "http://localhost:" + port;

        try (Browser phone = Browser.phone(base)) {
            signIn(phone, practice.client());
            phone.go("/settings/privacy");
            assertThat(phone.text()).contains("Analysing transcripts of my sessions")
                    .contains("Nothing is sent to another company or to an outside AI service")
                    .contains("deleted as soon as your clinician has decided about each task found in it")
                    .contains("only the clinicians on your care team see the transcript");
            WebElementScroll.to(phone, "Agree to analysing transcripts of my sessions");
            phone.screenshot("transcript-drafts-01-client-privacy-phone");
            phone.press("Agree to analysing transcripts of my sessions");
            assertThat(phone.text()).contains("Thank you. You agreed to: Analysing transcripts of my sessions.")
                    .contains("Withdraw consent to analysing transcripts of my sessions");
        }

        String client = "/clients/" + practice.client().clientId();
        try (Browser desk = Browser.open(base)) {
            signIn(desk, practice.clinician());
            desk.go(client + "/sessions/" + session.id());
            desk.click(By.xpath("//summary[normalize-space()='Or paste the text']"));
            desk.type("transcript-text", TranscriptText.TWO_TASKS);
            desk.press("Upload and find homework");
            assertThat(desk.text()).contains("Transcript read.").contains("Fill in a thought record").contains("Go for a short walk")
                    .contains("turn 3 · one of 2 tasks set in this turn");
            desk.screenshot("transcript-drafts-02-two-drafts-from-one-turn");

            desk.click(By.xpath("//article[.//h3[normalize-space()='Fill in a thought record']]//a[normalize-space()='Use as draft']"));
            assertThat(desk.find(By.id("title")).getAttribute("value")).isEqualTo("Fill in a thought record");
            assertThat(desk.find(By.id("instructions")).getAttribute("value"))
                    .isEqualTo("Fill in a thought record each time it shows up, aiming for three.");
            assertThat(new Select(desk.find(By.id("worksheetKey"))).getFirstSelectedOption().getText()).startsWith("Thought record");
            assertThat(new Select(desk.find(By.id("doseKind"))).getFirstSelectedOption().getText())
                    .isEqualTo("in all, each time something happens");
            assertThat(desk.find(By.id("doseCount")).getAttribute("value")).isEqualTo("3");
            assertThat(desk.find(By.id("doseTrigger")).getAttribute("value")).isEqualTo("each time it shows up");
            assertThat(desk.text()).contains("Worksheet: Thought record — named in the session (“thought record”), so the draft uses it.")
                    .contains("Dose read from the words “each time it shows up, aiming for three”: each time it shows up, aiming for 3.");
            desk.screenshot("transcript-drafts-03-thought-record-draft");

            desk.click(By.name("general"));
            desk.press("Assign");
            assertThat(desk.text()).contains("Assigned: Fill in a thought record — each time it shows up, aiming for 3.")
                    .contains("assigned as Fill in a thought record");
            desk.screenshot("transcript-drafts-04-assigned");
        }
    }

    private void signIn(Browser browser, Person person) {
        clock.advance(java.time.Duration.ofSeconds(31));
        browser.go("/signin").type("email", person.email()).type("password", Fixtures.PASSWORD);
        browser.press("Sign in");
        if (person.totpSecret() != null) {
            browser.type("code", TestTotp.code(person.totpSecret(), clock.instant()));
            browser.press("Continue");
        }
    }

    /** Scrolls the button with this text into view, so the screenshot shows it. */
    private static final class WebElementScroll {
        static void to(Browser browser, String text) {
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    browser.find(By.xpath("//button[normalize-space()=\"" + text + "\"]")));
        }
    }

    /** The session as it was said (written for this test). */
    private static final class TranscriptText {
        static final String TWO_TASKS = "T: How have the last two weeks been?\n"
                + "C: Honestly, I froze in the meeting and then I thought, I'm useless, I always mess it up.\n"
                + "T: That sounds like a strong thought. So this week, could you fill in a thought record each time it shows up, "
                + "aiming for three? And also, I'd like you to go for a short walk every morning before work.\n"
                + "C: Okay, I can try that.\n";
    }
}
