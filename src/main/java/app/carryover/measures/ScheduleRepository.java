package app.carryover.measures;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the measure_schedule table. */
@Repository
class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MeasureSchedule s) {
        jdbc.sql("""
                INSERT INTO measure_schedule (practice_id, id, client_id, instrument, kind, interval_weeks, starts_on,
                                              ends_on, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.practiceId(), s.id(), s.clientId(), s.instrument(), s.kind().name(), s.intervalWeeks(),
                        s.startsOn(), s.endsOn(), Timestamp.from(s.createdAt()), s.createdBy())
                .update();
    }

    /** Stops an active schedule; false when it was already stopped. */
    boolean stop(UUID practiceId, UUID id, Instant at, UUID by) {
        return jdbc.sql("UPDATE measure_schedule SET stopped_at = ?, stopped_by = ? WHERE practice_id = ? AND id = ? "
                + "AND stopped_at IS NULL")
                .params(Timestamp.from(at), by, practiceId, id).update() == 1;
    }

    Optional<MeasureSchedule> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql("SELECT * FROM measure_schedule WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(practiceId, clientId, id).query(ScheduleRepository::map).optional();
    }

    /** Every schedule of the client, active first, oldest first. */
    List<MeasureSchedule> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT * FROM measure_schedule WHERE practice_id = ? AND client_id = ? "
                + "ORDER BY stopped_at IS NOT NULL, created_at")
                .params(practiceId, clientId).query(ScheduleRepository::map).list();
    }

    static MeasureSchedule map(ResultSet rs, int row) throws SQLException {
        Date ends = rs.getDate("ends_on");
        Timestamp stopped = rs.getTimestamp("stopped_at");
        return new MeasureSchedule(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("instrument"),
                MeasureSchedule.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("interval_weeks"),
                rs.getDate("starts_on").toLocalDate(), ends == null ? null : ends.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("created_by", UUID.class),
                stopped == null ? null : stopped.toInstant());
    }
}
