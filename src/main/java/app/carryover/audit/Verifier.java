package app.carryover.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks one practice's record: the seals chain from the first to the last, every row each seal
 * covers is there in order (its head recomputes), every row's MAC matches its fields, and rows
 * after the last seal are counted as unsealed. Rows are read in one ordered pass.
 */
final class Verifier {

    private record StoredSeal(long sealNo, long fromXact, long toXact, int rows, Long firstSeq, Long lastSeq,
            byte[] prevHead, byte[] head, String keyId, Instant sealedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final UUID practice;

    private List<StoredSeal> seals;
    private int current;
    private AuditKey.Head head;
    private long horizon;
    private long rows;
    private long unsealed;
    private Long brokenSeq;
    private String problem;

    Verifier(JdbcClient jdbc, AuditKey key, UUID practice) {
        this.jdbc = jdbc;
        this.key = key;
        this.practice = practice;
    }

    AuditLog.Verification verify(AuditLog.PublishedHead published) {
        // Read before the seals: every row below it was sealed by then, so a seal read next must cover it.
        horizon = jdbc.sql("SELECT horizon::text::bigint FROM audit_sealer").query(Long.class).single();
        seals = jdbc.sql("""
                SELECT seal_no, from_xact::text::bigint AS from_xact, to_xact::text::bigint AS to_xact, row_count,
                       first_seq, last_seq, prev_head, head, key_id, sealed_at
                FROM audit_seal WHERE practice_id = ? ORDER BY seal_no""").param(practice)
                .query((rs, n) -> new StoredSeal(rs.getLong("seal_no"), rs.getLong("from_xact"), rs.getLong("to_xact"),
                        rs.getInt("row_count"), (Long) rs.getObject("first_seq", Long.class),
                        (Long) rs.getObject("last_seq", Long.class), rs.getBytes("prev_head"), rs.getBytes("head"),
                        rs.getString("key_id"), rs.getTimestamp("sealed_at").toInstant()))
                .list();
        checkSealLinks();
        if (problem == null) {
            current = 0;
            head = seals.isEmpty() ? null : begin(seals.get(0));
            jdbc.sql("""
                    SELECT seq, xact::text::bigint AS xact, mac, at, actor_id, actor_label, client_id, action, subject,
                           object_id, detail, address
                    FROM audit_event WHERE practice_id = ? ORDER BY xact NULLS FIRST, seq""")
                    .param(practice).query((ResultSet rs) -> row(rs));
            while (problem == null && current < seals.size()) {
                finishSeal();
            }
        }
        AuditLog.PublishedCheck check = published == null ? null : check(published);
        StoredSeal last = seals.isEmpty() ? null : seals.get(seals.size() - 1);
        boolean intact = problem == null && (check == null || check.found());
        return new AuditLog.Verification(intact, rows, rows - unsealed, unsealed, seals.size(), brokenSeq,
                problem != null ? problem : check != null && !check.found() ? check.problem() : null,
                last == null ? null : hex(last.head()), last == null ? null : last.sealNo(),
                last == null ? null : last.sealedAt(), check);
    }

    /** Each seal follows the one before it: numbered in turn, chained by head, covering the next span, with this key. */
    private void checkSealLinks() {
        byte[] previous = AuditKey.GENESIS;
        long previousTo = 0;
        for (int i = 0; i < seals.size(); i++) {
            StoredSeal s = seals.get(i);
            if (s.sealNo() != i + 1) {
                fail(s.firstSeq(), "seal " + (i + 1) + " is missing");
                return;
            }
            if (!s.keyId().equals(key.id())) {
                fail(s.firstSeq(), "seal " + s.sealNo() + " was made with another key (" + s.keyId()
                        + "); this server's audit key is " + key.id());
                return;
            }
            if (!Arrays.equals(s.prevHead(), previous) || s.fromXact() != previousTo) {
                fail(s.firstSeq(), "seal " + s.sealNo() + " does not follow the seal before it");
                return;
            }
            previous = s.head();
            previousTo = s.toXact();
        }
    }

    private void row(ResultSet rs) throws SQLException {
        if (problem != null) {
            return;
        }
        rows++;
        long seq = rs.getLong("seq");
        Long xact = (Long) rs.getObject("xact", Long.class);
        byte[] stored = rs.getBytes("mac");
        byte[] mac = key.row(practice, rs.getTimestamp("at").toInstant(), AuditSealer.StoredRow.entry(practice, rs),
                rs.getString("address"));
        if (stored == null && xact != null) {
            fail(seq, "row " + seq + " carries no MAC: it was not written by Carryover");
            return;
        }
        if (stored != null && !Arrays.equals(stored, mac)) {
            fail(seq, "row " + seq + " was altered after it was written");
            return;
        }
        long position = xact == null ? 0 : xact;
        while (current < seals.size() && position >= seals.get(current).toXact()) {
            finishSeal();
            if (problem != null) {
                return;
            }
        }
        if (current < seals.size()) {
            head.add(seq, mac);
        } else if (position < horizon) {
            fail(seq, "row " + seq + " was written before the last sealing but no seal covers it: seals were removed");
        } else {
            unsealed++;
        }
    }

    private void finishSeal() {
        StoredSeal s = seals.get(current);
        if (head.rows() != s.rows() || !Arrays.equals(head.finish(), s.head())) {
            fail(s.firstSeq(), "seal " + s.sealNo() + " does not match its rows (seq " + s.firstSeq() + " to "
                    + s.lastSeq() + "): a row it covers was removed, added or moved");
            return;
        }
        current++;
        head = current < seals.size() ? begin(seals.get(current)) : null;
    }

    private AuditKey.Head begin(StoredSeal s) {
        return key.head(s.prevHead(), practice, s.sealNo(), s.fromXact(), s.toXact());
    }

    private AuditLog.PublishedCheck check(AuditLog.PublishedHead published) {
        String wanted = published.head().trim().toLowerCase();
        boolean found = seals.stream().anyMatch(s -> s.sealNo() == published.sealNo() && hex(s.head()).equals(wanted));
        return new AuditLog.PublishedCheck(published.sealNo(), wanted, found, found ? null
                : "the published seal " + published.sealNo() + " is not in the record with that head: the record was "
                        + "cut back or rewritten after it was published");
    }

    private void fail(Long seq, String why) {
        brokenSeq = seq;
        problem = why;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
