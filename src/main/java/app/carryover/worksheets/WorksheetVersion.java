package app.carryover.worksheets;

import java.time.Instant;

/** One stored version of a worksheet: when it was saved and by whom (null for built-ins). */
public record WorksheetVersion(String key, int version, String title, Instant createdAt, String createdByName) {
}
