package app.carryover.sessions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
