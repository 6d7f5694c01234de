package app.carryover.carryover;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.sessions.SessionAttachments;

/** A transcript uploaded to a session keeps the session on the record. */
@Component
class SessionsWithTranscripts implements SessionAttachments {

    private final JdbcClient jdbc;

    SessionsWithTranscripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<String>> describe(UUID practiceId, UUID clientId, Collection<UUID> sessionIds) {
        return SessionAttachments.countedIn(jdbc, "transcript", practiceId, clientId, sessionIds,
                n -> n == 1 ? "a transcript was uploaded to it" : n + " transcripts were uploaded to it");
    }
}
