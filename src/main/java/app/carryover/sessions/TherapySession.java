package app.carryover.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import app.carryover.system.ClinicianOnly;

/**
 * A session with one client, as the care team sees it; clients never receive the notes.
 *
 * @param seriesId      the series it was scheduled in, or null for a one-off session
 * @param firstStartsAt where it was first scheduled, when it has since been moved; else null
 */
public record TherapySession(UUID practiceId, UUID id, UUID clientId, UUID clinicianId, Instant startsAt,
        int durationMinutes, SessionStatus status, @ClinicianOnly String notes, UUID seriesId, Instant firstStartsAt) {

    public ZonedDateTime startsIn(ZoneId zone) {
        return startsAt.atZone(zone);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /**
     * Still "scheduled" although it has ended: nobody has recorded whether it was held, cancelled or
     * a no-show. The care team is asked to record it; meanwhile it is no due moment for homework.
     */
    public boolean unrecorded(Instant now) {
        return status == SessionStatus.SCHEDULED && !endsAt().isAfter(now);
    }

    /** Whether homework can fall due at it as of now: held, or scheduled and not yet over. */
    public boolean dueMoment(Instant now) {
        return status == SessionStatus.HELD || (status == SessionStatus.SCHEDULED && !unrecorded(now));
    }

    /** The same session without clinician-only material, for the client. */
    public TherapySession forClient() {
        return new TherapySession(practiceId, id, clientId, clinicianId, startsAt, durationMinutes, status, null, seriesId,
                firstStartsAt);
    }
}
