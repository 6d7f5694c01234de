package app.carryover.homework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.sessions.SessionAttachments;

/** Homework set in a session or reviewed at it keeps the session on the record. */
@Component
class SessionsWithHomework implements SessionAttachments {

    private final JdbcClient jdbc;

    SessionsWithHomework(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<String>> describe(UUID practiceId, UUID clientId, Collection<UUID> sessionIds) {
        Map<UUID, List<String>> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        UUID[] ids = sessionIds.toArray(new UUID[0]);
        jdbc.sql("""
                SELECT assigned_in_session, count(*) FROM assignment
                WHERE practice_id = ? AND client_id = ? AND assigned_in_session = ANY (?) GROUP BY assigned_in_session""")
                .params(practiceId, clientId, ids)
                .query(rs -> {
                    int n = rs.getInt(2);
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(n == 1 ? "1 assignment was set in it" : n + " assignments were set in it");
                });
        jdbc.sql("""
                SELECT r.session_id, count(*) FROM homework_review r
                JOIN assignment a ON a.practice_id = r.practice_id AND a.id = r.assignment_id
                WHERE r.practice_id = ? AND a.client_id = ? AND r.session_id = ANY (?) GROUP BY r.session_id""")
                .params(practiceId, clientId, ids)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add("homework was reviewed at it");
                });
        return result;
    }
}
