package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.carryover.practice.FirstRun;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.FreshDatabase;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * The foundation's "done when", in a real browser: a new user sets up a practice, invites a
 * clinician and a client, and each of them signs in.
 */
@CarryoverTest
@FreshDatabase
class FirstPracticeJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    FirstRun firstRun;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void ownerSetsUpThePracticeInvitesAClinicianAndAClientAndEachSignsIn() throws Exception {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open(base)) {
            browser.go("/setup?token=" + firstRun.issueSetupToken());
            browser.type("practiceName", "Lighthouse Psychology").type("displayName", "Olivia Owner")
                    .type("email", "olivia@lighthouse.example").type("password", "tides turn twice daily")
                    .type("confirmation", "tides turn twice daily");
            browser.screenshot("01-setup");
            browser.press("Create practice");
            assertThat(browser.text()).contains("Your practice is ready");

            signInWithNewSecondFactor(browser, "olivia@lighthouse.example", "tides turn twice daily", "02-second-factor-setup");
            assertThat(browser.path()).isEqualTo("/caseload");

            browser.go("/admin/people");
            browser.type("displayName", "Cam Clinician").type("email", "cam@lighthouse.example");
            browser.press("Send invitation");
            assertThat(browser.text()).contains("Invitation sent to cam@lighthouse.example").contains("Cam Clinician");
            browser.screenshot("03-people");

            browser.go("/clients/new");
            browser.type("displayName", "Robin Client").type("email", "robin@lighthouse.example");
            browser.press("Send invitation");
            assertThat(browser.text()).contains("Robin Client");
            browser.screenshot("04-caseload");
            browser.click(By.cssSelector("header form button"));

            browser.clearCookies();
            browser.go(Mailbox.link(Mailbox.latestTo("cam@lighthouse.example"), "/invitations/"));
            browser.type("password", "meadow larks at dawn").type("confirmation", "meadow larks at dawn");
            browser.press("Set password");
            assertThat(browser.text()).contains("Your account is ready");
            signInWithNewSecondFactor(browser, "cam@lighthouse.example", "meadow larks at dawn", "05-clinician-second-factor");
            assertThat(browser.text()).contains("Your caseload");
            browser.click(By.cssSelector("header form button"));

            browser.clearCookies();
            browser.go(Mailbox.link(Mailbox.latestTo("robin@lighthouse.example"), "/invitations/"));
            browser.type("password", "orange kites over hills").type("confirmation", "orange kites over hills");
            browser.press("Set password");
            browser.type("email", "robin@lighthouse.example").type("password", "orange kites over hills");
            browser.press("Sign in");
            assertThat(browser.path()).isEqualTo("/consent");
            assertThat(browser.text()).contains("Before you start").contains("Version 1");
            browser.screenshot("06-client-consent");
            browser.driver().findElement(By.name("accept")).click();
            browser.press("Agree and continue");
            assertThat(browser.path()).isEqualTo("/today");
            assertThat(browser.text()).contains("Hello, Robin Client").contains("Lighthouse Psychology");
            browser.screenshot("07-client-today");
        }
    }

    private void signInWithNewSecondFactor(Browser browser, String email, String password, String shot) throws Exception {
        browser.type("email", email).type("password", password);
        browser.press("Sign in");
        assertThat(browser.text()).contains("Protect your account");
        browser.screenshot(shot);
        String secret = browser.find(By.cssSelector("code.secret")).getText();
        browser.type("code", TestTotp.code(secret, clock.instant()));
        browser.press("Turn on and continue");
        // Issue 15: ten one-time recovery codes, shown this once, before going on.
        assertThat(browser.path()).isEqualTo("/settings/recovery-codes/new");
        assertThat(browser.text()).contains("Your recovery codes").contains("they are shown only this once");
        assertThat(browser.driver().findElements(By.cssSelector("ol.codes code"))).hasSize(10);
        browser.press("I have saved them – continue");
    }
}
