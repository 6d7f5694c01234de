package app.carryover.homework;

import java.time.Instant;
import java.util.UUID;

/**
 * What a client's device sends to record practice.
 *
 * @param clientEntryId made on the device, so a retried submission never counts twice
 * @param occurredAt    when the practice happened, by the device's clock; null for now
 * @param answers       worksheet answers as JSON, or null for a quick log
 */
public record EntryInput(UUID clientEntryId, Instant occurredAt, Integer rating, String note, String answers) {
}
