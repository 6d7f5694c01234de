package app.carryover.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A treatment goal of one client. */
public record Goal(UUID practiceId, UUID id, UUID clientId, String statement, String whyItMatters, GoalTarget target,
        LocalDate targetDate, GoalStatus status, int version, Instant createdAt, Instant updatedAt) {
}
