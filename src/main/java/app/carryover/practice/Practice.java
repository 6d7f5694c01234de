package app.carryover.practice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A practice: the tenant every client record belongs to. */
record Practice(UUID id, String name, ZoneId timeZone, boolean demo, boolean requireSecondFactor, Instant createdAt) {
}
