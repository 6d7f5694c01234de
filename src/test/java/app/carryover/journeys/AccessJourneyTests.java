package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.homework.Assignments;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;

/**
 * The access issue's "done when", in a real browser: an admin, a clinician, a supervisor and a
 * client each see exactly what they should, and the audit shows each of their reads.
 */
@CarryoverTest
class AccessJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Goals goals;
    @Autowired
    Assignments assignments;

    @Test
    void eachRoleSeesWhatItShouldAndTheAuditShowsTheirReads() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        String client = "/clients/" + practice.client().clientId();
        goals.create(practice.clinician().actor(), practice.client().clientId(), new GoalDraft("Sleep through the night",
                "To have energy for the children", GoalTarget.Kind.METRIC, null, GoalTarget.Comparator.AT_LEAST,
                new BigDecimal("5"), "nights a week slept through", new BigDecimal("1"), null));
        assignments.compose(practice.clinician().actor(), practice.client().clientId(), draft("Wind-down routine",
                "Lights off at 23:00, no screens for the last half hour; tick the sleep diary each morning.")
                .rationale("To give the body a steady signal.").build());
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.open(base)) {
            signIn(browser, practice.clinician());
            browser.go(client);
            assertThat(browser.text()).contains("Sleep through the night").contains("Wind-down routine")
                    .contains("Assign homework").contains("Schedule a session");
            browser.screenshot("access-01-primary-clinician");
            signOut(browser);

            signIn(browser, practice.supervisor());
            browser.go(client);
            assertThat(browser.text()).as("a supervisor reads").contains("Sleep through the night").contains("Wind-down routine")
                    .as("but does not change").doesNotContain("Assign homework").doesNotContain("Schedule a session")
                    .doesNotContain("Add a goal");
            browser.screenshot("access-02-supervisor");
            browser.go(client + "/goals/new");
            assertThat(browser.text()).contains("Supervisors read this record but do not change it");
            signOut(browser);

            signIn(browser, practice.otherClinician());
            browser.go(client);
            assertThat(browser.text()).as("a clinician of another team").contains("Client was not found")
                    .doesNotContain("Sleep through the night");
            signOut(browser);

            signIn(browser, practice.admin());
            browser.go("/admin/clients");
            assertThat(browser.text()).contains("Kim Client").contains("Lee Otherclient");
            browser.go(client + "/team");
            assertThat(browser.text()).as("names and care teams").contains("Chris Primary").contains("Sam Supervisor");
            browser.go(client);
            assertThat(browser.text()).as("no clinical content for an admin off the team").contains("Your role does not allow this")
                    .doesNotContain("Sleep through the night").doesNotContain("Wind-down routine");
            browser.screenshot("access-03-admin-refused-clinical");
            signOut(browser);

            signIn(browser, practice.client());
            browser.go("/today");
            assertThat(browser.text()).contains("Wind-down routine");
            browser.go(client);
            assertThat(browser.text()).as("the client never gets the clinician's view").contains("Your role does not allow this")
                    .doesNotContain("Schedule a session");
            signOut(browser);

            signIn(browser, practice.admin());
            browser.go("/admin/audit?client=" + practice.client().clientId() + "&action=READ");
            String audit = browser.text();
            assertThat(audit).contains("Chris Primary (clinician)").contains("Sam Supervisor (clinician)")
                    .contains("Kim Client (client)").contains("client overview").contains("today");
            browser.screenshot("access-04-admin-audit");
            browser.go("/admin/audit?client=" + practice.client().clientId() + "&action=ACCESS_DENIED");
            assertThat(browser.text()).contains("Olu Other (clinician)").contains("Ada Admin (admin)");
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

    private static void signOut(Browser browser) {
        browser.click(org.openqa.selenium.By.cssSelector("header form button"));
    }
}
