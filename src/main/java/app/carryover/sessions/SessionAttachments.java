package app.carryover.sessions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What other modules keep about sessions (homework set or reviewed in them, transcripts), so a session
 * is deleted only when nothing hangs on it — and the clinician is told what does. Modules above
 * sessions implement it; sessions asks every implementation without depending on them.
 */
public interface SessionAttachments {

    /**
     * For each of these sessions of the client that this module keeps something about, what it is in
     * words ("1 assignment was set in it"); sessions with nothing are left out.
     */
    Map<UUID, List<String>> describe(UUID practiceId, UUID clientId, Collection<UUID> sessionIds);

    /**
     * The usual implementation: how many rows of {@code table} (a table with practice_id, client_id and
     * session_id) each session has, said in {@code words}.
     */
    static Map<UUID, List<String>> countedIn(JdbcClient jdbc, String table, UUID practiceId, UUID clientId,
            Collection<UUID> sessionIds, IntFunction<String> words) {
        Map<UUID, List<String>> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT session_id, count(*) FROM " + table
                        + " WHERE practice_id = ? AND client_id = ? AND session_id = ANY (?) GROUP BY session_id")
                .params(practiceId, clientId, sessionIds.toArray(new UUID[0]))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(words.apply(rs.getInt(2)));
                });
        return result;
    }
}
