package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Issue 15 items 3 and 4: nothing on the invitation form, the sign-in form or the link form tells
 * whether an address has an account, or of what kind; links cannot be asked for without limit.
 */
@CarryoverTest
class AccountDiscoveryTests {

    private static final AtomicInteger addresses = new AtomicInteger();

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
    TestPractice other;

    @BeforeEach
    void twoPractices() {
        practice = Fixtures.practice(context);
        other = Fixtures.practice(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestPostProcessor fromItsOwnAddress() {
        int n = addresses.incrementAndGet();
        return r -> {
            r.setRemoteAddr("198.18." + (n / 250) + "." + (n % 250 + 1));
            return r;
        };
    }

    private void runBackgroundWork() {
        ((ManualScheduler) scheduler).runAnyDueExecutions();
    }

    @Test
    void invitingAnotherPracticesAddressAnswersLikeAFreeOneAndOnlyTheInviteeLearnsWhy() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        String taken = other.client().email();
        String free = "free-" + practice.id() + "@example.org";
        MvcResult takenAnswer = admin.perform(post("/admin/people/invite").param("displayName", "Taken Person")
                .param("email", taken).param("roles", "CLINICIAN"));
        MvcResult freeAnswer = admin.perform(post("/admin/people/invite").param("displayName", "Free Person")
                .param("email", free).param("roles", "CLINICIAN"));
        assertThat(takenAnswer.getResponse().getStatus()).isEqualTo(freeAnswer.getResponse().getStatus()).isEqualTo(302);
        assertThat(takenAnswer.getResponse().getRedirectedUrl()).isEqualTo(freeAnswer.getResponse().getRedirectedUrl());
        assertThat(admin.read("/admin/people")).contains("Taken Person", "Free Person");

        String link = Mailbox.link(Mailbox.latestTo(taken), "/invitations/");
        MvcResult opened = new WebSession(mvc).perform(get(link));
        assertThat(opened.getResponse().getStatus()).isEqualTo(409);
        assertThat(WebSession.textOf(opened)).contains("already has a Carryover account");
        assertThat(new WebSession(mvc).perform(post(link).param("password", "paper boats on a quiet pond")
                .param("confirmation", "paper boats on a quiet pond")).getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT status FROM account WHERE email = ? ORDER BY status").param(taken).query(String.class)
                .list()).containsExactly("ACTIVE", "INVITED");
    }

    @Test
    void anInvitationReservesItsAddressOnlyInItsPracticeAndCanBeWithdrawn() throws Exception {
        String email = "wanted-" + practice.id() + "@example.org";
        WebSession adminA = WebSession.signIn(mvc, practice.admin(), clock);
        adminA.perform(post("/admin/people/invite").param("displayName", "Wanted A").param("email", email)
                .param("roles", "CLINICIAN"));
        String linkA = Mailbox.link(Mailbox.latestTo(email), "/invitations/");
        WebSession adminB = WebSession.signIn(mvc, other.admin(), clock);
        MvcResult b = adminB.perform(post("/admin/people/invite").param("displayName", "Wanted B").param("email", email)
                .param("roles", "CLINICIAN"));
        assertThat(b.getResponse().getRedirectedUrl()).as("practice B may invite it too").isEqualTo("/admin/people");
        MvcResult again = adminA.perform(post("/admin/people/invite").param("displayName", "Wanted A2").param("email", email)
                .param("roles", "CLINICIAN"));
        assertThat(again.getResponse().getStatus()).as("twice in one practice").isEqualTo(400);

        String invitedId = jdbc.sql("SELECT id::text FROM account WHERE practice_id = ? AND email = ?")
                .params(practice.id(), email).query(String.class).single();
        MvcResult withdrawn = adminA.perform(post("/admin/people/" + invitedId + "/withdraw"));
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
        assertThat(adminA.read("/admin/people")).doesNotContain("Wanted A");
        assertThat(new WebSession(mvc).perform(get(linkA)).getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'DELETE' AND detail = ?")
                .params(practice.id(), "invitation of Wanted A withdrawn").query(Long.class).single()).isOne();
    }

    /** Sign-in took ~89 ms for unknown addresses, ~30 ms for link-only clients, ~78 ms for password holders. */
    @Test
    void signInTakesAsLongForAnUnknownAddressALinkOnlyClientAndAWrongPassword() throws Exception {
        jdbc.sql("UPDATE account SET password_hash = NULL WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.otherClient().accountId()).update();
        List<Long> unknown = new ArrayList<>();
        List<Long> linkOnly = new ArrayList<>();
        List<Long> wrongPassword = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            clock.advance(SignInThrottle.WINDOW.plus(Duration.ofMinutes(1)));
            unknown.add(timeSignIn("nobody-" + round + "-" + practice.id() + "@example.org"));
            linkOnly.add(timeSignIn(practice.otherClient().email()));
            wrongPassword.add(timeSignIn(practice.client().email()));
        }
        double reference = median(wrongPassword);
        assertThat(median(linkOnly) / reference).as("link-only client against a wrong password (medians, ns: %s / %s)",
                median(linkOnly), reference).isBetween(0.6, 1.6);
        assertThat(median(unknown) / reference).as("unknown address against a wrong password").isBetween(0.6, 1.6);
    }

    private long timeSignIn(String email) throws Exception {
        long start = System.nanoTime();
        MvcResult r = new WebSession(mvc).perform(post("/signin").with(fromItsOwnAddress()).param("email", email)
                .param("password", "not the password at all"));
        long took = System.nanoTime() - start;
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/signin?error");
        return took;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** 30 requests sent 30 e-mails with 30 valid links, from the request thread. */
    @Test
    void linkRequestsAreLimitedAndTheMailLeavesOffTheRequest() throws Exception {
        String email = practice.client().email();
        long before = Mailbox.countTo(email);
        for (int i = 0; i < 30; i++) {
            MvcResult asked = new WebSession(mvc).perform(post("/signin/link/request").with(fromItsOwnAddress())
                    .param("username", email));
            assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/signin/link/sent");
        }
        assertThat(Mailbox.countTo(email)).as("nothing is mailed in the request").isEqualTo(before);
        runBackgroundWork();
        assertThat(Mailbox.countTo(email) - before).as("links mailed for 30 requests").isEqualTo(LinkRequests.PER_EMAIL);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_link WHERE practice_id = ? AND account_id = ?")
                .params(practice.id(), practice.client().accountId()).query(Long.class).single())
                .isEqualTo(LinkRequests.PER_EMAIL);

        // one requester cannot spread requests over many addresses either
        long waiting = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'link-mail'").query(Long.class).single();
        RequestPostProcessor one = fromItsOwnAddress();
        for (int i = 0; i < LinkRequests.PER_REQUESTER + 5; i++) {
            new WebSession(mvc).perform(post("/signin/link/request").with(one).param("username", "n" + i + "@example.org"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'link-mail'").query(Long.class).single()
                - waiting).as("mails waiting for background work").isEqualTo(LinkRequests.PER_REQUESTER);
        runBackgroundWork();

        clock.advance(LinkRequests.WINDOW.plus(Duration.ofMinutes(1)));
        new WebSession(mvc).perform(post("/signin/link/request").with(fromItsOwnAddress()).param("username", email));
        runBackgroundWork();
        assertThat(Mailbox.countTo(email) - before).as("after the window, one more").isEqualTo(LinkRequests.PER_EMAIL + 1);
    }
}
