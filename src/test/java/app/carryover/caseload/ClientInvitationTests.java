package app.carryover.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Issue 15 item 3: an unaccepted client invitation can be sent again (to a corrected address) and withdrawn,
 * which frees its address; a client with anything recorded keeps their record (discharge instead).
 */
@CarryoverTest
class ClientInvitationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    TestPractice practice;
    WebSession clinician;

    @BeforeEach
    void practice() throws Exception {
        practice = Fixtures.practice(context);
        clinician = WebSession.signIn(mvc, practice.clinician(), clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID invite(String name, String email) throws Exception {
        MvcResult invited = clinician.perform(post("/caseload/invite").param("displayName", name).param("email", email)
                .param("timeZone", "Europe/London"));
        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo("/caseload");
        assertThat(clinician.follow(invited)).as("the page the invitation leads to").contains("Invitation sent to " + email);
        return jdbc.sql("SELECT id FROM client WHERE practice_id = ? AND display_name = ?").params(practice.id(), name)
                .query(UUID.class).single();
    }

    @Test
    void aMistypedAddressIsCorrectedAndTheNewLinkAloneWorks() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String typo = "rae-" + tag + "@exmaple.org";
        String right = "rae-" + tag + "@example.org";
        UUID client = invite("Rae Typo " + tag, typo);
        String oldLink = Mailbox.link(Mailbox.latestTo(typo), "/invitations/");

        String team = clinician.perform(get("/clients/" + client + "/team")).getResponse().getContentAsString();
        assertThat(team).contains("Invitation not accepted yet").contains(typo).contains("Send a new link")
                .contains("Withdraw the invitation");

        MvcResult bad = clinician.perform(post("/clients/" + client + "/invitation/resend").param("email", "rae at home"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("E-mail address is not a valid e-mail address")
                .contains("value=\"rae at home\"");

        MvcResult resent = clinician.perform(post("/clients/" + client + "/invitation/resend").param("email", right));
        assertThat(resent.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + client + "/team");
        assertThat(clinician.perform(get("/clients/" + client + "/team")).getResponse().getContentAsString())
                .contains(right).doesNotContain(typo);
        String newLink = Mailbox.link(Mailbox.latestTo(right), "/invitations/");
        assertThat(new WebSession(mvc).perform(get(oldLink)).getResponse().getStatus()).as("the old link").isEqualTo(410);
        assertThat(new WebSession(mvc).perform(get(newLink)).getResponse().getContentAsString())
                .contains("Welcome, Rae Typo " + tag);

        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.perform(get("/admin/clients")).getResponse().getContentAsString())
                .contains("invited, not accepted yet");
    }

    @Test
    void aWithdrawnInvitationFreesTheAddressAndItsLinkStops() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "wren-" + tag + "@example.org";
        UUID client = invite("Wren Mistake " + tag, email);
        String link = Mailbox.link(Mailbox.latestTo(email), "/invitations/");
        MvcResult again = clinician.perform(post("/caseload/invite").param("displayName", "Wren Twice " + tag)
                .param("email", email).param("timeZone", "Europe/London"));
        assertThat(again.getResponse().getContentAsString()).as("reserved in the practice while invited")
                .contains("already belongs to someone in this practice");

        MvcResult supervisor = WebSession.signIn(mvc, practice.supervisor(), clock)
                .perform(post("/clients/" + client + "/invitation/withdraw"));
        assertThat(supervisor.getResponse().getStatus()).as("not on the team").isEqualTo(404);

        MvcResult withdrawn = clinician.perform(post("/clients/" + client + "/invitation/withdraw"));
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/caseload");
        assertThat(clinician.perform(get("/caseload")).getResponse().getContentAsString())
                .contains("Invitation of Wren Mistake " + tag + " withdrawn").doesNotContain("Wren Mistake " + tag + "</");
        assertThat(clinician.perform(get("/clients/" + client + "/team")).getResponse().getStatus()).isEqualTo(404);
        assertThat(new WebSession(mvc).perform(get(link)).getResponse().getStatus()).as("the link").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE practice_id = ? AND client_id = ? ORDER BY at DESC")
                .params(practice.id(), client).query(String.class).list())
                .contains("invitation withdrawn before it was accepted; record and care team removed");

        UUID invitedAgain = invite("Wren Right " + tag, email);
        assertThat(invitedAgain).isNotEqualTo(client);
    }

    @Test
    void aClientWithSomethingRecordedIsKeptAndAnAcceptedOneCannotBeWithdrawn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID client = invite("Gale Goal " + tag, "gale-" + tag + "@example.org");
        context.getBean(Goals.class).create(practice.clinician().actor(), client, new GoalDraft("Walk each morning",
                null, GoalTarget.Kind.METRIC, null, GoalTarget.Comparator.AT_LEAST, new java.math.BigDecimal("5"),
                "mornings a week", new java.math.BigDecimal("1"), null));
        MvcResult kept = clinician.perform(post("/clients/" + client + "/invitation/withdraw"));
        assertThat(kept.getResponse().getStatus()).isEqualTo(409);
        assertThat(kept.getResponse().getContentAsString()).contains("discharge them instead");
        assertThat(clinician.perform(get("/clients/" + client + "/team")).getResponse().getContentAsString())
                .contains("Invitation not accepted yet");

        MvcResult accepted = clinician.perform(post("/clients/" + practice.client().clientId() + "/invitation/withdraw"));
        assertThat(accepted.getResponse().getStatus()).isEqualTo(409);
        assertThat(accepted.getResponse().getContentAsString()).contains("accepted the invitation already");
        assertThat(clinician.perform(get("/clients/" + practice.client().clientId() + "/team")).getResponse()
                .getContentAsString()).doesNotContain("Invitation not accepted yet");
    }
}
