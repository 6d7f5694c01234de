package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.system.Role;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.FreshDatabase;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import app.carryover.testing.WebSession;
import app.carryover.testing.WithoutMailServer;

/**
 * The first run on an empty database, as a fresh install starts (no mail server): the setup link
 * creates the practice and its first admin, once; invitations say that nothing was e-mailed and give
 * their inviter the link.
 */
@CarryoverTest
@FreshDatabase
@WithoutMailServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstRun firstRun;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @Order(1)
    void anExpiredSetupLinkIsRefusedWithAPlainMessage() throws Exception {
        String token = firstRun.issueSetupToken();
        clock.advance(Duration.ofHours(25));
        MvcResult page = mvc.perform(get("/setup").param("token", token)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(410);
        assertThat(page.getResponse().getContentAsString()).contains("expired or was already used");
    }

    @Test
    @Order(2)
    void invalidSetupIsRefusedFieldByFieldAndWritesNothing() throws Exception {
        String token = firstRun.issueSetupToken();
        WebSession web = new WebSession(mvc);
        MvcResult result = web.perform(post("/setup").param("token", token)
                .param("practiceName", "").param("timeZone", "Mars/Olympus").param("displayName", "Ann")
                .param("email", "not-an-address").param("password", "Password1234!").param("confirmation", "x"));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("Practice name must be 1 to 200 characters")
                .contains("Time zone is not a known time zone")
                .contains("E-mail address is not a valid e-mail address")
                .contains("among the most commonly used");
        assertThat(jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void aPasswordErrorKeepsEverythingTypedButThePasswords() throws Exception {
        String token = firstRun.issueSetupToken();
        MvcResult result = new WebSession(mvc).perform(post("/setup").param("token", token)
                .param("practiceName", "Lighthouse Counselling").param("timeZone", "Europe/Dublin")
                .param("displayName", "Olivia Owner").param("email", "olivia@lighthouse.example")
                .param("password", "short").param("confirmation", "short").param("alsoClinician", "true"));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("value=\"Lighthouse Counselling\"").contains("value=\"Olivia Owner\"")
                .contains("value=\"olivia@lighthouse.example\"").contains("<option value=\"Europe/Dublin\" selected=\"selected\">")
                .containsPattern("name=\"alsoClinician\" value=\"true\"[^>]*checked")
                .doesNotContain("value=\"short\"");
        assertThat(jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single()).isZero();

        MvcResult unticked = new WebSession(mvc).perform(post("/setup").param("token", token)
                .param("practiceName", "Lighthouse Counselling").param("timeZone", "Europe/Dublin")
                .param("displayName", "Olivia Owner").param("email", "olivia@lighthouse.example")
                .param("password", "short").param("confirmation", "short"));
        assertThat(unticked.getResponse().getContentAsString()).as("an unticked box stays unticked")
                .doesNotContainPattern("name=\"alsoClinician\" value=\"true\"[^>]*checked");
    }

    @Test
    @Order(3)
    void theSetupLinkCreatesThePracticeAndItsAdminOnlyOnce() throws Exception {
        String token = firstRun.issueSetupToken();
        assertThat(mvc.perform(get("/setup").param("token", token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        WebSession web = new WebSession(mvc);
        MvcResult created = web.perform(post("/setup").param("token", token)
                .param("practiceName", "Harbour Therapy").param("timeZone", "Europe/London")
                .param("displayName", "Ann Admin").param("email", "Ann@Harbour.example")
                .param("password", "lantern over quiet harbour").param("confirmation", "lantern over quiet harbour")
                .param("alsoClinician", "true"));
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/signin?set-up");
        assertThat(jdbc.sql("SELECT name FROM practice").query(String.class).list()).containsExactly("Harbour Therapy");
        assertThat(jdbc.sql("SELECT email || ' ' || array_to_string(roles, ',') FROM account").query(String.class).list())
                .containsExactly("ann@harbour.example ADMIN,CLINICIAN");

        MvcResult again = web.perform(post("/setup").param("token", token).param("practiceName", "Second")
                .param("timeZone", "Europe/London").param("displayName", "Eve").param("email", "eve@example.org")
                .param("password", "lantern over quiet harbour").param("confirmation", "lantern over quiet harbour"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("already set up");
        String another = firstRun.issueSetupToken();
        assertThat(mvc.perform(get("/setup").param("token", another)).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single()).isOne();
    }

    @Test
    @Order(5)
    void withoutAMailServerInvitationsSaySoAndTheirInviterGetsTheLink() throws Exception {
        UUID practiceId = jdbc.sql("SELECT id FROM practice").query(UUID.class).single();
        Fixtures.Person owner = Fixtures.staff(context, practiceId, EnumSet.of(Role.ADMIN, Role.CLINICIAN), "Nell Owner");
        WebSession admin = WebSession.signIn(mvc, owner, clock);

        MvcResult invited = admin.perform(post("/admin/people/invite").param("displayName", "Cam Clinician")
                .param("email", "cam@harbour.example").param("roles", "CLINICIAN"));
        assertThat(invited.getResponse().getStatus()).isEqualTo(200);
        String page = invited.getResponse().getContentAsString();
        assertThat(page).contains("No e-mail was sent").doesNotContain("Invitation sent")
                .contains("This Carryover has no mail server set up, so the invitation for Cam Clinician (cam@harbour.example) "
                        + "was not e-mailed. Give Cam Clinician this link yourself, privately")
                .contains("Copy the link");
        String link = page.replaceAll("(?s).*id=\"invitation-link\" type=\"text\" readonly value=\"http://localhost(/invitations/[A-Za-z0-9_-]+)\".*", "$1");
        assertThat(link).startsWith("/invitations/");
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("Welcome, Cam Clinician");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE '%link was shown to the inviter%'")
                .query(Long.class).single()).as("showing the link is on the audit").isOne();
        assertThat(admin.perform(get("/admin/people")).getResponse().getContentAsString())
                .as("the link is shown once, in the answer to the invitation").doesNotContain("invitation-link");

        String client = admin.perform(post("/caseload/invite").param("displayName", "Robin Client")
                .param("email", "robin@harbour.example").param("timeZone", "Europe/London")).getResponse().getContentAsString();
        assertThat(client).contains("No e-mail was sent").contains("the invitation for Robin Client (robin@harbour.example)");
        String clientLink = client.replaceAll("(?s).*readonly value=\"http://localhost(/invitations/[A-Za-z0-9_-]+)\".*", "$1");
        assertThat(mvc.perform(get(clientLink)).andReturn().getResponse().getContentAsString())
                .as("no e-mailed links to choose where none can be sent").contains("Welcome, Robin Client")
                .doesNotContain("Use e-mailed sign-in links instead");
        assertThat(mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString())
                .contains("This Carryover has no mail server set up, so it cannot e-mail sign-in links")
                .doesNotContain("E-mail me a sign-in link");
    }

    @Test
    @Order(6)
    void inABrowserTheClinicianHandsTheLinkOverAndTheClientSetsUpTheirAccount() throws Exception {
        UUID practiceId = jdbc.sql("SELECT id FROM practice").query(UUID.class).single();
        Fixtures.Person owner = Fixtures.staff(context, practiceId, EnumSet.of(Role.ADMIN, Role.CLINICIAN), "Nia Owner");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/signin").type("email", owner.email()).type("password", Fixtures.PASSWORD);
            browser.press("Sign in");
            browser.type("code", TestTotp.code(owner.totpSecret(), clock.instant()));
            browser.press("Continue");
            assertThat(browser.path()).isEqualTo("/caseload");

            browser.go("/clients/new");
            browser.type("displayName", "Sam Client").type("email", "sam@harbour.example");
            browser.press("Send invitation");
            assertThat(browser.text()).contains("No e-mail was sent")
                    .contains("the invitation for Sam Client (sam@harbour.example) was not e-mailed. Give Sam Client this link yourself, privately")
                    .contains("Go to Sam Client’s record").doesNotContain("Invitation sent");
            String link = browser.find(By.id("invitation-link")).getAttribute("value");
            assertThat(link).startsWith("http://localhost").contains("/invitations/");
            browser.press("Copy the link");
            assertThat(browser.find(By.cssSelector("button[data-copy]")).getText())
                    .as("copied, or at least selected for copying by hand").isIn("Copied", "Selected: copy it now");
            browser.screenshot("invite-01-no-mail-link-to-hand-over");
            browser.click(By.cssSelector("header form button"));

            browser.clearCookies();
            browser.go(link.substring(link.indexOf("/invitations/")));
            assertThat(browser.text()).contains("Welcome, Sam Client").doesNotContain("Use e-mailed sign-in links instead");
            browser.type("password", "quiet rivers run deep").type("confirmation", "quiet rivers run deep");
            browser.screenshot("invite-02-client-sets-password");
            browser.press("Set password");
            assertThat(browser.text()).contains("Your account is ready")
                    .contains("This Carryover has no mail server set up, so it cannot e-mail sign-in links")
                    .doesNotContain("Get a sign-in link by e-mail");
            browser.screenshot("invite-03-signin-without-mail");
            browser.type("email", "sam@harbour.example").type("password", "quiet rivers run deep");
            browser.press("Sign in");
            assertThat(browser.path()).isEqualTo("/consent");
            assertThat(browser.text()).contains("Before you start");
        }
    }

    @Test
    @Order(7)
    void noSetupLinkIsLoggedOnceAPracticeExists() {
        long before = jdbc.sql("SELECT count(*) FROM setup_token").query(Long.class).single();
        firstRun.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM setup_token").query(Long.class).single()).isEqualTo(before);
    }
}
