package app.carryover.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.system.RequestOrigin;

/**
 * Appends audit rows. Each row's hash covers its fields and the hash of the practice's previous
 * row; the chain head is locked only while one row is appended.
 */
@Service
public class AuditTrail {

    /** Chains of events that belong to no practice (a sign-in attempt for an unknown address). */
    public static final UUID INSTALLATION = new UUID(0, 0);
    static final byte[] GENESIS = new byte[32];

    /**
     * Practices whose chain head this thread's open transaction holds (it appended a row and has not
     * committed yet). A read recorded "now" for one of them must not start a second transaction, which
     * would wait for the first forever.
     */
    private static final ThreadLocal<Set<UUID>> heldHeads = ThreadLocal.withInitial(HashSet::new);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separately;

    AuditTrail(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records in the caller's transaction, so the row commits (or rolls back) with the change it
     * describes. Use for changes, after the change is made.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        append(entry);
        UUID practice = entry.practiceId() == null ? INSTALLATION : entry.practiceId();
        if (TransactionSynchronizationManager.isSynchronizationActive() && heldHeads.get().add(practice)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    heldHeads.get().remove(practice);
                }
            });
        }
    }

    /**
     * Records in a transaction of its own, committed before the caller continues: for reads (the
     * row must exist before the data leaves) and for refusals (which roll the caller back).
     * If the row cannot be written, this throws and the read is refused.
     */
    public void recordNow(AuditEntry entry) {
        UUID practice = entry.practiceId() == null ? INSTALLATION : entry.practiceId();
        if (heldHeads.get().contains(practice)) {
            // This thread's transaction already holds the head: record in it (it commits with the change).
            append(entry);
            return;
        }
        separately.executeWithoutResult(status -> append(entry));
    }

    private void append(AuditEntry entry) {
        try {
            appendRow(entry);
        } catch (org.springframework.dao.DataAccessException e) {
            org.slf4j.LoggerFactory.getLogger(AuditTrail.class).error("Could not write an audit row; the request is refused", e);
            throw app.carryover.system.ProblemException.unavailable(
                    "The audit could not record this, so it was not done. Please try again shortly.");
        }
    }

    private void appendRow(AuditEntry entry) {
        UUID practice = entry.practiceId() == null ? INSTALLATION : entry.practiceId();
        jdbc.sql("INSERT INTO audit_chain (practice_id, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
                .params(practice, GENESIS).update();
        Object[] head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain WHERE practice_id = ? FOR UPDATE")
                .param(practice).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).single();
        long seq = (Long) head[0] + 1;
        byte[] prev = (byte[]) head[1];
        // PostgreSQL keeps microseconds; hash exactly what is stored, so verification recomputes it.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String address = RequestOrigin.address();
        byte[] hash = hash(prev, practice, seq, at, entry, address);
        jdbc.sql("""
                INSERT INTO audit_event (practice_id, seq, at, actor_id, actor_label, client_id, action, subject,
                                         object_id, detail, address, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(practice, seq, Timestamp.from(at), entry.actorId(), entry.actorLabel(), entry.clientId(),
                        entry.action().name(), entry.subject(), entry.objectId(), entry.detail(), address, prev, hash)
                .update();
        jdbc.sql("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE practice_id = ?")
                .params(seq, hash, practice).update();
    }

    static byte[] hash(byte[] prev, UUID practice, long seq, Instant at, AuditEntry e, String address) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prev);
            field(digest, practice.toString());
            field(digest, Long.toString(seq));
            field(digest, Long.toString(at.getEpochSecond()) + "." + at.getNano() / 1000);
            field(digest, e.actorId() == null ? "" : e.actorId().toString());
            field(digest, e.actorLabel());
            field(digest, e.clientId() == null ? "" : e.clientId().toString());
            field(digest, e.action().name());
            field(digest, e.subject());
            field(digest, e.objectId() == null ? "" : e.objectId());
            field(digest, e.detail() == null ? "" : e.detail());
            field(digest, address == null ? "" : address);
            return digest.digest();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Length-prefixed, so no two different rows hash the same by moving text between fields. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
