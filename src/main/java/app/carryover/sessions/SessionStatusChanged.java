package app.carryover.sessions;

import java.time.Instant;
import java.util.UUID;

/** A session changed status (published by {@link Sessions}); reminders and the homework loop may care. */
public record SessionStatusChanged(UUID practiceId, UUID clientId, UUID sessionId, SessionStatus status, Instant at) {
}
