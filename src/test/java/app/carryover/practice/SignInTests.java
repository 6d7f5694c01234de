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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import app.carryover.testing.WebSession;
import jakarta.mail.internet.MimeMessage;

@CarryoverTest
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PracticeProvisioning provisioning;

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
    void clinicianNeedsPasswordAndCodeAndGetsANewSessionId() throws Exception {
        WebSession web = new WebSession(mvc);
        web.perform(get("/signin"));
        MvcResult password = web.perform(post("/signin").param("email", practice.clinician().email())
                .param("password", Fixtures.PASSWORD));
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/signin/second-factor");
        String halfwaySession = web.sessionCookie().getValue();

        MvcResult beforeCode = web.perform(get("/caseload"));
        assertThat(beforeCode.getResponse().getRedirectedUrl()).isEqualTo("/signin/second-factor");

        MvcResult wrong = web.perform(post("/signin/second-factor").param("code", "000000"));
        assertThat(wrong.getResponse().getContentAsString()).contains("That code did not work");

        MvcResult right = web.perform(post("/signin/second-factor")
                .param("code", TestTotp.code(practice.clinician().totpSecret(), clock.instant())));
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(web.sessionCookie().getValue()).as("session id after sign-in").isNotEqualTo(halfwaySession);
        assertThat(web.perform(get("/caseload")).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(practice.clinician().email()).query(Integer.class).list())
                .as("session stored in PostgreSQL with a 30-minute idle limit").contains(1800);
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String code = TestTotp.code(practice.supervisor().totpSecret(), clock.instant());
        WebSession first = new WebSession(mvc);
        first.perform(post("/signin").param("email", practice.supervisor().email()).param("password", Fixtures.PASSWORD));
        assertThat(first.perform(post("/signin/second-factor").param("code", code)).getResponse().getRedirectedUrl())
                .isEqualTo("/");

        WebSession second = new WebSession(mvc);
        second.perform(post("/signin").param("email", practice.supervisor().email()).param("password", Fixtures.PASSWORD));
        MvcResult replay = second.perform(post("/signin/second-factor").param("code", code));
        assertThat(replay.getResponse().getContentAsString()).contains("That code did not work");
    }

    @Test
    void firstSignInSetsUpTheSecondFactor() throws Exception {
        java.util.UUID id = provisioning.addAccount(practice.id(), "newcomer-" + practice.id() + "@example.org",
                "Nia Newcomer", java.util.EnumSet.of(app.carryover.system.Role.CLINICIAN), Fixtures.PASSWORD);
        WebSession web = new WebSession(mvc);
        MvcResult password = web.perform(post("/signin").param("email", "newcomer-" + practice.id() + "@example.org")
                .param("password", Fixtures.PASSWORD));
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/signin/second-factor/setup");
        String page = web.perform(get("/signin/second-factor/setup")).getResponse().getContentAsString();
        assertThat(page).contains("<svg").contains("Enter this key by hand");
        String secret = page.replaceAll("(?s).*<code class=\"secret\">([A-Z2-7 ]+)</code>.*", "$1");
        MvcResult done = web.perform(post("/signin/second-factor/setup").param("code", TestTotp.code(secret, clock.instant())));
        // the recovery codes are shown once, then the person goes on (issue 15)
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/settings/recovery-codes/new");
        assertThat(web.read("/settings/recovery-codes/new")).contains("Save these now: they are shown only this once");
        assertThat(jdbc.sql("SELECT totp_confirmed_at IS NOT NULL FROM account WHERE practice_id = ? AND id = ?")
                .params(practice.id(), id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
        String email = practice.otherClinician().email();
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            MvcResult wrong = new WebSession(mvc).perform(post("/signin").param("email", email).param("password", "wrong " + i));
            assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/signin?error");
        }
        MvcResult locked = new WebSession(mvc).perform(post("/signin").param("email", email).param("password", Fixtures.PASSWORD));
        assertThat(locked.getResponse().getRedirectedUrl()).as("right password while throttled").isEqualTo("/signin?throttled");

        clock.advance(SignInThrottle.WINDOW.plus(Duration.ofSeconds(1)));
        MvcResult later = new WebSession(mvc).perform(post("/signin").param("email", email).param("password", Fixtures.PASSWORD));
        assertThat(later.getResponse().getRedirectedUrl()).isEqualTo("/signin/second-factor");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledToo() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            final int n = i;
            new WebSession(mvc).perform(post("/signin").param("email", "nobody" + n + "@example.org")
                    .param("password", "guess").with(r -> {
                        r.setRemoteAddr("203.0.113.7");
                        return r;
                    }));
        }
        MvcResult throttled = new WebSession(mvc).perform(post("/signin").param("email", practice.admin().email())
                .param("password", Fixtures.PASSWORD).with(r -> {
                    r.setRemoteAddr("203.0.113.7");
                    return r;
                }));
        assertThat(throttled.getResponse().getRedirectedUrl()).isEqualTo("/signin?throttled");
    }

    @Test
    void clientSignsInWithAOneTimeLinkThatWorksOnce() throws Exception {
        WebSession web = new WebSession(mvc);
        web.perform(post("/signin/link/request").param("username", practice.client().email()));
        ((com.github.kagkarlsson.scheduler.testhelper.ManualScheduler) context.getBean(
                com.github.kagkarlsson.scheduler.Scheduler.class)).runAnyDueExecutions();
        MimeMessage mail = Mailbox.latestTo(practice.client().email());
        String link = Mailbox.link(mail, "/signin/link");
        String token = link.substring(link.indexOf("token=") + 6);

        String page = web.perform(get(link)).getResponse().getContentAsString();
        assertThat(page).as("opening the link does not sign in by itself").contains("Sign in to Carryover");
        MvcResult signedIn = web.perform(post("/signin/link").param("token", token));
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(web.perform(get("/today")).getResponse().getContentAsString()).contains("Hello, Kim Client");

        MvcResult reused = new WebSession(mvc).perform(post("/signin/link").param("token", token));
        assertThat(reused.getResponse().getRedirectedUrl()).isEqualTo("/signin?link-expired");
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        new WebSession(mvc).perform(post("/signin/link/request").param("username", practice.otherClient().email()));
        ((com.github.kagkarlsson.scheduler.testhelper.ManualScheduler) context.getBean(
                com.github.kagkarlsson.scheduler.Scheduler.class)).runAnyDueExecutions();
        String link = Mailbox.link(Mailbox.latestTo(practice.otherClient().email()), "/signin/link");
        clock.advance(SignInLinks.LIFETIME.plus(Duration.ofSeconds(1)));
        MvcResult late = new WebSession(mvc).perform(post("/signin/link").param("token", link.substring(link.indexOf("token=") + 6)));
        assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/signin?link-expired");
    }

    @Test
    void staffAndUnknownAddressesGetNoLinkButTheSameAnswer() throws Exception {
        long before = Mailbox.countTo(practice.admin().email());
        MvcResult staff = new WebSession(mvc).perform(post("/signin/link/request").param("username", practice.admin().email()));
        MvcResult unknown = new WebSession(mvc).perform(post("/signin/link/request").param("username", "nobody@example.org"));
        assertThat(staff.getResponse().getRedirectedUrl()).isEqualTo("/signin/link/sent");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/signin/link/sent");
        Thread.sleep(300);
        assertThat(Mailbox.countTo(practice.admin().email())).isEqualTo(before);
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        MvcResult result = new WebSession(mvc).performRaw(post("/signin").param("email", practice.admin().email())
                .param("password", Fixtures.PASSWORD));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        MvcResult page = mvc.perform(get("/signin")).andReturn();
        assertThat(page.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        WebSession web = WebSession.signIn(mvc, practice.client(), clock);
        assertThat(web.perform(get("/today")).getResponse().getStatus()).isEqualTo(200);
        web.perform(post("/signout"));
        assertThat(web.perform(get("/today")).getResponse().getRedirectedUrl()).isEqualTo("/signin");
    }
}
