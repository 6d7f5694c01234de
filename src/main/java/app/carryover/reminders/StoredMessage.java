package app.carryover.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A message as stored, with its delivery state. */
record StoredMessage(UUID practiceId, UUID id, UUID clientId, String channel, Instant dueAt, LocalDate localDate,
        String address, MessageState state, int attempts, Instant nextAttemptAt, String lastError, String providerRef,
        byte[] linkSealed, Instant signedInAt, Instant openedAt, Instant createdAt, Instant sentAt,
        Instant deliveredAt, Instant failedAt) {
}
