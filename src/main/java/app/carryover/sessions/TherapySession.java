package app.carryover.sessions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import app.carryover.system.ClinicianOnly;

/** A session with one client, as the care team sees it; clients never receive the notes. */
public record TherapySession(UUID practiceId, UUID id, UUID clientId, UUID clinicianId, Instant startsAt,
        int durationMinutes, SessionStatus status, @ClinicianOnly String notes) {

    public ZonedDateTime startsIn(ZoneId zone) {
        return startsAt.atZone(zone);
    }

    /** The same session without clinician-only material, for the client. */
    public TherapySession forClient() {
        return new TherapySession(practiceId, id, clientId, clinicianId, startsAt, durationMinutes, status, null);
    }
}
