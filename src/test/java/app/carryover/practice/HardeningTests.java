package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import app.carryover.testing.WebSession;

/**
 * Issue 15, items 2, 5, 6, 7 and 9: each finding reproduced as the review described it. Every
 * test uses addresses of its own, so its throttle counts touch no other test.
 */
@CarryoverTest
class HardeningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    TestPractice practice;

    @BeforeEach
    void practice() {
        practice = Fixtures.practice(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Item 2: 100 wrong codes gave 100 × 400 and nothing recorded; a stolen session could mint a year-long token. */
    @Test
    void wrongCodesForANewTokenAreThrottledRecordedAndAudited() throws Exception {
        WebSession web = WebSession.signIn(mvc, practice.clinician(), clock);
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            MvcResult wrong = web.perform(post("/api/v1/tokens").with(from("198.51.100.21"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"days\":365,\"readOnly\":false,\"code\":\"00000" + i + "\"}"));
            assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        }
        String right = TestTotp.code(practice.clinician().totpSecret(), clock.instant());
        MvcResult refused = web.perform(post("/api/v1/tokens").with(from("198.51.100.21"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"days\":365,\"readOnly\":false,\"code\":\"" + right + "\"}"));
        assertThat(refused.getResponse().getStatus()).as("the right code while throttled").isEqualTo(429);
        assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"code\"", "too many wrong codes");
        assertThat(count("SELECT count(*) FROM api_token WHERE practice_id = ?", practice.id())).isZero();
        assertThat(count("SELECT count(*) FROM sign_in_failure WHERE email = ?", practice.clinician().email()))
                .isEqualTo(SignInThrottle.PER_ACCOUNT);
        assertThat(count("SELECT count(*) FROM audit_event WHERE practice_id = ? AND actor_id = ? AND action = 'ACCESS_DENIED'"
                + " AND detail LIKE 'wrong second-factor code for a new API token%'", practice.id(),
                practice.clinician().accountId())).isEqualTo(SignInThrottle.PER_ACCOUNT);

        clock.advance(SignInThrottle.WINDOW.plus(Duration.ofSeconds(31)));
        MvcResult later = web.perform(post("/api/v1/tokens").with(from("198.51.100.21")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"days\":30,\"readOnly\":false,\"code\":\"" + TestTotp.code(practice.clinician().totpSecret(),
                        clock.instant()) + "\"}"));
        assertThat(later.getResponse().getStatus()).as("after the window, the right code").isEqualTo(201);
    }

    /** Item 9: 60 parallel wrong codes → 9 checked against a limit of 5. */
    @Test
    void parallelWrongCodesAreCheckedAtMostAsOftenAsTheLimitAllows() throws Exception {
        WebSession web = new WebSession(mvc);
        MvcResult first = web.perform(post("/signin").with(from("198.51.100.22")).param("email", practice.supervisor().email())
                .param("password", Fixtures.PASSWORD));
        assertThat(first.getResponse().getRedirectedUrl()).endsWith("/signin/second-factor");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String code = String.format("%06d", 100_000 + i);
                guesses.add(() -> mvc.perform(post("/signin/second-factor").with(csrf()).with(from("198.51.100.22"))
                        .cookie(web.sessionCookie()).param("code", code)).andReturn().getResponse().getContentAsString()
                        .contains("That code did not work") ? 1 : 0);
            }
            int checked = 0;
            for (Future<Integer> f : pool.invokeAll(guesses)) {
                checked += f.get();
            }
            assertThat(checked).as("codes checked of 60 sent in parallel").isLessThanOrEqualTo(SignInThrottle.PER_ACCOUNT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM sign_in_failure WHERE email = ?", practice.supervisor().email()))
                .isLessThanOrEqualTo(SignInThrottle.PER_ACCOUNT);
    }

    /** Item 7: every anonymous failed sign-in, even while throttled, appended to the practice's chain. */
    @Test
    void attemptsRefusedWhileThrottledAreNotAudited() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT + 10; i++) {
            new WebSession(mvc).perform(post("/signin").with(from("198.51.100.23"))
                    .param("email", practice.otherClinician().email()).param("password", "wrong " + i));
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'SIGN_IN_FAILED'", practice.id()))
                .isEqualTo(SignInThrottle.PER_ACCOUNT);
    }

    /** Item 5: POST /admin/settings without a CSRF token but with "Authorization: Bearer x" was saved. */
    @Test
    void aBearerHeaderDoesNotSwitchOffCsrfOnPages() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        MvcResult forged = admin.performRaw(post("/admin/settings").header("Authorization", "Bearer x")
                .param("name", "Forged").param("timeZone", "Europe/London").param("requireSecondFactor", "true"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        MvcResult api = admin.performRaw(post("/api/v1/tokens").header("Authorization", "Bearer x")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"code\":\"123456\"}"));
        assertThat(api.getResponse().getStatus()).as("a bearer that is no token, on the API").isEqualTo(401);
        assertThat(jdbc.sql("SELECT name FROM practice WHERE id = ?").param(practice.id()).query(String.class).single())
                .isNotEqualTo("Forged");
    }

    /** Item 6: a 150 MB body was read whole before a 400. */
    @Test
    void aBodyPastTheLimitIsRefusedWithoutBeingRead() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        byte[] twoMegabytes = ("{\"key\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        MvcResult large = clinician.perform(post("/api/v1/worksheets").contentType(MediaType.APPLICATION_JSON).content(twoMegabytes));
        assertThat(large.getResponse().getStatus()).isEqualTo(413);
        assertThat(large.getResponse().getContentAsString()).contains("\"field\":\"body\"", "1 MB this address accepts");

        // Over real HTTP, a body sent in chunks (no declared length) is cut off while it is read.
        clock.advance(Duration.ofSeconds(31));
        String token = WebSession.apiTokenIn(clinician.createApiToken(practice.clinician(), clock, "limits", false)
                .getResponse().getContentAsString());
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/worksheets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < 150L * 1024 * 1024) {
                        out.write(chunk);
                        sent.addAndGet(0x10000);
                    }
                } catch (java.io.IOException closed) {
                    // the server answered and closed the connection
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            long whenAnswered = sent.get();
            assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
            assertThat(whenAnswered).as("bytes sent when the 413 arrived").isLessThan(20L * 1024 * 1024);
        }
    }

    /**
     * Item 9: constraint messages with addresses reached the log. On the practice tables PostgreSQL already
     * leaves the values out (it does for tables under row-level security, V24); for any other table the
     * driver is told to leave out the server's details, so no message quotes a value.
     */
    @Test
    void aBrokenConstraintsMessageHoldsNoValues() {
        String email = practice.admin().email();
        List<String> messages = new ArrayList<>();
        try {
            jdbc.sql("INSERT INTO account (practice_id, id, email, display_name, roles, status, created_at)"
                    + " VALUES (?, gen_random_uuid(), ?, 'Copy', '{ADMIN}', 'ACTIVE', now())").params(practice.id(), email).update();
            throw new AssertionError("the duplicate address was stored");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("CREATE TEMP TABLE unfenced_address (email text UNIQUE) ON COMMIT DROP").update();
                jdbc.sql("INSERT INTO unfenced_address VALUES (?)").param(email).update();
                jdbc.sql("INSERT INTO unfenced_address VALUES (?)").param(email).update();
            });
            throw new AssertionError("the duplicate address was stored");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        }
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).contains("unique constraint").doesNotContain(email));
    }
}
