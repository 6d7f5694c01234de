package app.carryover.homework;

import java.util.UUID;

/** An assignment was created or changed its status, so plans built on it (reminders) may change. */
public record AssignmentChanged(UUID practiceId, UUID clientId, UUID assignmentId) {
}
