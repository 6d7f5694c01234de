package app.carryover.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit rows into each practice's keyed chain, in batches, after the requests that
 * wrote them have finished.
 *
 * <p>Which rows are final: every row carries the id of the transaction that wrote it, and
 * PostgreSQL's snapshot {@code xmin} is the oldest transaction still running, so every transaction
 * below it has committed or rolled back and no row with a smaller id can appear later. A run seals,
 * for each practice, all rows written by transactions in [last horizon, xmin), in (transaction,
 * sequence) order, as one seal chained to the practice's previous one; then it moves the horizon.
 * Sequence numbers are drawn before commit, so ordering by them alone could seal past a row that
 * commits later; ordering by the finished transactions cannot.
 *
 * <p>Safe on several nodes: a run locks the one progress row, so two runs take turns, and the
 * second finds nothing left below its horizon. Each run is one transaction: a node that dies
 * mid-run leaves nothing half-sealed.
 */
@Component
class AuditSealer {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditKey key;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SealPublisher publisher;
    private final int batch;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batches, AuditKey key, Clock clock, PlatformTransactionManager transactions,
            SealPublisher publisher, AuditSettings settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.key = key;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.publisher = publisher;
        this.batch = settings.sealBatch();
    }

    /** One seal as made and published. */
    record Seal(UUID practiceId, long sealNo, int rows, long firstSeq, long lastSeq, byte[] head, String keyId,
            Instant sealedAt) {
    }

    /** Seals what is final now, publishes the new heads, and says what it sealed. */
    List<Seal> sealPending() {
        List<Seal> seals = transactions.execute(status -> seal());
        publisher.publish(seals);
        return seals;
    }

    private record Pending(UUID practice, long seq, Long xact, byte[] mac) {
    }

    private record LastSeal(long sealNo, long toXact, byte[] head) {
    }

    private List<Seal> seal() {
        // First, before this transaction writes (and so has an id of its own): the oldest one running.
        long horizon = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .query(Long.class).single();
        long sealedTo = jdbc.sql("SELECT horizon::text::bigint FROM audit_sealer FOR UPDATE").query(Long.class).single();
        if (horizon <= sealedTo) {
            return List.of();
        }
        List<Pending> rows = pending(sealedTo, horizon);
        if (sealedTo > 0 && rows.size() > batch) {
            // Too many for one run: stop before the last transaction taken, which may have more rows.
            long cut = rows.get(batch).xact();
            if (cut > rows.get(0).xact()) {
                horizon = cut;
                long end = cut;
                rows = rows.stream().filter(r -> r.xact() < end).toList();
            } else {
                // One transaction wrote more than a batch: take all of it.
                horizon = cut + 1;
                rows = pending(sealedTo, horizon);
            }
        }
        List<Seal> seals = rows.isEmpty() ? List.of() : sealByPractice(rows, horizon);
        jdbc.sql("UPDATE audit_sealer SET horizon = ?::text::xid8").param(Long.toString(horizon)).update();
        return seals;
    }

    /** Rows written by transactions in [from, to), and on the very first run those from before seals. */
    private List<Pending> pending(long from, long to) {
        String legacy = from == 0 ? " OR xact IS NULL" : "";
        String limit = from == 0 ? "" : " LIMIT " + (batch + 1);
        return jdbc.sql("""
                SELECT practice_id, seq, xact::text::bigint AS xact, mac, at, actor_id, actor_label, client_id, action,
                       subject, object_id, detail, address
                FROM audit_event WHERE (xact >= ?::text::xid8 AND xact < ?::text::xid8)""" + legacy
                + " ORDER BY xact NULLS FIRST, seq" + limit)
                .params(Long.toString(from), Long.toString(to))
                .query((rs, n) -> {
                    UUID practice = rs.getObject("practice_id", UUID.class);
                    byte[] mac = rs.getBytes("mac");
                    return new Pending(practice, rs.getLong("seq"), (Long) rs.getObject("xact", Long.class),
                            mac != null ? mac : StoredRow.legacyMac(key, practice, rs));
                }).list();
    }

    private List<Seal> sealByPractice(List<Pending> rows, long horizon) {
        Map<UUID, List<Pending>> byPractice = new LinkedHashMap<>();
        for (Pending row : rows) {
            byPractice.computeIfAbsent(row.practice(), p -> new ArrayList<>()).add(row);
        }
        Map<UUID, LastSeal> last = lastSeals(byPractice.keySet().toArray(UUID[]::new));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Seal> seals = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        byPractice.forEach((practice, all) -> {
            LastSeal previous = last.getOrDefault(practice, new LastSeal(0, 0, AuditKey.GENESIS));
            // Never seal a row twice, even if the progress row was set back.
            List<Pending> practiceRows = previous.sealNo() == 0 ? all
                    : all.stream().filter(r -> r.xact() != null && r.xact() >= previous.toXact()).toList();
            if (practiceRows.isEmpty()) {
                return;
            }
            long sealNo = previous.sealNo() + 1;
            AuditKey.Head head = key.head(previous.head(), practice, sealNo, previous.toXact(), horizon);
            practiceRows.forEach(r -> head.add(r.seq(), r.mac()));
            byte[] digest = head.finish();
            long first = practiceRows.get(0).seq();
            long lastSeq = practiceRows.get(practiceRows.size() - 1).seq();
            seals.add(new Seal(practice, sealNo, practiceRows.size(), first, lastSeq, digest, key.id(), now));
            inserts.add(new Object[] {practice, sealNo, Long.toString(previous.toXact()), Long.toString(horizon),
                    practiceRows.size(), first, lastSeq, previous.head(), digest, key.id(), Timestamp.from(now)});
        });
        batches.batchUpdate("""
                INSERT INTO audit_seal (practice_id, seal_no, from_xact, to_xact, row_count, first_seq, last_seq,
                                        prev_head, head, key_id, sealed_at)
                VALUES (?, ?, ?::text::xid8, ?::text::xid8, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        return seals;
    }

    private Map<UUID, LastSeal> lastSeals(UUID[] practices) {
        Map<UUID, LastSeal> last = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (practice_id) practice_id, seal_no, to_xact::text::bigint AS to_xact, head
                FROM audit_seal WHERE practice_id = ANY (?) ORDER BY practice_id, seal_no DESC""")
                .param(practices)
                .query((ResultSet rs) -> {
                    last.put(rs.getObject("practice_id", UUID.class),
                            new LastSeal(rs.getLong("seal_no"), rs.getLong("to_xact"), rs.getBytes("head")));
                });
        return last;
    }

    /** Reading a stored row back as the entry that was recorded. */
    static final class StoredRow {
        private StoredRow() {
        }

        static AuditEntry entry(UUID practice, ResultSet rs) throws SQLException {
            return new AuditEntry(practice, rs.getObject("actor_id", UUID.class), rs.getString("actor_label"),
                    rs.getObject("client_id", UUID.class), AuditAction.valueOf(rs.getString("action")),
                    rs.getString("subject"), rs.getString("object_id"), rs.getString("detail"));
        }

        /** The MAC of a row's fields as stored (what a row from before the keyed chain is sealed with). */
        static byte[] legacyMac(AuditKey key, UUID practice, ResultSet rs) throws SQLException {
            return key.row(practice, rs.getTimestamp("at").toInstant(), entry(practice, rs), rs.getString("address"));
        }
    }
}
