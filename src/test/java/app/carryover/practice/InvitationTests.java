package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/** Admins invite clinicians, clinicians invite clients, by e-mailed links that work once. */
@CarryoverTest
class InvitationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = Fixtures.practice(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void adminInvitesAClinicianWhoSetsAPasswordAndSignsIn() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        String email = "new-clinician-" + practice.id() + "@example.org";
        MvcResult invited = admin.perform(post("/admin/people/invite").param("displayName", "Noor Newclinician")
                .param("email", email).param("roles", "CLINICIAN"));
        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
        assertThat(admin.perform(get("/admin/people").flashAttrs(invited.getFlashMap())).getResponse().getContentAsString())
                .contains("Invitation sent to " + email).doesNotContain("No e-mail was sent").doesNotContain("invitation-link")
                .contains("Noor Newclinician").contains("invited");

        String link = Mailbox.link(Mailbox.latestTo(email), "/invitations/");
        WebSession invitee = new WebSession(mvc);
        assertThat(invitee.perform(get(link)).getResponse().getContentAsString()).contains("Welcome, Noor Newclinician");
        MvcResult weak = invitee.perform(post(link).param("password", "short").param("confirmation", "short"));
        assertThat(weak.getResponse().getStatus()).isEqualTo(400);
        assertThat(weak.getResponse().getContentAsString()).contains("Use at least 12 characters");

        MvcResult accepted = invitee.perform(post(link).param("password", "paper boats on a quiet pond")
                .param("confirmation", "paper boats on a quiet pond"));
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/signin?welcome");
        MvcResult signIn = new WebSession(mvc).perform(post("/signin").param("email", email)
                .param("password", "paper boats on a quiet pond"));
        assertThat(signIn.getResponse().getRedirectedUrl()).as("clinicians must set up a second factor")
                .isEqualTo("/signin/second-factor/setup");

        MvcResult reused = new WebSession(mvc).perform(get(link));
        assertThat(reused.getResponse().getStatus()).isEqualTo(410);
    }

    @Test
    void clinicianInvitesAClientWhoChoosesSignInLinks() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        String email = "new-client-" + practice.id() + "@example.org";
        MvcResult created = clinician.perform(post("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"Rae Newclient\",\"email\":\"" + email + "\",\"timeZone\":\"America/Chicago\"}"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getContentAsString()).contains("\"timeZone\":\"America/Chicago\"");

        String link = Mailbox.link(Mailbox.latestTo(email), "/invitations/");
        WebSession invitee = new WebSession(mvc);
        MvcResult linksOnly = invitee.perform(post(link).param("linksOnly", "true"));
        assertThat(linksOnly.getResponse().getRedirectedUrl()).as("lands on the form that e-mails a link")
                .isEqualTo("/signin?links");
        String signInPage = invitee.perform(get("/signin").param("links", "").flashAttrs(linksOnly.getFlashMap()))
                .getResponse().getContentAsString();
        assertThat(signInPage).contains("Your account is ready. Whenever you want to sign in, ask for a link")
                .contains("<details class=\"alt\" open=\"open\">")
                .contains("name=\"username\" type=\"email\" autocomplete=\"email\" required value=\"" + email + "\"");
        new WebSession(mvc).perform(post("/signin/link/request").param("username", email));
        ((com.github.kagkarlsson.scheduler.testhelper.ManualScheduler) context.getBean(
                com.github.kagkarlsson.scheduler.Scheduler.class)).runAnyDueExecutions();
        String signInLink = Mailbox.link(Mailbox.latestTo(email), "/signin/link");
        WebSession client = new WebSession(mvc);
        client.perform(post("/signin/link").param("token", signInLink.substring(signInLink.indexOf("token=") + 6)));
        assertThat(client.perform(get("/today")).getResponse().getRedirectedUrl()).as("terms first").isEqualTo("/consent");
        assertThat(client.perform(get("/consent")).getResponse().getContentAsString()).contains("Before you start");
        client.perform(post("/consent").param("accept", "true"));
        assertThat(client.perform(get("/today")).getResponse().getContentAsString()).contains("Hello, Rae Newclient");
        assertThat(clinician.perform(get("/caseload")).getResponse().getContentAsString()).contains("Rae Newclient");
    }

    @Test
    void anExpiredInvitationAsksForANewOne() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        String email = "late-" + practice.id() + "@example.org";
        admin.perform(post("/admin/people/invite").param("displayName", "Lou Late").param("email", email)
                .param("roles", "CLINICIAN"));
        String link = Mailbox.link(Mailbox.latestTo(email), "/invitations/");
        clock.advance(Invitations.LIFETIME.plus(Duration.ofMinutes(1)));
        MvcResult page = new WebSession(mvc).perform(get(link));
        assertThat(page.getResponse().getStatus()).isEqualTo(410);
        assertThat(page.getResponse().getContentAsString()).contains("Ask your practice to send you a new one");
    }

    @Test
    void anAddressCanHoldOnlyOneAccountInTheWholeInstallation() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        MvcResult duplicate = admin.perform(post("/api/v1/staff/invitations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + practice.client().email().toUpperCase() + "\",\"displayName\":\"Dup\",\"roles\":[\"CLINICIAN\"]}"));
        assertThat(duplicate.getResponse().getStatus()).isEqualTo(400);
        assertThat(duplicate.getResponse().getContentAsString()).contains("\"field\":\"email\"").contains("already belongs");
    }

    @Test
    void onlyAdminsInviteStaffAndOnlyCliniciansInviteClients() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        MvcResult staff = clinician.perform(post("/api/v1/staff/invitations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"x-" + practice.id() + "@example.org\",\"displayName\":\"X\",\"roles\":[\"ADMIN\"]}"));
        assertThat(staff.getResponse().getStatus()).isEqualTo(403);

        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        MvcResult client = admin.perform(post("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"Y\",\"email\":\"y-" + practice.id() + "@example.org\",\"timeZone\":\"Europe/Paris\"}"));
        assertThat(client.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email LIKE ?").param("%-" + practice.id() + "@example.org")
                .query(Long.class).single()).isZero();
    }
}
