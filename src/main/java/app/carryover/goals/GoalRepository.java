package app.carryover.goals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.carryover.measures.Measure;

/** The one place that knows the goal tables. */
@Repository
class GoalRepository {

    /** One entry of a goal's history. */
    record Change(int version, Instant at, UUID by, String snapshot, String note) {
    }

    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Goal g, UUID by) {
        GoalTarget t = g.target();
        jdbc.sql("""
                INSERT INTO goal (practice_id, id, client_id, statement, why_it_matters, target_kind, measure, comparator,
                                  target_value, metric, baseline, target_date, status, version, created_at, created_by,
                                  updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.practiceId(), g.id(), g.clientId(), g.statement(), g.whyItMatters(), t.kind().name(),
                        t.measure() == null ? null : t.measure().name(), t.comparator().name(), t.value(), t.metric(),
                        t.baseline(), g.targetDate(), g.status().name(), g.version(), Timestamp.from(g.createdAt()), by,
                        Timestamp.from(g.updatedAt()), by)
                .update();
    }

    /** Writes a new version; false when someone else saved a newer one first. */
    boolean update(Goal g, int expectedVersion, UUID by) {
        GoalTarget t = g.target();
        return jdbc.sql("""
                UPDATE goal SET statement = ?, why_it_matters = ?, target_kind = ?, measure = ?, comparator = ?,
                                target_value = ?, metric = ?, baseline = ?, target_date = ?, status = ?, version = ?,
                                updated_at = ?, updated_by = ?
                WHERE practice_id = ? AND id = ? AND version = ?""")
                .params(g.statement(), g.whyItMatters(), t.kind().name(), t.measure() == null ? null : t.measure().name(),
                        t.comparator().name(), t.value(), t.metric(), t.baseline(), g.targetDate(), g.status().name(),
                        g.version(), Timestamp.from(g.updatedAt()), by, g.practiceId(), g.id(), expectedVersion)
                .update() == 1;
    }

    void recordChange(Goal g, UUID by, String snapshot, String note) {
        jdbc.sql("""
                INSERT INTO goal_change (practice_id, goal_id, version, changed_at, changed_by, snapshot, note)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(g.practiceId(), g.id(), g.version(), Timestamp.from(g.updatedAt()), by, snapshot, note).update();
    }

    List<Change> history(UUID practiceId, UUID goalId) {
        return jdbc.sql("""
                SELECT version, changed_at, changed_by, snapshot::text, note FROM goal_change
                WHERE practice_id = ? AND goal_id = ? ORDER BY version DESC""")
                .params(practiceId, goalId)
                .query((rs, n) -> new Change(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<Goal> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql("SELECT * FROM goal WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(practiceId, clientId, id).query(GoalRepository::map).optional();
    }

    List<Goal> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("""
                SELECT * FROM goal WHERE practice_id = ? AND client_id = ?
                ORDER BY CASE status WHEN 'ACTIVE' THEN 0 ELSE 1 END, created_at""")
                .params(practiceId, clientId).query(GoalRepository::map).list();
    }

    List<Goal> byIds(UUID practiceId, UUID clientId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM goal WHERE practice_id = ? AND client_id = ? AND id = ANY (?)")
                .params(practiceId, clientId, ids.toArray(new UUID[0])).query(GoalRepository::map).list();
    }

    static Goal map(ResultSet rs, int row) throws SQLException {
        String measure = rs.getString("measure");
        GoalTarget target = new GoalTarget(GoalTarget.Kind.valueOf(rs.getString("target_kind")),
                measure == null ? null : Measure.valueOf(measure),
                GoalTarget.Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("target_value"),
                rs.getString("metric"), rs.getBigDecimal("baseline"));
        Date date = rs.getDate("target_date");
        return new Goal(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("statement"), rs.getString("why_it_matters"), target,
                date == null ? null : date.toLocalDate(), GoalStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
