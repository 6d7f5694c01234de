package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * Issue 15 item 10's lifecycle in Chromium, from the clinician's side: their phone is replaced, so the admin
 * resets their second factor; they set up the new one at their next sign-in and are shown ten recovery codes
 * once; they change their password (current password and code); later, without their phone, one recovery
 * code signs them in, and the same code does not work a second time. The admin's audit shows each step.
 */
@CarryoverTest
class LostPhoneJourneyTests {

    static final String NEW_PASSWORD = "kettle songs at the harbour";

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
    void aClinicianWithANewPhoneReEnrolsKeepsRecoveryCodesAndUsesOneOnce() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        Person clinician = practice.otherClinician();
        String base = "http://localhost:" + port;
        try (Browser theirs = Browser.open(base); Browser admin = Browser.open(base)) {
            signIn(admin, practice.admin(), Fixtures.PASSWORD, practice.admin().totpSecret());
            admin.go("/admin/people");
            admin.click(By.cssSelector("#person-" + clinician.accountId() + " form[action$='/reset-second-factor'] button"));
            admin.waitFor("Second factor reset");
            assertThat(admin.text()).contains("Second factor reset: they set up a new one at their next sign-in.");
            assertThat(Mailbox.body(Mailbox.latestTo(clinician.email()))).contains("reset your second factor");

            // Their next sign-in: the password, then a new authenticator before anything else.
            clock.advance(Duration.ofSeconds(31));
            theirs.go("/signin").type("email", clinician.email()).type("password", Fixtures.PASSWORD);
            theirs.press("Sign in");
            assertThat(theirs.path()).isEqualTo("/signin/second-factor/setup");
            String secret = theirs.find(By.cssSelector("code.secret")).getText().replace(" ", "");
            assertThat(secret).isNotEqualToIgnoringCase(clinician.totpSecret());
            theirs.type("code", TestTotp.code(secret, clock.instant()));
            theirs.press("Turn on and continue");
            assertThat(theirs.text()).contains("Your recovery codes").contains("shown only this once");
            List<String> codes = theirs.driver().findElements(By.cssSelector("ol.codes code")).stream()
                    .map(WebElement::getText).toList();
            assertThat(codes).hasSize(10).doesNotHaveDuplicates();
            theirs.screenshot("lost-phone-01-recovery-codes");
            theirs.press("I have saved them – continue");

            // A new password: the current one and a code from the new app.
            theirs.go("/settings/account");
            clock.advance(Duration.ofSeconds(31));
            theirs.type("current", "not my password at all").type("password", NEW_PASSWORD)
                    .type("confirmation", NEW_PASSWORD).type("code", TestTotp.code(secret, clock.instant()));
            theirs.press("Change password");
            assertThat(theirs.text()).contains("Nothing was changed").contains("Current password is not your current password");
            clock.advance(Duration.ofSeconds(31));
            theirs.type("current", Fixtures.PASSWORD).type("password", NEW_PASSWORD)
                    .type("confirmation", NEW_PASSWORD).type("code", TestTotp.code(secret, clock.instant()));
            theirs.press("Change password");
            assertThat(theirs.text()).contains("Password changed. Every other place you were signed in is signed out.");
            theirs.screenshot("lost-phone-02-password-changed");

            // Phone left at home: a recovery code instead of the app's code, once.
            theirs.clearCookies();
            clock.advance(Duration.ofSeconds(31));
            theirs.go("/signin").type("email", clinician.email()).type("password", NEW_PASSWORD);
            theirs.press("Sign in");
            theirs.type("code", codes.get(0).toLowerCase());
            theirs.press("Continue");
            assertThat(theirs.path()).doesNotStartWith("/signin");
            theirs.go("/settings/account");
            assertThat(theirs.text()).contains("9 unused recovery codes");
            theirs.screenshot("lost-phone-03-in-with-a-recovery-code");

            theirs.clearCookies();
            clock.advance(Duration.ofSeconds(31));
            theirs.go("/signin").type("email", clinician.email()).type("password", NEW_PASSWORD);
            theirs.press("Sign in");
            theirs.type("code", codes.get(0));
            theirs.press("Continue");
            assertThat(theirs.text()).contains("That recovery code did not work: it may be mistyped or already used.");
            theirs.screenshot("lost-phone-04-used-code-refused");

            admin.go("/admin/audit?action=CHANGE");
            assertThat(admin.text()).contains("second factor of " + clinician.name() + " reset")
                    .contains("recovery code used to sign in; 9 left").contains("password changed; other sessions ended");
            admin.screenshot("lost-phone-05-audit");
        }
    }

    private void signIn(Browser browser, Person person, String password, String totpSecret) {
        clock.advance(Duration.ofSeconds(31));
        browser.go("/signin").type("email", person.email()).type("password", password);
        browser.press("Sign in");
        browser.type("code", TestTotp.code(totpSecret, clock.instant()));
        browser.press("Continue");
    }
}
