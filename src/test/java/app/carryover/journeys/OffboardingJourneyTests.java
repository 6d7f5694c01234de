package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * Issue 15's "done when", in Chromium: a clinician leaves the practice; the admin switches them off from
 * the People page in well under a minute, and nothing of theirs can sign in or call the API any more:
 * their open session, their password, a password reset and their API token all stop.
 */
@CarryoverTest
class OffboardingJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Scheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdminOffboardsAClinicianInAMinute() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        Person leaving = practice.clinician();
        String base = "http://localhost:" + port;
        try (Browser theirs = Browser.open(base); Browser admin = Browser.open(base)) {
            signIn(theirs, leaving);
            clock.advance(Duration.ofSeconds(31));
            theirs.go("/settings/tokens").type("name", "Home laptop").type("code",
                    TestTotp.code(leaving.totpSecret(), clock.instant()));
            theirs.press("Create token");
            String token = theirs.find(By.cssSelector("code.secret")).getText();
            assertThat(token).startsWith("co_");
            assertThat(api(base, token)).as("the token works before").isEqualTo(200);
            theirs.go("/caseload");
            assertThat(theirs.text()).contains("Kim Client");

            long start = System.nanoTime();
            signIn(admin, practice.admin());
            admin.go("/admin/people");
            admin.click(By.cssSelector("#person-" + leaving.accountId() + " button.danger"));
            admin.waitFor("Account disabled");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(admin.text()).contains("Account disabled: it cannot sign in, its sessions have ended and its API"
                    + " tokens are revoked.");
            assertThat(admin.find(By.cssSelector("#person-" + leaving.accountId())).getText()).contains("Chris Primary")
                    .contains("disabled").contains("Enable again");
            admin.screenshot("offboarding-01-admin-disabled-chris");
            assertThat(seconds).as("the admin's part, sign-in included, in seconds").isLessThan(60);

            theirs.go("/caseload");
            assertThat(theirs.path()).startsWith("/signin");
            assertThat(theirs.text()).contains("Your session has ended. Please sign in again.").doesNotContain("Kim Client");
            theirs.screenshot("offboarding-02-their-session-ended");
            clock.advance(Duration.ofSeconds(31));
            theirs.go("/signin").type("email", leaving.email()).type("password", Fixtures.PASSWORD);
            theirs.press("Sign in");
            assertThat(theirs.text()).contains("That e-mail address and password do not match an account.");
            theirs.screenshot("offboarding-03-their-password-refused");
            assertThat(api(base, token)).as("the token after").isEqualTo(401);

            long mails = Mailbox.countTo(leaving.email());
            theirs.go("/signin/reset").type("email", leaving.email());
            theirs.press("E-mail me a link");
            assertThat(theirs.text()).contains("If that address has a Carryover account");
            ((ManualScheduler) scheduler).runAnyDueExecutions();
            assertThat(Mailbox.countTo(leaving.email())).as("no reset link for a disabled account").isEqualTo(mails);

            admin.go("/admin/audit?action=CHANGE");
            assertThat(admin.text()).contains("disabled Chris Primary; sessions ended, 1 API token revoked");
            admin.screenshot("offboarding-04-audit");
        }
    }

    private int api(String base, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void signIn(Browser browser, Person person) {
        clock.advance(Duration.ofSeconds(31));
        browser.go("/signin").type("email", person.email()).type("password", Fixtures.PASSWORD);
        browser.press("Sign in");
        if (person.totpSecret() != null) {
            browser.type("code", TestTotp.code(person.totpSecret(), clock.instant()));
            browser.press("Continue");
        }
    }
}
