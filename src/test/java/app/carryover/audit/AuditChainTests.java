package app.carryover.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.sun.net.httpserver.HttpServer;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain without a hot row: requests only insert, the sealer links committed rows in batches, and
 * someone who can write to the database (as the application's own role, which owns the tables and
 * their triggers) but does not hold the audit key cannot change, add, remove or cut rows unnoticed —
 * cutting the tail is caught against a head published outside the database.
 */
@CarryoverTest
class AuditChainTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditLog log;
    @Autowired
    JsonMapper json;
    @Autowired
    Scheduler scheduler;

    Clinic clinic;
    TestPractice practice;

    @BeforeEach
    void practice(Clinic clinic) {
        this.clinic = clinic;
        practice = clinic.practice();
    }

    private void write(int rows, String what) {
        for (int i = 0; i < rows; i++) {
            trail.recordNow(AuditEntry.by(practice.admin().actor(), practice.client().clientId(), AuditAction.READ,
                    what, null, "row " + i));
        }
    }

    /** Seals until this practice has nothing unsealed (another test's transaction may hold the horizon briefly). */
    private AuditLog.Verification sealAll() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        AuditLog.Verification v = log.verify(practice.admin().actor());
        while (v.unsealedRows() > 0 && System.nanoTime() < deadline) {
            sealer.sealPending();
            v = log.verify(practice.admin().actor());
        }
        return v;
    }

    /** What the application's database role can do today: it owns the table, so it can switch the trigger off. */
    private void asTheDatabaseRole(String... statements) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_seal DISABLE TRIGGER USER").update();
            for (String sql : statements) {
                jdbc.sql(sql.replace(":practice", "'" + practice.id() + "'")).update();
            }
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_seal ENABLE TRIGGER USER").update();
        });
    }

    @Test
    void rowsAreSealedInBatchesAfterCommitAndUnsealedRowsAreReportedAsSuch() {
        write(3, "goals");
        AuditLog.Verification before = log.verify(practice.admin().actor());
        assertThat(before.intact()).isTrue();
        assertThat(before.sealedRows() + before.unsealedRows()).isEqualTo(before.rows());

        AuditLog.Verification sealed = sealAll();
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.unsealedRows()).isZero();
        assertThat(sealed.sealedRows()).isEqualTo(sealed.rows()).isGreaterThanOrEqualTo(3);
        assertThat(sealed.headHash()).hasSize(64);

        write(2, "session notes");
        AuditLog.Verification after = log.verify(practice.admin().actor());
        assertThat(after.intact()).isTrue();
        assertThat(after.rows()).isEqualTo(sealed.rows() + 2);
        assertThat(sealAll().seals()).isGreaterThan(sealed.seals());
    }

    @Test
    void theSealerRunsAsRecurringBackgroundWork() throws InterruptedException {
        // The test framework pauses this shared context while a class with a context of its own runs, and restarts
        // it after: a db-scheduler once stopped never runs again ("Scheduler has been shutdown"), so whether this
        // test could see the sealer run depended on which classes ran before it. The scheduler must not pause.
        assertThat(context.getBean("schedulerLifecycle", SmartLifecycle.class).isPauseable()).isFalse();
        write(2, "goals");
        AuditLog.Verification v = log.verify(practice.admin().actor());
        assertThat(v.unsealedRows()).isGreaterThanOrEqualTo(2);
        // Run it when it is next due (other tests move the clock, and the task with it); again while another
        // transaction still running holds the sealer's horizon below these rows (as sealAll waits for it).
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (v.unsealedRows() > 0 && System.nanoTime() < deadline) {
            Instant due = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'audit-sealing'")
                    .query(java.sql.Timestamp.class).single().toInstant();
            clock.set(due.isAfter(Instant.now()) ? due.plusSeconds(1) : Instant.now().plusSeconds(5));
            try {
                ((ManualScheduler) scheduler).runAnyDueExecutions();
            } finally {
                clock.reset();
            }
            v = log.verify(practice.admin().actor());
            if (v.unsealedRows() > 0) {
                Thread.sleep(50);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'audit-sealing'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(v.unsealedRows()).isZero();
        assertThat(v.seals()).isGreaterThanOrEqualTo(1);
        assertThat(v.sealedRows()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRowCommittedLateWithAnEarlierNumberIsSealedAfterItCommitsAndTheChainStaysIntact() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                trail.record(AuditEntry.by(practice.clinician().actor(), practice.client().clientId(),
                        AuditAction.CHANGE, "goals", null, "slow change"));
                written.countDown();
                await(commit);
            }), thread);
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            write(2, "after the slow one");
            sealer.sealPending();
            long slowSeq = jdbc.sql("SELECT max(seq) FROM audit_event WHERE practice_id = ?").param(practice.id())
                    .query(Long.class).single();
            // The slow transaction's row is not visible yet, and nothing of this practice after it is sealed.
            assertThat(log.verify(practice.admin().actor()).unsealedRows()).isGreaterThanOrEqualTo(2);
            commit.countDown();
            slow.get(10, TimeUnit.SECONDS);
            AuditLog.Verification v = sealAll();
            assertThat(v.intact()).isTrue();
            assertThat(v.unsealedRows()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND detail = 'slow change' AND seq < ?")
                    .params(practice.id(), slowSeq).query(Long.class).single()).isEqualTo(1);
        } finally {
            commit.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void requestsOfOnePracticeDoNotWaitForEachOthersAuditRows() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                trail.record(AuditEntry.by(practice.clinician().actor(), practice.client().clientId(),
                        AuditAction.CHANGE, "goals", null, "held open"));
                written.countDown();
                await(commit);
            }), thread);
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            // With the old chain head this waited for the open transaction's lock.
            CompletableFuture<Void> read = CompletableFuture.runAsync(() -> write(1, "a read meanwhile"));
            read.get(5, TimeUnit.SECONDS);
            commit.countDown();
            open.get(10, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void twoSealersAtOnceSealEachRowOnce() throws Exception {
        write(20, "goals");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<AuditSealer.Seal>>> runs = List.of(
                    CompletableFuture.supplyAsync(sealer::sealPending, two),
                    CompletableFuture.supplyAsync(sealer::sealPending, two));
            for (var run : runs) {
                run.get(20, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        AuditLog.Verification v = sealAll();
        assertThat(v.intact()).isTrue();
        assertThat(jdbc.sql("SELECT sum(row_count) FROM audit_seal WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isEqualTo(v.rows());
    }

    @Test
    void anAlteredRowIsFoundBeforeAndAfterSealing() {
        write(3, "goals");
        long seq = jdbc.sql("SELECT max(seq) FROM audit_event WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single();
        asTheDatabaseRole("UPDATE audit_event SET detail = 'nothing to see' WHERE practice_id = :practice AND seq = " + seq);
        AuditLog.Verification v = log.verify(practice.admin().actor());
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        assertThat(v.problem()).isEqualTo("row " + seq + " was altered after it was written");
        sealer.sealPending();
        assertThat(log.verify(practice.admin().actor()).problem()).isEqualTo("row " + seq + " was altered after it was written");
    }

    @Test
    void aRowAddedWithoutTheKeyIsFound() {
        write(1, "goals");
        asTheDatabaseRole("""
                INSERT INTO audit_event (practice_id, at, actor_label, action, subject, mac)
                VALUES (:practice, now(), 'Nobody', 'READ', 'goals', decode(repeat('00', 32), 'hex'))""");
        AuditLog.Verification v = log.verify(practice.admin().actor());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).endsWith("was altered after it was written");
    }

    @Test
    void aSealedRowRemovedIsFound() {
        write(5, "goals");
        sealAll();
        long seq = jdbc.sql("SELECT min(seq) FROM audit_event WHERE practice_id = ? AND subject = 'goals'")
                .param(practice.id()).query(Long.class).single();
        asTheDatabaseRole("DELETE FROM audit_event WHERE practice_id = :practice AND seq = " + seq);
        AuditLog.Verification v = log.verify(practice.admin().actor());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("does not match its rows").contains("removed, added or moved");
    }

    @Test
    void cuttingTheTailAndItsSealsPassesInsideTheDatabaseButNotAgainstAPublishedHead() {
        write(2, "goals");
        AuditLog.Verification published = sealAll();
        long sealNo = published.lastSealNo();
        String head = published.headHash();
        write(2, "session notes");
        sealAll();

        // Someone with the database password removes every row and seal from the published seal on, and sets
        // the sealer's progress back, so that what is left looks complete.
        long cut = jdbc.sql("SELECT coalesce(max(to_xact::text::bigint), 0) FROM audit_seal WHERE practice_id = ? AND seal_no < ?")
                .params(practice.id(), sealNo).query(Long.class).single();
        asTheDatabaseRole("DELETE FROM audit_event WHERE practice_id = :practice AND (xact >= '" + cut + "' OR xact IS NULL)",
                "DELETE FROM audit_seal WHERE practice_id = :practice AND seal_no >= " + sealNo,
                "UPDATE audit_sealer SET horizon = '" + cut + "'");
        AuditLog.Verification inside = log.verify(practice.admin().actor());
        assertThat(inside.intact()).as("the database alone cannot tell a cut tail").isTrue();

        AuditLog.Verification against = log.verify(practice.admin().actor(), new AuditLog.PublishedHead(sealNo, head));
        assertThat(against.intact()).isFalse();
        assertThat(against.published().found()).isFalse();
        assertThat(against.problem()).contains("published seal " + sealNo).contains("cut back or rewritten");
    }

    @Test
    void sealsRemovedFromTheEndAreFoundWhileTheRowsTheyCoveredRemain() {
        write(2, "goals");
        AuditLog.Verification sealed = sealAll();
        asTheDatabaseRole("DELETE FROM audit_seal WHERE practice_id = :practice AND seal_no = " + sealed.lastSealNo());
        AuditLog.Verification v = log.verify(practice.admin().actor());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("no seal covers it: seals were removed");
    }

    @Test
    void theVerifyPageChecksAPublishedHeadAndNamesABadOne() throws Exception {
        write(1, "goals");
        AuditLog.Verification v = sealAll();
        WebSession admin = clinic.signIn(practice.admin());
        String page = admin.perform(get("/admin/audit/verify").param("seal", v.lastSealNo().toString())
                .param("head", v.headHash())).getResponse().getContentAsString();
        assertThat(page).contains("Intact").contains("The published seal " + v.lastSealNo() + " is in the record");

        String wrong = admin.perform(get("/admin/audit/verify").param("seal", v.lastSealNo().toString())
                .param("head", "0".repeat(64))).getResponse().getContentAsString();
        assertThat(wrong).contains("Broken: the published seal " + v.lastSealNo() + " is not in the record");

        var bad = admin.perform(get("/admin/audit/verify").param("seal", "1").param("head", "not a head"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains("64 hexadecimal characters").contains("not a head");

        var api = admin.perform(get("/api/v1/audit/verification").param("seal", "1").param("head", "xyz"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentAsString()).contains("\"head\"");
    }

    @Test
    void eachSealsHeadIsPostedToTheWebhook() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/heads", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            SealPublisher publisher = new SealPublisher(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/heads"), json);
            byte[] head = new byte[32];
            head[0] = (byte) 0xab;
            UUID id = practice.id();
            publisher.publish(List.of(new AuditSealer.Seal(id, 7, 3, 10, 12, head, "k1", Instant.parse("2026-03-01T10:00:00Z"))));
            String body = received.poll(10, TimeUnit.SECONDS);
            assertThat(body).contains("\"practice\":\"" + id + "\"").contains("\"seal\":7")
                    .contains("\"head\":\"ab" + "00".repeat(31) + "\"").contains("\"rows\":3");
        } finally {
            server.stop(0);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
