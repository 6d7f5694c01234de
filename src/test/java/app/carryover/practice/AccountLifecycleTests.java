package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import app.carryover.testing.WebSession;

/** Issue 15 item 10: an account's whole life, each step with immediate effect and audited. */
@CarryoverTest
class AccountLifecycleTests {

    private static final String NEW_PASSWORD = "kettle whistles at dawn";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Scheduler scheduler;

    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = Fixtures.practice(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String code(Fixtures.Person person) {
        clock.advance(Duration.ofSeconds(31));
        return TestTotp.code(person.totpSecret(), clock.instant());
    }

    /** Signs in through the pages, past the second-factor step of the last sign-in (a code works once). */
    private WebSession signIn(Fixtures.Person person) throws Exception {
        clock.advance(Duration.ofSeconds(31));
        return WebSession.signInOnce(mvc, person, clock);
    }

    private boolean signedIn(WebSession web) throws Exception {
        MvcResult home = web.perform(get("/settings/account"));
        return home.getResponse().getStatus() == 200;
    }

    private List<String> audit(Fixtures.Person person) {
        return jdbc.sql("SELECT action || ': ' || coalesce(detail, '') FROM audit_event WHERE practice_id = ? AND object_id = ?"
                + " ORDER BY seq").params(practice.id(), person.accountId().toString()).query(String.class).list();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndTheCodeAndEndsOtherSessions() throws Exception {
        WebSession here = signIn(practice.clinician());
        WebSession elsewhere = signIn(practice.clinician());
        MvcResult wrong = here.perform(post("/settings/password").param("current", "not it").param("password", NEW_PASSWORD)
                .param("confirmation", NEW_PASSWORD).param("code", code(practice.clinician())));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(wrong)).contains("Current password is not your current password");
        MvcResult noCode = here.perform(post("/settings/password").param("current", Fixtures.PASSWORD)
                .param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD).param("code", "000000"));
        assertThat(WebSession.textOf(noCode)).contains("The code is not the current code");

        MvcResult changed = here.perform(post("/settings/password").param("current", Fixtures.PASSWORD)
                .param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD).param("code", code(practice.clinician())));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/settings/account");
        assertThat(signedIn(here)).as("this session goes on").isTrue();
        assertThat(elsewhere.perform(get("/settings/account")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");
        assertThat(new WebSession(mvc).perform(post("/signin").param("email", practice.clinician().email())
                .param("password", Fixtures.PASSWORD)).getResponse().getRedirectedUrl()).isEqualTo("/signin?error");
        assertThat(Mailbox.body(Mailbox.latestTo(practice.clinician().email()))).contains("Your password was changed");
        assertThat(audit(practice.clinician())).contains("CHANGE: password changed; other sessions ended",
                "ACCESS_DENIED: password change refused: wrong current password",
                "ACCESS_DENIED: password change refused: wrong second-factor code");
    }

    @Test
    void aForgottenPasswordIsResetByAnEmailedOneTimeLink() throws Exception {
        WebSession before = signIn(practice.client());
        MvcResult asked = new WebSession(mvc).perform(post("/signin/reset").param("email", practice.client().email()));
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/signin/reset/sent");
        ((ManualScheduler) scheduler).runAnyDueExecutions();
        String link = Mailbox.link(Mailbox.latestTo(practice.client().email()), "/signin/reset/new");
        String token = link.substring(link.indexOf("token=") + 6);
        WebSession browser = new WebSession(mvc);
        assertThat(browser.read("/signin/reset/new?token=" + token)).contains("Choose a new password");
        MvcResult mismatch = browser.perform(post("/signin/reset/new").param("token", token).param("password", NEW_PASSWORD)
                .param("confirmation", "something else entirely"));
        assertThat(mismatch.getResponse().getStatus()).isEqualTo(400);
        MvcResult done = browser.perform(post("/signin/reset/new").param("token", token).param("password", NEW_PASSWORD)
                .param("confirmation", NEW_PASSWORD));
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/signin?password-reset");
        assertThat(before.perform(get("/settings/account")).getResponse().getRedirectedUrl()).as("earlier session")
                .isEqualTo("/signin?ended");
        assertThat(new WebSession(mvc).perform(post("/signin").param("email", practice.client().email())
                .param("password", NEW_PASSWORD)).getResponse().getRedirectedUrl()).isEqualTo("/");
        MvcResult reused = new WebSession(mvc).perform(post("/signin/reset/new").param("token", token)
                .param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD));
        assertThat(reused.getResponse().getStatus()).isEqualTo(410);
        assertThat(audit(practice.client())).anyMatch(a -> a.startsWith("CHANGE: password reset with an e-mailed link"));
    }

    @Test
    void anAdminDisablesAClinicianWhoseSessionsAndTokensStopAtOnce() throws Exception {
        WebSession clinician = signIn(practice.clinician());
        clock.advance(Duration.ofSeconds(31));
        String token = WebSession.apiTokenIn(clinician.createApiToken(practice.clinician(), clock, "laptop", false)
                .getResponse().getContentAsString());
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        WebSession admin = signIn(practice.admin());
        MvcResult disabled = admin.perform(post("/admin/people/" + practice.clinician().accountId() + "/disable"));
        assertThat(disabled.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
        assertThat(admin.read("/admin/people")).contains("Account disabled", "Chris Primary").contains("disabled");

        assertThat(clinician.perform(get("/caseload")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        MvcResult signIn = new WebSession(mvc).perform(post("/signin").param("email", practice.clinician().email())
                .param("password", Fixtures.PASSWORD));
        assertThat(signIn.getResponse().getRedirectedUrl()).as("the same answer as a wrong password").isEqualTo("/signin?error");

        admin.perform(post("/admin/people/" + practice.clinician().accountId() + "/enable"));
        assertThat(admin.read("/admin/people")).contains("Account enabled again");
        signIn(practice.clinician());
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).as("tokens stay revoked").isEqualTo(401);
        assertThat(audit(practice.clinician())).contains("CHANGE: disabled Chris Primary; sessions ended, 1 API token revoked",
                "CHANGE: enabled Chris Primary again").anyMatch(a -> a.startsWith("SIGN_OUT: session ended"));

        MvcResult self = admin.perform(post("/admin/people/" + practice.admin().accountId() + "/disable"));
        assertThat(admin.read("/admin/people")).contains("You cannot disable your own account");
        assertThat(self.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
    }

    @Test
    void signingOutEverywhereEndsEverySession() throws Exception {
        WebSession phone = signIn(practice.client());
        WebSession laptop = signIn(practice.client());
        MvcResult out = laptop.perform(post("/settings/sign-out-everywhere"));
        assertThat(WebSession.textOf(out)).contains("You have signed out everywhere");
        assertThat(phone.perform(get("/settings/account")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");
        assertThat(laptop.perform(get("/settings/account")).getResponse().getRedirectedUrl()).endsWith("/signin");
        assertThat(audit(practice.client())).contains("SIGN_OUT: signed out everywhere");
    }

    @Test
    void aSessionEndsAfterThePracticesLifetimeHoweverActive() throws Exception {
        WebSession clinician = signIn(practice.supervisor());
        for (int hour = 0; hour < 12; hour++) {
            clock.advance(Duration.ofMinutes(59));
            assertThat(signedIn(clinician)).as("active, hour %d", hour).isTrue();
        }
        clock.advance(Duration.ofMinutes(13));
        assertThat(clinician.perform(get("/settings/account")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");

        WebSession admin = signIn(practice.admin());
        MvcResult bad = admin.perform(post("/admin/settings").param("name", "Practice").param("timeZone", "Europe/London")
                .param("requireSecondFactor", "true").param("sessionHours", "0"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(bad)).contains("Hours must be between 1 and 168");
        admin.perform(post("/admin/settings").param("name", "Practice").param("timeZone", "Europe/London")
                .param("requireSecondFactor", "true").param("sessionHours", "2"));
        WebSession shorter = signIn(practice.supervisor());
        clock.advance(Duration.ofMinutes(121));
        assertThat(shorter.perform(get("/settings/account")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");
    }

    @Test
    void aBackgroundRequestMeetingAnEndedSessionIsRefusedAndLeavesTheExplanationForTheNextPage() throws Exception {
        WebSession clinician = signIn(practice.supervisor());
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        // The service worker's update check or an htmx poll: the browser says it is not a page being opened.
        MvcResult poll = clinician.perform(get("/caseload").header("Sec-Fetch-Mode", "cors"));
        assertThat(poll.getResponse().getStatus()).isEqualTo(401);
        assertThat(poll.getResponse().getRedirectedUrl()).isNull();
        assertThat(audit(practice.supervisor())).noneMatch(a -> a.startsWith("SIGN_OUT: session ended"));
        // The person's next page still ends the session and says why.
        MvcResult page = clinician.perform(get("/caseload").header("Sec-Fetch-Mode", "navigate"));
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");
        assertThat(audit(practice.supervisor())).anyMatch(a -> a.startsWith("SIGN_OUT: session ended"));
        assertThat(clinician.perform(get("/caseload").header("Sec-Fetch-Mode", "navigate")).getResponse().getRedirectedUrl())
                .as("ended for good").startsWith("/signin");
    }

    @Test
    void aLostSecondFactorIsResetByAnAdminAndRecoveryCodesWorkOnce() throws Exception {
        WebSession lost = signIn(practice.otherClinician());
        WebSession admin = signIn(practice.admin());
        admin.perform(post("/admin/people/" + practice.otherClinician().accountId() + "/reset-second-factor"));
        assertThat(lost.perform(get("/caseload")).getResponse().getRedirectedUrl()).isEqualTo("/signin?ended");

        WebSession again = new WebSession(mvc);
        MvcResult password = again.perform(post("/signin").param("email", practice.otherClinician().email())
                .param("password", Fixtures.PASSWORD));
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/signin/second-factor/setup");
        String page = again.perform(get("/signin/second-factor/setup")).getResponse().getContentAsString();
        String secret = page.replaceAll("(?s).*<code class=\"secret\">([A-Z2-7 ]+)</code>.*", "$1");
        MvcResult enrolled = again.perform(post("/signin/second-factor/setup").param("code", TestTotp.code(secret, clock.instant())));
        assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/settings/recovery-codes/new");
        String codesPage = again.perform(get("/settings/recovery-codes/new")).getResponse().getContentAsString();
        Matcher m = Pattern.compile("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}").matcher(codesPage);
        assertThat(m.find()).as("recovery codes shown").isTrue();
        String recovery = m.group();
        assertThat(again.perform(get("/settings/recovery-codes/new")).getResponse().getRedirectedUrl())
                .as("shown once").isEqualTo("/settings/account");
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_code WHERE practice_id = ? AND account_id = ?")
                .params(practice.id(), practice.otherClinician().accountId()).query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_code WHERE code_hash::text LIKE ?").param("%" + recovery + "%")
                .query(Long.class).single()).as("stored hashed").isZero();

        for (int use = 0; use < 2; use++) {
            WebSession phoneless = new WebSession(mvc);
            phoneless.perform(post("/signin").param("email", practice.otherClinician().email()).param("password", Fixtures.PASSWORD));
            MvcResult withCode = phoneless.perform(post("/signin/second-factor").param("code", recovery.toLowerCase()));
            if (use == 0) {
                assertThat(withCode.getResponse().getRedirectedUrl()).isEqualTo("/");
            } else {
                assertThat(WebSession.textOf(withCode)).as("a second use").contains("That recovery code did not work");
            }
        }
        assertThat(audit(practice.otherClinician())).anyMatch(a -> a.startsWith("CHANGE: second factor of Olu Other reset"))
                .anyMatch(a -> a.startsWith("CHANGE: second factor set up at sign-in"))
                .contains("CHANGE: recovery code used to sign in; 9 left");
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() throws Exception {
        WebSession clinician = signIn(practice.supervisor());
        assertThat(clinician.perform(get("/caseload")).getResponse().getStatus()).isEqualTo(200);
        assertThat(clinician.perform(get("/admin/people")).getResponse().getStatus()).isEqualTo(403);
        WebSession admin = signIn(practice.admin());
        admin.perform(post("/admin/people/" + practice.supervisor().accountId() + "/roles").param("roles", "ADMIN"));
        assertThat(clinician.perform(get("/admin/people")).getResponse().getStatus()).isEqualTo(200);
        assertThat(clinician.perform(get("/caseload")).getResponse().getStatus()).isEqualTo(403);
        assertThat(audit(practice.supervisor())).contains("CHANGE: roles of Sam Supervisor changed from [clinician] to [admin]");
    }
}
