package app.carryover.practice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the practice table. */
@Repository
class PracticeRepository {

    private final JdbcClient jdbc;

    PracticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Practice p) {
        jdbc.sql("""
                INSERT INTO practice (id, name, time_zone, is_demo, require_second_factor, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.name(), p.timeZone().getId(), p.demo(), p.requireSecondFactor(),
                        java.sql.Timestamp.from(p.createdAt()))
                .update();
    }

    Optional<Practice> find(UUID id) {
        return jdbc.sql("SELECT * FROM practice WHERE id = ?").param(id).query(PracticeRepository::map).optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single();
    }

    long countReal() {
        return jdbc.sql("SELECT count(*) FROM practice WHERE NOT is_demo").query(Long.class).single();
    }

    Optional<Practice> findDemo() {
        return jdbc.sql("SELECT * FROM practice WHERE is_demo ORDER BY created_at LIMIT 1")
                .query(PracticeRepository::map).optional();
    }

    int sessionHours(UUID id) {
        return jdbc.sql("SELECT session_max_hours FROM practice WHERE id = ?").param(id).query(Integer.class).single();
    }

    void setSessionHours(UUID id, int hours) {
        jdbc.sql("UPDATE practice SET session_max_hours = ? WHERE id = ?").params(hours, id).update();
    }

    void updateSettings(UUID id, String name, ZoneId zone, boolean requireSecondFactor, int backdateDays,
            String emergencyContacts) {
        jdbc.sql("""
                UPDATE practice SET name = ?, time_zone = ?, require_second_factor = ?, backdate_days = ?,
                                    emergency_contacts = ?
                WHERE id = ?""")
                .params(name, zone.getId(), requireSecondFactor, backdateDays, emergencyContacts, id).update();
    }

    private static Practice map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Practice(rs.getObject("id", UUID.class), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("is_demo"), rs.getBoolean("require_second_factor"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("backdate_days"), rs.getString("emergency_contacts"));
    }

    static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
