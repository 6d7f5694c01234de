package app.carryover.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The result of checking a practice's record.
     *
     * @param intact         every row up to the last seal is there, in order and unaltered, every row
     *                       after it unaltered, and the published head (when one was given) is in the record
     * @param rows           rows checked
     * @param sealedRows     rows covered by seals
     * @param unsealedRows   rows written since the last seal (checked one by one; their order and
     *                       completeness are proven once they are sealed, within seconds)
     * @param firstBrokenSeq where it first fails (a row's number), or null
     * @param headHash       the last seal's head (hex), or null before the first seal
     * @param published      the check of a head published earlier, when one was given
     */
    public record Verification(boolean intact, long rows, long sealedRows, long unsealedRows, long seals,
            Long firstBrokenSeq, String problem, String headHash, Long lastSealNo, Instant lastSealedAt,
            PublishedCheck published) {
    }

    /** A head kept outside the database (from the log or the webhook), checked against the record. */
    public record PublishedHead(long sealNo, String head) {
    }

    /** Whether the record still holds a published head: if it does not, it was cut back or rewritten. */
    public record PublishedCheck(long sealNo, String head, boolean found, String problem) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final AuditKey key;

    AuditLog(JdbcClient jdbc, AuditTrail trail, AuditKey key) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.key = key;
    }

    /** One page of rows, newest first, and whether there are older or newer ones beyond it. */
    public record Page(List<Row> rows, boolean older, boolean newer) {
    }

    /** The newest rows first, at most {@code limit}; admins only. Browsing is itself audited. */
    public List<Row> browse(Actor admin, Filter filter, int limit) {
        return page(admin, filter, null, null, limit).rows();
    }

    /**
     * A page of rows, newest first: the newest ones, those just before row {@code before}, or those
     * just after row {@code after} (by row number, which follows the order rows were written in).
     */
    public Page page(Actor admin, Filter filter, Long before, Long after, int limit) {
        requireAdmin(admin);
        int size = Math.max(1, Math.min(limit, 1000));
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
        boolean forward = before == null && after != null;
        if (forward) {
            sql.append(" AND seq > ? ORDER BY seq ASC LIMIT ?");
            params.add(after);
        } else {
            if (before != null) {
                sql.append(" AND seq < ?");
                params.add(before);
            }
            sql.append(" ORDER BY seq DESC LIMIT ?");
        }
        params.add(size + 1);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class), rs.getString("actor_label"),
                rs.getObject("client_id", UUID.class), rs.getString("action"), rs.getString("subject"),
                rs.getString("object_id"), rs.getString("detail"), rs.getString("address"))).list());
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (forward) {
            Collections.reverse(rows);
        }
        trail.recordNow(AuditEntry.by(admin, filter.clientId(), AuditAction.READ, "audit log", null,
                "browsed " + rows.size() + " rows"));
        return forward ? new Page(rows, true, more) : new Page(rows, more, before != null);
    }

    /** Checks the admin's practice's record (and a head published earlier, if given). */
    public Verification verify(Actor admin, PublishedHead published) {
        requireAdmin(admin);
        return new Verifier(jdbc, key, admin.practiceId()).verify(published);
    }

    public Verification verify(Actor admin) {
        return verify(admin, null);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins read the audit.");
        }
    }
}
