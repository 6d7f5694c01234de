package app.carryover.homework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded practice: when it happened (from the device) and the client's local date at that
 * moment, fixed when written so a later change of time zone never re-dates it; a quick log's
 * optional 0–10 rating and note, or a worksheet's answers; and the numbers extracted from them.
 */
public record PracticeEntry(UUID practiceId, UUID id, UUID assignmentId, UUID clientId, UUID clientEntryId,
        Instant occurredAt, LocalDate localDate, String timeZone, Integer rating, String note, String worksheetKey,
        Integer worksheetVersion, String answers, Map<String, BigDecimal> values, int revision, boolean edited,
        Instant createdAt) {
}
