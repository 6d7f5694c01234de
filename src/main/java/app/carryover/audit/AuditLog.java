package app.carryover.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/** Reading the audit back: admins browse it with filters and prove its chain intact. */
@Service
public class AuditLog {

    /** One audit row as admins see it. */
    public record Row(long seq, Instant at, UUID actorId, String actorLabel, UUID clientId, String action,
            String subject, String objectId, String detail, String address) {
    }

    /** Filters; null means "any". */
    public record Filter(UUID actorId, UUID clientId, AuditAction action, Instant from, Instant to) {
    }

    /** The result of checking a practice's chain. */
    public record Verification(boolean intact, long rows, Long firstBrokenSeq, String problem, String headHash) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    AuditLog(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    /** The newest rows first, at most {@code limit}; admins only. Browsing is itself audited. */
    public List<Row> browse(Actor admin, Filter filter, int limit) {
        requireAdmin(admin);
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE practice_id = ?");
        List<Object> params = new ArrayList<>(List.of(admin.practiceId()));
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = ?");
            params.add(filter.actorId());
        }
        if (filter.clientId() != null) {
            sql.append(" AND client_id = ?");
            params.add(filter.clientId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action().name());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(Math.max(1, Math.min(limit, 1000)));
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class), rs.getString("actor_label"),
                rs.getObject("client_id", UUID.class), rs.getString("action"), rs.getString("subject"),
                rs.getString("object_id"), rs.getString("detail"), rs.getString("address"))).list();
        trail.recordNow(AuditEntry.by(admin, filter.clientId(), AuditAction.READ, "audit log", null,
                "browsed " + rows.size() + " rows"));
        return rows;
    }

    /** Recomputes every hash of the admin's practice in order and checks the links between rows. */
    public Verification verify(Actor admin) {
        requireAdmin(admin);
        return verify(admin.practiceId());
    }

    Verification verify(UUID practiceId) {
        byte[][] previous = {AuditTrail.GENESIS};
        long[] count = {0};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.sql("SELECT * FROM audit_event WHERE practice_id = ? ORDER BY seq").param(practiceId).query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong("seq");
            count[0]++;
            if (seq != expectedSeq[0]) {
                broken[0] = seq;
                problem[0] = "row " + expectedSeq[0] + " is missing";
                return;
            }
            byte[] prev = rs.getBytes("prev_hash");
            if (!Arrays.equals(prev, previous[0])) {
                broken[0] = seq;
                problem[0] = "row " + seq + " does not follow the row before it";
                return;
            }
            AuditEntry entry = new AuditEntry(practiceId, rs.getObject("actor_id", UUID.class), rs.getString("actor_label"),
                    rs.getObject("client_id", UUID.class), AuditAction.valueOf(rs.getString("action")),
                    rs.getString("subject"), rs.getString("object_id"), rs.getString("detail"));
            byte[] expected = AuditTrail.hash(prev, practiceId, seq, rs.getTimestamp("at").toInstant(), entry,
                    rs.getString("address"));
            if (!Arrays.equals(expected, rs.getBytes("hash"))) {
                broken[0] = seq;
                problem[0] = "row " + seq + " was altered after it was written";
                return;
            }
            previous[0] = expected;
            expectedSeq[0]++;
        });
        if (broken[0] == null) {
            Long headSeq = jdbc.sql("SELECT last_seq FROM audit_chain WHERE practice_id = ?").param(practiceId)
                    .query(Long.class).optional().orElse(0L);
            if (headSeq != expectedSeq[0] - 1) {
                broken[0] = expectedSeq[0];
                problem[0] = "rows after " + (expectedSeq[0] - 1) + " are missing";
            }
        }
        return new Verification(broken[0] == null, count[0], broken[0], problem[0], hex(previous[0]));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins read the audit.");
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
