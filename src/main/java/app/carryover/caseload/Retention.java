package app.carryover.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/**
 * How long a practice keeps a discharged client's record (a practice setting, 7 years after
 * discharge unless an admin sets another), and the nightly job that ends it: for every discharged
 * client whose period has passed, every row the schema ties to them ({@link ClientRecordGraph}) is
 * deleted, their account loses its address, name and sign-in, and the client row stays as "Erased
 * client" with the time of erasure, so audit rows that refer to it by id stop naming anyone (the
 * audit rows themselves are never changed). Each client is erased in a transaction of its own; a
 * run records what it did per practice and audits each erasure.
 */
@Service
public class Retention {

    public static final int DEFAULT_YEARS = 7;
    public static final String ERASED_NAME = "Erased client";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** A practice's setting. */
    public record Policy(int years, Instant changedAt) {
    }

    /** What one run did in one practice. */
    public record Run(UUID id, Instant ranAt, Instant cutoff, int clientsErased, long rowsDeleted, String detail) {
    }

    private final ClientRecordGraph graph;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    Retention(ClientRecordGraph graph, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.graph = graph;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public int years(UUID practiceId) {
        return jdbc.sql("SELECT years FROM retention_policy WHERE practice_id = ?").param(practiceId).query(Integer.class)
                .optional().orElse(DEFAULT_YEARS);
    }

    public Policy policy(Actor admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT years, changed_at FROM retention_policy WHERE practice_id = ?").param(admin.practiceId())
                .query((rs, n) -> new Policy(rs.getInt(1), rs.getTimestamp(2).toInstant())).optional()
                .orElse(new Policy(DEFAULT_YEARS, null));
    }

    public Policy setYears(Actor admin, Integer years) {
        requireAdmin(admin);
        if (years == null || years < 1 || years > 30) {
            throw ProblemException.invalid("years", "must be a whole number of years from 1 to 30");
        }
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO retention_policy (practice_id, years, changed_at, changed_by) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (practice_id) DO UPDATE SET years = excluded.years, changed_at = excluded.changed_at, "
                    + "changed_by = excluded.changed_by")
                    .params(admin.practiceId(), years, Timestamp.from(clock.instant()), admin.accountId()).update();
            audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "retention period", null,
                    "set to " + years + " years after discharge"));
            return new Policy(years, clock.instant());
        });
    }

    /** When a record discharged at {@code dischargedAt} is due to be erased in this practice. */
    public Instant eraseAfter(UUID practiceId, Instant dischargedAt) {
        return dischargedAt.atZone(ZoneOffset.UTC).plusYears(years(practiceId)).toInstant();
    }

    /** The practice's recent runs, newest first. */
    public List<Run> runs(Actor admin, int limit) {
        requireAdmin(admin);
        return jdbc.sql("SELECT * FROM retention_run WHERE practice_id = ? ORDER BY ran_at DESC LIMIT ?")
                .params(admin.practiceId(), limit).query((rs, n) -> new Run(rs.getObject("id", UUID.class),
                        rs.getTimestamp("ran_at").toInstant(), rs.getTimestamp("cutoff").toInstant(),
                        rs.getInt("clients_erased"), rs.getLong("rows_deleted"), rs.getString("detail"))).list();
    }

    /** An admin runs the job now for their own practice. */
    public Run runNow(Actor admin) {
        requireAdmin(admin);
        Run run = run(admin.practiceId());
        audit.recordNow(AuditEntry.by(admin, null, AuditAction.DELETE, "retention run", run.id(), run.detail()));
        return run;
    }

    /** The job: every practice. Safe to run twice (an erased client is not erased again). */
    public List<Run> runAll() {
        List<UUID> practices = jdbc.sql("SELECT id FROM practice ORDER BY id").query(UUID.class).list();
        List<Run> runs = new ArrayList<>();
        for (UUID practice : practices) {
            runs.add(run(practice));
        }
        return runs;
    }

    Run run(UUID practiceId) {
        Instant now = clock.instant();
        int years = years(practiceId);
        Instant cutoff = now.atZone(ZoneOffset.UTC).minusYears(years).toInstant();
        List<Map<String, Object>> due = jdbc.sql("SELECT id, account_id FROM client WHERE practice_id = ? AND status = "
                + "'DISCHARGED' AND erased_at IS NULL AND discharged_at <= ? ORDER BY discharged_at")
                .params(practiceId, Timestamp.from(cutoff)).query().listOfRows();
        long rows = 0;
        int erased = 0;
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> client : due) {
            UUID clientId = (UUID) client.get("id");
            try {
                Long deleted = transactions.execute(status -> erase(practiceId, clientId, (UUID) client.get("account_id"), now));
                rows += deleted == null ? 0 : deleted;
                erased++;
            } catch (RuntimeException e) {
                log.error("Retention: could not erase client {} of practice {}", clientId, practiceId, e);
                failures.add(clientId + ": " + e.getMessage());
            }
        }
        String detail = erased == 0 && failures.isEmpty()
                ? "no discharged client past the retention period of " + years + " years"
                : "erased " + erased + " client record(s) discharged before " + cutoff + " (" + years + " years), "
                        + rows + " rows deleted" + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures));
        Run run = new Run(Uuids.timeOrdered(), now, cutoff, erased, rows, detail);
        jdbc.sql("INSERT INTO retention_run (practice_id, id, ran_at, cutoff, clients_erased, rows_deleted, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(practiceId, run.id(), Timestamp.from(now), Timestamp.from(cutoff), erased, rows,
                        detail.length() > 4000 ? detail.substring(0, 4000) : detail).update();
        if (erased > 0 || !failures.isEmpty()) {
            log.info("Retention in practice {}: {}", practiceId, detail);
        }
        return run;
    }

    /** Erases one client's record (in the caller's transaction); answers the rows deleted. */
    long erase(UUID practiceId, UUID clientId, UUID accountId, Instant now) {
        Map<String, List<ClientRecordGraph.Selection>> selected = graph.select(practiceId, clientId, accountId, false);
        List<String> tables = new ArrayList<>(selected.keySet());
        Collections.reverse(tables);
        long rows = 0;
        StringBuilder counts = new StringBuilder();
        for (String table : tables) {
            ClientRecordGraph.Selection union = ClientRecordGraph.union(table, selected.get(table));
            int n = jdbc.sql("DELETE FROM " + table + " WHERE " + union.condition()).params(union.params()).update();
            if (n > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(table).append(' ').append(n);
            }
            rows += n;
        }
        jdbc.sql("UPDATE account SET email = 'erased-' || id || '@erased.invalid', display_name = ?, password_hash = NULL, "
                + "totp_secret = NULL, totp_confirmed_at = NULL, status = 'DISABLED' WHERE practice_id = ? AND id = ?")
                .params(ERASED_NAME, practiceId, accountId).update();
        jdbc.sql("UPDATE client SET display_name = ?, discharge_note = NULL, erased_at = ? WHERE practice_id = ? AND id = ?")
                .params(ERASED_NAME, Timestamp.from(now), practiceId, clientId).update();
        jdbc.sql("UPDATE erasure_request SET status = 'DONE', done_at = ? WHERE practice_id = ? AND client_id = ? AND status = 'APPROVED'")
                .params(Timestamp.from(now), practiceId, clientId).update();
        jdbc.sql("UPDATE erasure_request SET client_reason = NULL WHERE practice_id = ? AND client_id = ?")
                .params(practiceId, clientId).update();
        audit.record(new AuditEntry(practiceId, null, "retention job", clientId, AuditAction.DELETE, "client record",
                clientId.toString(), "erased after the retention period: " + rows + " rows deleted ("
                        + (counts.isEmpty() ? "none" : counts) + "); the name, address and sign-in removed"));
        return rows;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins manage data retention.");
        }
    }

    /** Every night, on one node: the retention job for every practice. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> clientRetentionTask(Retention retention) {
            return Tasks.recurring("client-retention", Schedules.daily(ZoneId.systemDefault(), LocalTime.of(3, 15)))
                    .execute((instance, context) -> retention.runAll());
        }
    }
}
