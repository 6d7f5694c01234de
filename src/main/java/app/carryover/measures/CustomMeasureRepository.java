package app.carryover.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the custom_measure table. */
@Repository
class CustomMeasureRepository {

    private final JdbcClient jdbc;

    CustomMeasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores it; false when an active measure of the practice already has the name. */
    boolean insert(CustomMeasure m, UUID by) {
        return jdbc.sql("""
                INSERT INTO custom_measure (practice_id, id, name, question, scale_min, scale_max, min_label, max_label,
                                            higher_is_worse, risk_at, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, lower(name)) WHERE retired_at IS NULL DO NOTHING""")
                .params(m.practiceId(), m.id(), m.name(), m.question(), m.min(), m.max(), m.minLabel(), m.maxLabel(),
                        m.higherIsWorse(), m.riskAt(), Timestamp.from(m.createdAt()), by)
                .update() == 1;
    }

    boolean retire(UUID practiceId, UUID id, Instant at) {
        return jdbc.sql("UPDATE custom_measure SET retired_at = ? WHERE practice_id = ? AND id = ? AND retired_at IS NULL")
                .params(Timestamp.from(at), practiceId, id).update() == 1;
    }

    Optional<CustomMeasure> find(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM custom_measure WHERE practice_id = ? AND id = ?")
                .params(practiceId, id).query(CustomMeasureRepository::map).optional();
    }

    /** The practice's custom measures, active first, by name. */
    List<CustomMeasure> forPractice(UUID practiceId) {
        return jdbc.sql("SELECT * FROM custom_measure WHERE practice_id = ? ORDER BY retired_at IS NOT NULL, lower(name)")
                .param(practiceId).query(CustomMeasureRepository::map).list();
    }

    static CustomMeasure map(ResultSet rs, int row) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new CustomMeasure(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("question"), rs.getInt("scale_min"), rs.getInt("scale_max"),
                rs.getString("min_label"), rs.getString("max_label"), rs.getBoolean("higher_is_worse"),
                (Integer) rs.getObject("risk_at"), rs.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
