package app.carryover.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the session tables. */
@Repository
class TherapySessionRepository {

    private static final String SELECT = """
            SELECT s.*, p.client_id FROM therapy_session s
            JOIN session_participant p ON p.practice_id = s.practice_id AND p.session_id = s.id
            """;

    private final JdbcClient jdbc;

    TherapySessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TherapySession s, UUID by, Instant now) {
        jdbc.sql("""
                INSERT INTO therapy_session (practice_id, id, clinician_id, starts_at, duration_minutes, status, created_at,
                    created_by, series_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.practiceId(), s.id(), s.clinicianId(), Timestamp.from(s.startsAt()), s.durationMinutes(),
                        s.status().name(), Timestamp.from(now), by, s.seriesId())
                .update();
        jdbc.sql("INSERT INTO session_participant (practice_id, session_id, client_id, starts_at) VALUES (?, ?, ?, ?)")
                .params(s.practiceId(), s.id(), s.clientId(), Timestamp.from(s.startsAt())).update();
    }

    Optional<TherapySession> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(SELECT + " WHERE s.practice_id = ? AND p.client_id = ? AND s.id = ?")
                .params(practiceId, clientId, id).query(TherapySessionRepository::map).optional();
    }

    List<TherapySession> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql(SELECT + " WHERE p.practice_id = ? AND p.client_id = ? ORDER BY p.starts_at")
                .params(practiceId, clientId).query(TherapySessionRepository::map).list();
    }

    /** The sessions of several clients, each client's in time order. */
    Map<UUID, List<TherapySession>> forClients(UUID practiceId, Collection<UUID> clientIds) {
        Map<UUID, List<TherapySession>> result = new HashMap<>();
        if (clientIds.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + " WHERE p.practice_id = ? AND p.client_id = ANY (?) ORDER BY p.starts_at")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(TherapySessionRepository::map).list()
                .forEach(s -> result.computeIfAbsent(s.clientId(), k -> new ArrayList<>()).add(s));
        return result;
    }

    void setStatus(UUID practiceId, UUID id, SessionStatus status, Instant at) {
        jdbc.sql("UPDATE therapy_session SET status = ?, status_changed_at = ? WHERE practice_id = ? AND id = ?")
                .params(status.name(), Timestamp.from(at), practiceId, id).update();
    }

    /** Moves a session, remembering where it was first scheduled. */
    void reschedule(UUID practiceId, UUID id, Instant startsAt, int minutes) {
        jdbc.sql("""
                UPDATE therapy_session SET first_starts_at = coalesce(first_starts_at, starts_at), starts_at = ?,
                    duration_minutes = ?
                WHERE practice_id = ? AND id = ?""")
                .params(Timestamp.from(startsAt), minutes, practiceId, id).update();
        jdbc.sql("UPDATE session_participant SET starts_at = ? WHERE practice_id = ? AND session_id = ?")
                .params(Timestamp.from(startsAt), practiceId, id).update();
    }

    void delete(UUID practiceId, UUID id) {
        jdbc.sql("DELETE FROM session_participant WHERE practice_id = ? AND session_id = ?").params(practiceId, id).update();
        jdbc.sql("DELETE FROM therapy_session WHERE practice_id = ? AND id = ?").params(practiceId, id).update();
    }

    void insertSeries(UUID practiceId, UUID id, UUID clientId, UUID clinicianId, int everyWeeks, LocalTime time,
            int minutes, String zone, LocalDate first, LocalDate last, Instant now) {
        jdbc.sql("""
                INSERT INTO session_series (practice_id, id, client_id, clinician_id, every_weeks, local_time,
                    duration_minutes, time_zone, first_date, last_date, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(practiceId, id, clientId, clinicianId, everyWeeks, Time.valueOf(time), minutes, zone,
                        Date.valueOf(first), Date.valueOf(last), Timestamp.from(now), clinicianId)
                .update();
    }

    /** The series' sessions from now on are at this local time and length. */
    void retimeSeries(UUID practiceId, UUID id, LocalTime time, int minutes) {
        jdbc.sql("UPDATE session_series SET local_time = ?, duration_minutes = ? WHERE practice_id = ? AND id = ?")
                .params(Time.valueOf(time), minutes, practiceId, id).update();
    }

    void setNotes(UUID practiceId, UUID id, String notes) {
        jdbc.sql("UPDATE therapy_session SET notes = ? WHERE practice_id = ? AND id = ?").params(notes, practiceId, id).update();
    }

    static TherapySession map(ResultSet rs, int n) throws SQLException {
        return new TherapySession(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("clinician_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getInt("duration_minutes"),
                SessionStatus.valueOf(rs.getString("status")), rs.getString("notes"), rs.getObject("series_id", UUID.class),
                rs.getTimestamp("first_starts_at") == null ? null : rs.getTimestamp("first_starts_at").toInstant());
    }
}
