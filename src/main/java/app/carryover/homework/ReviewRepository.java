package app.carryover.homework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the review and reflection tables. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a review; false when this assignment was already reviewed or deferred at this session. */
    boolean insert(Review r) {
        return jdbc.sql("""
                INSERT INTO homework_review (practice_id, id, assignment_id, session_id, reviewed_at, reviewed_by, decision,
                    deferred_reason, clinician_rating, client_rating, obstacles, obstacle_other, troubleshooting,
                    expected_count, done_count, next_assignment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, assignment_id, session_id) DO NOTHING""")
                .params(r.practiceId(), r.id(), r.assignmentId(), r.sessionId(), Timestamp.from(r.reviewedAt()),
                        r.reviewedBy(), r.decision() == null ? null : r.decision().name(), r.deferredReason(),
                        r.clinicianRating(), r.clientRating(), literal(r.obstacles()), r.obstacleOther(), r.troubleshooting(),
                        r.expected(), r.done(), r.nextAssignmentId())
                .update() == 1;
    }

    /** Every review of these assignments, by assignment. */
    Map<UUID, List<Review>> forAssignments(UUID practiceId, List<UUID> assignments) {
        Map<UUID, List<Review>> result = new HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT * FROM homework_review WHERE practice_id = ? AND assignment_id = ANY (?) ORDER BY reviewed_at")
                .params(practiceId, assignments.toArray(new UUID[0]))
                .query(ReviewRepository::map).list()
                .forEach(r -> result.computeIfAbsent(r.assignmentId(), k -> new ArrayList<>()).add(r));
        return result;
    }

    /** Every review (and deferral) made at this session, in the order made. */
    List<Review> atSession(UUID practiceId, UUID sessionId) {
        return jdbc.sql("SELECT * FROM homework_review WHERE practice_id = ? AND session_id = ? ORDER BY reviewed_at, id")
                .params(practiceId, sessionId).query(ReviewRepository::map).list();
    }

    /** Every decided review of a client's assignments, in the order made. */
    List<Review> decidedForClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("""
                SELECT r.* FROM homework_review r
                JOIN assignment a ON a.practice_id = r.practice_id AND a.id = r.assignment_id
                WHERE r.practice_id = ? AND a.client_id = ? AND r.decision IS NOT NULL ORDER BY r.reviewed_at, r.id""")
                .params(practiceId, clientId).query(ReviewRepository::map).list();
    }

    /** The assignments reviewed (not deferred) at this session. */
    Set<UUID> reviewedAt(UUID practiceId, UUID sessionId) {
        return new HashSet<>(jdbc.sql(
                "SELECT assignment_id FROM homework_review WHERE practice_id = ? AND session_id = ? AND decision IS NOT NULL")
                .params(practiceId, sessionId).query(UUID.class).list());
    }

    void saveReflection(UUID practiceId, UUID clientId, Reflection r) {
        jdbc.sql("""
                INSERT INTO homework_reflection (practice_id, assignment_id, client_id, learned, got_in_way, obstacles,
                    self_rating, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?)
                ON CONFLICT (practice_id, assignment_id) DO UPDATE SET learned = EXCLUDED.learned,
                    got_in_way = EXCLUDED.got_in_way, obstacles = EXCLUDED.obstacles, self_rating = EXCLUDED.self_rating,
                    submitted_at = EXCLUDED.submitted_at""")
                .params(practiceId, r.assignmentId(), clientId, r.learned(), r.gotInTheWay(), literal(r.obstacles()),
                        r.selfRating(), Timestamp.from(r.submittedAt()))
                .update();
    }

    Map<UUID, Reflection> reflections(UUID practiceId, List<UUID> assignments) {
        Map<UUID, Reflection> result = new HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT * FROM homework_reflection WHERE practice_id = ? AND assignment_id = ANY (?)")
                .params(practiceId, assignments.toArray(new UUID[0]))
                .query((rs, n) -> new Reflection(rs.getObject("assignment_id", UUID.class), rs.getString("learned"),
                        rs.getString("got_in_way"), obstacles(rs.getArray("obstacles")), (Integer) rs.getObject("self_rating"),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list().forEach(r -> result.put(r.assignmentId(), r));
        return result;
    }

    Optional<Reflection> reflection(UUID practiceId, UUID assignmentId) {
        return Optional.ofNullable(reflections(practiceId, List.of(assignmentId)).get(assignmentId));
    }

    static String literal(List<Obstacle> obstacles) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < obstacles.size(); i++) {
            s.append(i == 0 ? "" : ",").append(obstacles.get(i).name());
        }
        return s.append('}').toString();
    }

    static List<Obstacle> obstacles(Array array) throws SQLException {
        List<Obstacle> list = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                list.add(Obstacle.valueOf((String) o));
            }
        }
        return list;
    }

    static Review map(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("decision");
        return new Review(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("assignment_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getTimestamp("reviewed_at").toInstant(), rs.getObject("reviewed_by", UUID.class),
                decision == null ? null : ReviewDecision.valueOf(decision), rs.getString("deferred_reason"),
                (Integer) rs.getObject("clinician_rating"), (Integer) rs.getObject("client_rating"),
                obstacles(rs.getArray("obstacles")), rs.getString("obstacle_other"), rs.getString("troubleshooting"),
                rs.getObject("expected_count") == null ? null : rs.getDouble("expected_count"),
                rs.getObject("done_count") == null ? null : rs.getDouble("done_count"),
                rs.getObject("next_assignment_id", UUID.class));
    }
}
