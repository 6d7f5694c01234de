package app.carryover.measures;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the risk_alert and measure_settings tables. */
@Repository
class RiskAlertRepository {

    private final JdbcClient jdbc;

    RiskAlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RiskAlert a) {
        jdbc.sql("""
                INSERT INTO risk_alert (practice_id, id, client_id, administration_id, instrument, items, raised_at, escalate_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.practiceId(), a.id(), a.clientId(), a.administrationId(), a.instrument(),
                        a.items().toArray(new Integer[0]), Timestamp.from(a.raisedAt()), Timestamp.from(a.escalateAt()))
                .update();
    }

    Optional<RiskAlert> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql("SELECT * FROM risk_alert WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(practiceId, clientId, id).query(RiskAlertRepository::map).optional();
    }

    /** Every alert of the client, open first, newest first. */
    List<RiskAlert> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT * FROM risk_alert WHERE practice_id = ? AND client_id = ? "
                + "ORDER BY acknowledged_at IS NOT NULL, raised_at DESC")
                .params(practiceId, clientId).query(RiskAlertRepository::map).list();
    }

    /** The open alerts of these clients, oldest first. */
    List<RiskAlert> openFor(UUID practiceId, Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM risk_alert WHERE practice_id = ? AND client_id = ANY (?) AND acknowledged_at IS NULL "
                + "ORDER BY raised_at")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(RiskAlertRepository::map).list();
    }

    /** The practice's open alerts that have been escalated, oldest first. */
    List<RiskAlert> openEscalated(UUID practiceId) {
        return jdbc.sql("SELECT * FROM risk_alert WHERE practice_id = ? AND acknowledged_at IS NULL AND escalated_at IS NOT NULL "
                + "ORDER BY raised_at")
                .param(practiceId).query(RiskAlertRepository::map).list();
    }

    /** Acknowledges an open alert; false when someone acknowledged it first. */
    boolean acknowledge(UUID practiceId, UUID id, Instant at, UUID by, RiskAlert.Action action, String note) {
        return jdbc.sql("""
                UPDATE risk_alert SET acknowledged_at = ?, acknowledged_by = ?, action = ?, note = ?
                WHERE practice_id = ? AND id = ? AND acknowledged_at IS NULL""")
                .params(Timestamp.from(at), by, action.name(), note, practiceId, id).update() == 1;
    }

    /** Locks the alert while it is open and not yet escalated; empty otherwise (acknowledged, escalated, or gone). */
    Optional<RiskAlert> lockOpen(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM risk_alert WHERE practice_id = ? AND id = ? AND acknowledged_at IS NULL "
                + "AND escalated_at IS NULL FOR UPDATE")
                .params(practiceId, id).query(RiskAlertRepository::map).optional();
    }

    void markEscalated(UUID practiceId, UUID id, Instant at, int people) {
        jdbc.sql("UPDATE risk_alert SET escalated_at = ?, escalated_to = ? WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(at), people, practiceId, id).update();
    }

    Optional<EscalationRule> rule(UUID practiceId) {
        return jdbc.sql("SELECT escalation_hours, workday_start_hour, workday_end_hour, working_days FROM measure_settings "
                + "WHERE practice_id = ?")
                .param(practiceId).query((rs, n) -> new EscalationRule(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        Arrays.stream((Integer[]) rs.getArray(4).getArray()).map(DayOfWeek::of).collect(Collectors.toSet())))
                .optional();
    }

    void saveRule(UUID practiceId, EscalationRule rule, Instant at, UUID by) {
        jdbc.sql("""
                INSERT INTO measure_settings (practice_id, escalation_hours, workday_start_hour, workday_end_hour,
                                              working_days, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id) DO UPDATE SET escalation_hours = excluded.escalation_hours,
                    workday_start_hour = excluded.workday_start_hour, workday_end_hour = excluded.workday_end_hour,
                    working_days = excluded.working_days, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(practiceId, rule.hours(), rule.dayStartHour(), rule.dayEndHour(),
                        rule.workingDays().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new),
                        Timestamp.from(at), by)
                .update();
    }

    static RiskAlert map(ResultSet rs, int row) throws SQLException {
        Array items = rs.getArray("items");
        Timestamp escalated = rs.getTimestamp("escalated_at");
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        String action = rs.getString("action");
        return new RiskAlert(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("administration_id", UUID.class),
                rs.getString("instrument"), List.of((Integer[]) items.getArray()), rs.getTimestamp("raised_at").toInstant(),
                rs.getTimestamp("escalate_at").toInstant(), escalated == null ? null : escalated.toInstant(),
                (Integer) rs.getObject("escalated_to"), acknowledged == null ? null : acknowledged.toInstant(),
                rs.getObject("acknowledged_by", UUID.class), action == null ? null : RiskAlert.Action.valueOf(action),
                rs.getString("note"));
    }
}
