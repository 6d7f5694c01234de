package app.carryover.homework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the assignment_response and homework_request tables. */
@Repository
class ClientVoiceRepository {

    private static final String RESPONSES = """
            SELECT r.*, a.display_name AS replied_by_name, s.title AS assignment_title,
                (SELECT min(v.changed_at) FROM assignment_revision v WHERE v.practice_id = r.practice_id
                    AND v.assignment_id = r.assignment_id AND v.changed_at > r.created_at) AS assignment_changed_at
            FROM assignment_response r
            JOIN assignment s ON s.practice_id = r.practice_id AND s.id = r.assignment_id
            LEFT JOIN account a ON a.practice_id = r.practice_id AND a.id = r.replied_by
            WHERE r.practice_id = ?""";

    /** A request is answered by a reply, or by the first assignment set for the client after it. */
    private static final String REQUESTS = """
            SELECT q.*, a.display_name AS replied_by_name, n.id AS answered_by, n.title AS answered_by_title
            FROM homework_request q
            LEFT JOIN account a ON a.practice_id = q.practice_id AND a.id = q.replied_by
            LEFT JOIN LATERAL (SELECT s.id, s.title FROM assignment s WHERE s.practice_id = q.practice_id
                AND s.client_id = q.client_id AND s.created_at > q.created_at ORDER BY s.created_at LIMIT 1) n ON true
            WHERE q.practice_id = ?""";

    private final JdbcClient jdbc;

    ClientVoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AssignmentResponse r) {
        jdbc.sql("""
                INSERT INTO assignment_response (practice_id, id, client_id, assignment_id, kind, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.practiceId(), r.id(), r.clientId(), r.assignmentId(), r.kind().name(), r.body(),
                        Timestamp.from(r.createdAt()))
                .update();
    }

    /** Stores the reply; false when someone replied first. */
    boolean reply(UUID practiceId, UUID responseId, String reply, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE assignment_response SET reply = ?, replied_by = ?, replied_at = ?
                WHERE practice_id = ? AND id = ? AND reply IS NULL""")
                .params(reply, by, Timestamp.from(at), practiceId, responseId).update() == 1;
    }

    void markMailed(String table, UUID practiceId, UUID id, boolean mailed) {
        String sql = switch (table) {
            case "response" -> "UPDATE assignment_response SET reply_mailed = ? WHERE practice_id = ? AND id = ?";
            default -> "UPDATE homework_request SET reply_mailed = ? WHERE practice_id = ? AND id = ?";
        };
        jdbc.sql(sql).params(mailed, practiceId, id).update();
    }

    Optional<AssignmentResponse> response(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(RESPONSES + " AND r.client_id = ? AND r.id = ?").params(practiceId, clientId, id)
                .query(ClientVoiceRepository::response).optional();
    }

    /** The client's responses, newest first. */
    List<AssignmentResponse> responses(UUID practiceId, UUID clientId) {
        return jdbc.sql(RESPONSES + " AND r.client_id = ? ORDER BY r.created_at DESC, r.id DESC")
                .params(practiceId, clientId).query(ClientVoiceRepository::response).list();
    }

    /** The responses of several clients, each client's newest first. */
    List<AssignmentResponse> responsesOf(UUID practiceId, java.util.Collection<UUID> clientIds) {
        return jdbc.sql(RESPONSES + " AND r.client_id = ANY (?) ORDER BY r.created_at DESC, r.id DESC")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(ClientVoiceRepository::response).list();
    }

    void insert(HomeworkRequest q) {
        jdbc.sql("INSERT INTO homework_request (practice_id, id, client_id, topic, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(q.practiceId(), q.id(), q.clientId(), q.topic(), Timestamp.from(q.createdAt())).update();
    }

    boolean replyToRequest(UUID practiceId, UUID requestId, String reply, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE homework_request SET reply = ?, replied_by = ?, replied_at = ?
                WHERE practice_id = ? AND id = ? AND reply IS NULL""")
                .params(reply, by, Timestamp.from(at), practiceId, requestId).update() == 1;
    }

    Optional<HomeworkRequest> request(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(REQUESTS + " AND q.client_id = ? AND q.id = ?").params(practiceId, clientId, id)
                .query(ClientVoiceRepository::request).optional();
    }

    /** The client's requests, newest first. */
    List<HomeworkRequest> requests(UUID practiceId, UUID clientId) {
        return jdbc.sql(REQUESTS + " AND q.client_id = ? ORDER BY q.created_at DESC, q.id DESC")
                .params(practiceId, clientId).query(ClientVoiceRepository::request).list();
    }

    /** The requests of several clients, each client's newest first. */
    List<HomeworkRequest> requestsOf(UUID practiceId, java.util.Collection<UUID> clientIds) {
        return jdbc.sql(REQUESTS + " AND q.client_id = ANY (?) ORDER BY q.created_at DESC, q.id DESC")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(ClientVoiceRepository::request).list();
    }

    private static AssignmentResponse response(ResultSet rs, int n) throws SQLException {
        return new AssignmentResponse(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("assignment_id", UUID.class),
                rs.getString("assignment_title"), ResponseKind.valueOf(rs.getString("kind")), rs.getString("body"), instant(rs, "created_at"),
                rs.getString("reply"), instant(rs, "replied_at"), rs.getObject("replied_by", UUID.class),
                rs.getString("replied_by_name"), (Boolean) rs.getObject("reply_mailed"),
                instant(rs, "assignment_changed_at"));
    }

    private static HomeworkRequest request(ResultSet rs, int n) throws SQLException {
        return new HomeworkRequest(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("topic"), instant(rs, "created_at"),
                rs.getString("reply"), instant(rs, "replied_at"), rs.getObject("replied_by", UUID.class),
                rs.getString("replied_by_name"), (Boolean) rs.getObject("reply_mailed"),
                rs.getObject("answered_by", UUID.class), rs.getString("answered_by_title"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
