package app.carryover.practice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A practice: the tenant every client record belongs to. */
record Practice(UUID id, String name, ZoneId timeZone, boolean demo, boolean requireSecondFactor, Instant createdAt,
        int backdateDays, String emergencyContacts) {

    Practice(UUID id, String name, ZoneId timeZone, boolean demo, boolean requireSecondFactor, Instant createdAt) {
        this(id, name, timeZone, demo, requireSecondFactor, createdAt, 3, null);
    }
}
