package app.carryover.caseload;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A client's record as other modules see it. */
public record ClientRecord(UUID practiceId, UUID id, UUID accountId, String displayName, ZoneId timeZone,
        Status status, Instant createdAt) {

    public enum Status { ACTIVE, DISCHARGED }

    public boolean discharged() {
        return status == Status.DISCHARGED;
    }
}
