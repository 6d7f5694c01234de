package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.Assignments;
import app.carryover.testing.Background;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;

/**
 * Reminders' "done when", in real browsers: a client chooses their times and e-mail reminders on a
 * phone, gets the reminder, snoozes it, opens the next one (signed straight in to the practice) and
 * marks it done; the clinician sees the whole funnel.
 */
@CarryoverTest
class ReminderJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @Test
    void aClientChoosesTimesGetsTheReminderSnoozesItPractisesFromTheLinkAndTheClinicianSeesTheFunnel(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z")); // 07:00 in London
        TestPractice practice = clinic.practice();
        context.getBean(Assignments.class).compose(practice.clinician().actor(), practice.client().clientId(),
                draft("Evening walk", "Walk for twenty minutes, then rate your mood 0-10.").build());
        String base = "http://localhost:" + port;
        try (Browser phone = Browser.phone(base); Browser clinician = Browser.open(base)) {
            clinic.signIn(phone, practice.client());
            phone.click(By.linkText("Reminders"));
            phone.press("Turn on reminders by e-mail");
            assertThat(phone.text()).contains("Reminders turned on.").contains("By e-mail: on, to " + practice.client().email());
            phone.find(By.id("times")).clear();
            phone.type("times", "08:00, 19:30");
            phone.press("Save");
            assertThat(phone.text()).contains("Saved.").contains("Tuesday 12 May 2026 at 08:00")
                    .contains("Tuesday 12 May 2026 at 19:30");
            phone.screenshot("reminders-01-client-settings");

            clock.set(Instant.parse("2026-05-12T07:00:00Z"));
            runDue();
            var first = Mailbox.latestTo(practice.client().email());
            assertThat(first.getSubject()).isEqualTo("Practice planned for today");
            assertThat(Mailbox.body(first)).doesNotContain("Evening walk");

            phone.clearCookies();
            phone.go(Mailbox.link(first, "/r/").replace("/open", "/snooze"));
            assertThat(phone.text()).contains("You have practice planned for today").contains("Tuesday 12 May 2026")
                    .doesNotContain("Evening walk");
            phone.screenshot("reminders-02-message-page");
            phone.press("Snooze for an hour");
            assertThat(phone.text()).contains("We will remind you an hour from now, at 09:00.");
            phone.screenshot("reminders-03-snoozed");

            clock.set(Instant.parse("2026-05-12T08:00:00Z"));
            runDue();
            assertThat(Mailbox.countTo(practice.client().email())).isEqualTo(2);
            phone.go(Mailbox.link(Mailbox.latestTo(practice.client().email()), "/r/"));
            phone.press("Open my practice");
            assertThat(phone.path()).startsWith("/today#a-");
            assertThat(phone.text()).contains("Evening walk");
            phone.screenshot("reminders-04-today-from-link");
            phone.click(By.cssSelector("button.done-button"));
            assertThat(phone.text()).containsIgnoringCase("logged");

            clock.set(Instant.parse("2026-05-12T18:30:00Z"));
            runDue();
            assertThat(Mailbox.countTo(practice.client().email())).as("practised: no evening reminder").isEqualTo(2);

            clinic.signIn(clinician, practice.clinician());
            clinician.go("/clients/" + practice.client().clientId() + "/reminders");
            assertThat(clinician.text()).contains("Reminders for " + practice.client().name())
                    .contains("Times: 08:00, 19:30 (their own)")
                    .contains("Evening walk: Reminded 2 times, opened 2, practised 2; 1 not sent (already done, paused or no channel).");
            clinician.screenshot("reminders-05-clinician-funnel");
        }
    }

    private void runDue() {
        Background.runDue(context);
    }
}
