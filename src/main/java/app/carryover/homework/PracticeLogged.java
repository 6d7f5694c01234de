package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A practice entry was recorded (by the client, or for them by the care team). */
public record PracticeLogged(UUID practiceId, UUID clientId, UUID assignmentId, UUID entryId, Instant occurredAt,
        LocalDate localDate) {
}
