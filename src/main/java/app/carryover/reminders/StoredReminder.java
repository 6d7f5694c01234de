package app.carryover.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A planned reminder as stored; {@code state} is PLANNED, QUEUED, NOT_SENT, SNOOZED, SKIPPED or CANCELLED. */
record StoredReminder(UUID practiceId, UUID id, UUID clientId, Subject subject, String subjectKey, UUID assignmentId,
        LocalDate localDate, String slot, Instant dueAt, String state, String reason, UUID snoozedFrom,
        Instant openedAt, Instant practisedAt) {
}
