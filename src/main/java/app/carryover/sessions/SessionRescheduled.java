package app.carryover.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled session was moved (published by {@link Sessions} and {@link SessionSeries}). Published inside the
 * moving transaction, so a synchronous listener (say, the transcripts module's copy of the session's start) changes
 * with it or not at all.
 */
public record SessionRescheduled(UUID practiceId, UUID clientId, UUID sessionId, Instant startsAt) {
}
