package app.carryover.caseload;

import java.time.Instant;
import java.util.UUID;

/** A client was discharged: their record is read-only and all contact stops until readmission. */
public record ClientDischarged(UUID practiceId, UUID clientId, Instant at) {
}
