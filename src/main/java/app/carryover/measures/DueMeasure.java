package app.carryover.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A questionnaire a client should answer now: which, from which schedule, and the window it is due
 * in. Answering it (or a clinician giving it in session) within the window closes it.
 *
 * @param opens  when the window opened
 * @param closes when it closes (the session's start for "before every session")
 * @param reason    in the client's words ("before your session on Tuesday 5 March 2025 at 17:00")
 * @param sessionId the session it is due before, or null
 */
public record DueMeasure(UUID scheduleId, String instrument, String name, int questions, int minutes, Instant opens,
        Instant closes, String reason, UUID sessionId) {
}
