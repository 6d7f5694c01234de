package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * Issue 21's journey in headless Chromium: a client who finds a new assignment vague asks about it
 * from their phone, the clinician answers before the next session, the client reads the answer on
 * Today, and the session-start review shows both.
 */
@CarryoverTest
class ClientVoiceJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVagueAssignmentIsAskedAboutFromThePhoneAndAnsweredBeforeTheSession() throws Exception {
        clock.set(Instant.parse("2026-12-07T14:00:00Z"));
        TestPractice practice = Fixtures.practice(context);
        var chris = practice.clinician().actor();
        var kim = practice.client().clientId();
        TherapySession monday = sessions.schedule(chris, kim, LocalDateTime.of(2026, 12, 7, 15, 0), 50);
        TherapySession next = sessions.schedule(chris, kim, LocalDateTime.of(2026, 12, 14, 15, 0), 50);
        clock.set(Instant.parse("2026-12-07T15:45:00Z"));
        sessions.setStatus(chris, kim, monday.id(), SessionStatus.HELD);
        assignments.compose(chris, kim, new AssignmentDraft("Notice the good moments",
                "Each evening, notice the good moments of the day.", null, true, List.of(), monday.id(), null,
                Dose.perDay(1), null, null, 3, null));

        String base = "http://localhost:" + port;
        clock.set(Instant.parse("2026-12-08T07:30:00Z"));
        try (Browser phone = Browser.phone(base); Browser desk = Browser.open(base)) {
            phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.press("Sign in");
            assertThat(phone.text()).contains("Notice the good moments").contains("New from your clinician.")
                    .contains("Does this make sense to you?");
            phone.screenshot("voice-01-today-new-assignment-phone");

            phone.press("I have a question");
            assertThat(phone.text()).contains("What to do: Each evening, notice the good moments of the day.")
                    .contains("Why: Your clinician has not written down why. It is a fair question to ask.")
                    .contains("How often: once a day").contains("Until when: Until your session on Monday 14 December at 15:00.");
            phone.type("body", "What counts as a good moment, and should I write them down?");
            phone.screenshot("voice-02-question-phone");
            phone.press("Send to your clinician");
            assertThat(phone.text()).contains("Sent to your clinician.")
                    .contains("You said: I have a question — “What counts as a good moment, and should I write them down?”")
                    .contains("Your clinician will reply here.");

            clock.set(Instant.parse("2026-12-08T12:00:00Z"));
            desk.go("/signin").type("email", practice.clinician().email()).type("password", Fixtures.PASSWORD);
            desk.press("Sign in");
            desk.type("code", TestTotp.code(practice.clinician().totpSecret(), clock.instant()));
            desk.press("Continue");
            desk.go("/caseload");
            assertThat(desk.text()).contains("1 question or request from the client to answer");
            desk.click(By.partialLinkText("from the client to answer"));
            assertThat(desk.text()).contains("Kim Client: questions and requests")
                    .contains("Asked (Tue 8 Dec 2026, 07:30): “What counts as a good moment, and should I write them down?”");
            desk.find(By.cssSelector("textarea[name=reply]")).sendKeys("Anything that felt even a little good: a warm "
                    + "drink, a kind word. Yes, write down three each evening before bed, one line each.");
            desk.screenshot("voice-03-clinician-reply");
            desk.press("Send reply");
            assertThat(desk.text()).contains("Saved: Kim Client sees it on Today").contains("Chris Primary replied (Tue 8 Dec 2026, 12:00)");

            clock.set(Instant.parse("2026-12-08T19:00:00Z"));
            phone.go("/today");
            assertThat(phone.text()).contains("Chris Primary replied: Anything that felt even a little good");
            phone.screenshot("voice-04-today-with-reply-phone");

            clock.set(Instant.parse("2026-12-14T15:01:00Z"));
            // Six days later the desk's session is past the practice's session lifetime (12 h, issue 15): sign in again.
            desk.go("/signin").type("email", practice.clinician().email()).type("password", Fixtures.PASSWORD);
            desk.press("Sign in");
            desk.type("code", TestTotp.code(practice.clinician().totpSecret(), clock.instant()));
            desk.press("Continue");
            desk.go("/clients/" + kim + "/sessions/" + next.id());
            desk.press("Start: mark as held and review homework");
            assertThat(desk.text()).contains("1. Homework review").contains("What the client said when it was set:")
                    .contains("“What counts as a good moment, and should I write them down?”")
                    .contains("Chris Primary replied (Tue 8 Dec 2026, 12:00): “Anything that felt even a little good");
            ((org.openqa.selenium.JavascriptExecutor) desk.driver()).executeScript("arguments[0].scrollIntoView()",
                    desk.find(By.cssSelector(".review-voice")));
            desk.screenshot("voice-05-review-shows-both");

            // The phone's session, six days old, has ended too: the client signs in again.
            phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.press("Sign in");
            phone.go("/good-homework");
            assertThat(phone.text()).contains("What good homework looks like").contains("You should know exactly what to do");
            phone.screenshot("voice-06-good-homework-phone");
        }
    }
}
