package app.carryover.caseload;

import java.time.Instant;
import java.util.UUID;

/** A discharged client was readmitted: the same record is open again. */
public record ClientReadmitted(UUID practiceId, UUID clientId, Instant at) {
}
