package app.carryover.reminders;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.carryover.system.Uuids;

/** The one place that knows the escalation table. */
@Repository
class EscalationRepository {

    /** An open or resolved escalation step. */
    record Escalation(UUID practiceId, UUID id, UUID clientId, UUID assignmentId, String step, LocalDate since,
            Instant createdAt, Instant resolvedAt) {
    }

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a step once per assignment and run of missed days; true when this call recorded it. */
    boolean record(UUID practiceId, UUID clientId, UUID assignmentId, String step, LocalDate since, Instant now) {
        return jdbc.sql("""
                INSERT INTO reminder_escalation (practice_id, id, client_id, assignment_id, step, since, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (practice_id, assignment_id, step, since) DO NOTHING""")
                .params(practiceId, Uuids.timeOrdered(), clientId, assignmentId, step, Date.valueOf(since),
                        Timestamp.from(now))
                .update() == 1;
    }

    List<Escalation> openTasks(UUID practiceId, List<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM reminder_escalation WHERE practice_id = ? AND client_id = ANY (?) AND step = 'TASK'
                AND resolved_at IS NULL ORDER BY since""")
                .params(practiceId, clientIds.toArray(new UUID[0])).query((rs, n) -> map(rs)).list();
    }

    List<Escalation> ofClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT * FROM reminder_escalation WHERE practice_id = ? AND client_id = ? ORDER BY created_at DESC LIMIT 50")
                .params(practiceId, clientId).query((rs, n) -> map(rs)).list();
    }

    /** Resolves the open steps of an assignment (practice logged again); returns how many. */
    int resolveAssignment(UUID practiceId, UUID assignmentId, Instant now) {
        return jdbc.sql("""
                UPDATE reminder_escalation SET resolved_at = ? WHERE practice_id = ? AND assignment_id = ? AND resolved_at IS NULL""")
                .params(Timestamp.from(now), practiceId, assignmentId).update();
    }

    /** A clinician marks a task dealt with; false when it is not an open task of this client. */
    boolean resolve(UUID practiceId, UUID clientId, UUID id, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE reminder_escalation SET resolved_at = ?, resolved_by = ? WHERE practice_id = ? AND client_id = ? AND id = ?
                AND resolved_at IS NULL""")
                .params(Timestamp.from(now), by, practiceId, clientId, id).update() == 1;
    }

    private static Escalation map(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Escalation(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("assignment_id", UUID.class), rs.getString("step"),
                rs.getDate("since").toLocalDate(), rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
