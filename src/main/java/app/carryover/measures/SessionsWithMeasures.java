package app.carryover.measures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.sessions.SessionAttachments;

/** A questionnaire answered for a session (before it, or given in it) keeps the session on the record. */
@Component
class SessionsWithMeasures implements SessionAttachments {

    private final JdbcClient jdbc;

    SessionsWithMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<String>> describe(UUID practiceId, UUID clientId, Collection<UUID> sessionIds) {
        Map<UUID, List<String>> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT session_id, count(*) FROM measure_administration
                WHERE practice_id = ? AND client_id = ? AND session_id = ANY (?) GROUP BY session_id""")
                .params(practiceId, clientId, sessionIds.toArray(new UUID[0]))
                .query(rs -> {
                    int n = rs.getInt(2);
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(n == 1 ? "1 questionnaire was answered for it" : n + " questionnaires were answered for it");
                });
        return result;
    }
}
