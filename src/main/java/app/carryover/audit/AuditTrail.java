package app.carryover.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.system.ProblemException;
import app.carryover.system.RequestOrigin;

/**
 * Appends audit rows: one INSERT each, with no shared row to lock, so requests never wait on each
 * other here. The database orders rows (a sequence) and notes the transaction that wrote each; the
 * row carries a keyed MAC of its own fields. {@link AuditSealer} links them into the chain after
 * they commit.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Rows that belong to no practice (a sign-in attempt for an unknown address). */
    public static final UUID INSTALLATION = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKey key;
    private final TransactionTemplate separately;

    AuditTrail(JdbcClient jdbc, Clock clock, AuditKey key, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records in the caller's transaction, so the row commits (or rolls back) with the change it
     * describes. Use for changes, after the change is made.
     */
    public void record(AuditEntry entry) {
        append(entry);
    }

    /**
     * Records committed before the caller continues: for reads (the row must exist before the data
     * leaves) and for refusals (which roll the caller back). Outside a transaction the INSERT commits
     * by itself; inside one it gets a short transaction of its own. If the row cannot be written, this
     * throws and the read is refused.
     */
    public void recordNow(AuditEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            separately.executeWithoutResult(status -> append(entry));
        } else {
            append(entry);
        }
    }

    /**
     * Records several rows committed together before the caller continues (the reads of a caseload):
     * one INSERT and one commit instead of one each; all or none are written, and if they cannot be,
     * this throws and the reads are refused.
     */
    public void recordNowAll(java.util.List<AuditEntry> entries) {
        if (entries.size() <= 1) {
            entries.forEach(this::recordNow);
            return;
        }
        separately.executeWithoutResult(status -> appendAll(entries));
    }

    private void appendAll(java.util.List<AuditEntry> entries) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String address = RequestOrigin.address();
        StringBuilder sql = new StringBuilder("""
                INSERT INTO audit_event (practice_id, at, actor_id, actor_label, client_id, action, subject,
                                         object_id, detail, address, mac)
                VALUES """);
        java.util.List<Object> params = new java.util.ArrayList<>();
        for (AuditEntry entry : entries) {
            UUID practice = entry.practiceId() == null ? INSTALLATION : entry.practiceId();
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(practice, Timestamp.from(at), entry.actorId(), entry.actorLabel(),
                    entry.clientId(), entry.action().name(), entry.subject(), entry.objectId(), entry.detail(), address,
                    key.row(practice, at, entry, address)));
        }
        try {
            jdbc.sql(sql.toString()).params(params).update();
        } catch (DataAccessException e) {
            log.error("Could not write audit rows; the request is refused", e);
            throw ProblemException.unavailable(
                    "The audit could not record this, so it was not done. Please try again shortly.");
        }
    }

    private void append(AuditEntry entry) {
        UUID practice = entry.practiceId() == null ? INSTALLATION : entry.practiceId();
        // PostgreSQL keeps microseconds; the MAC covers exactly what is stored, so verification recomputes it.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String address = RequestOrigin.address();
        try {
            jdbc.sql("""
                    INSERT INTO audit_event (practice_id, at, actor_id, actor_label, client_id, action, subject,
                                             object_id, detail, address, mac)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(practice, Timestamp.from(at), entry.actorId(), entry.actorLabel(), entry.clientId(),
                            entry.action().name(), entry.subject(), entry.objectId(), entry.detail(), address,
                            key.row(practice, at, entry, address))
                    .update();
        } catch (DataAccessException e) {
            log.error("Could not write an audit row; the request is refused", e);
            throw ProblemException.unavailable(
                    "The audit could not record this, so it was not done. Please try again shortly.");
        }
    }
}
