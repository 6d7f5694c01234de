package app.carryover.carryover;

import java.util.Collection;
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
        return SessionAttachments.countedIn(jdbc, "measure_administration", practiceId, clientId, sessionIds,
                n -> n == 1 ? "1 questionnaire was answered for it" : n + " questionnaires were answered for it");
    }
}
