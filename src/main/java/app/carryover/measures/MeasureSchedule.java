package app.carryover.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * When a client is asked to answer a questionnaire: before every session, every few weeks, or at
 * intake and at the planned end.
 *
 * @param intervalWeeks for {@link Kind#EVERY_N_WEEKS}, otherwise null
 * @param endsOn        the last day it is asked (for {@link Kind#AT_INTAKE_AND_DISCHARGE}, the planned end), or null
 */
public record MeasureSchedule(UUID practiceId, UUID id, UUID clientId, String instrument, Kind kind,
        Integer intervalWeeks, LocalDate startsOn, LocalDate endsOn, Instant createdAt, UUID createdBy,
        Instant stoppedAt) {

    /** The kinds of schedule. */
    public enum Kind {
        BEFORE_EACH_SESSION, EVERY_N_WEEKS, AT_INTAKE_AND_DISCHARGE
    }

    public boolean active() {
        return stoppedAt == null;
    }

    /** The schedule in words ("before every session", "every 2 weeks from 3 March 2025"). */
    public String describe() {
        return switch (kind) {
            case BEFORE_EACH_SESSION -> "before every session";
            case EVERY_N_WEEKS -> (intervalWeeks == 1 ? "every week" : "every " + intervalWeeks + " weeks") + " from "
                    + Dates.day(startsOn) + (endsOn == null ? "" : " to " + Dates.day(endsOn));
            case AT_INTAKE_AND_DISCHARGE -> "at intake (" + Dates.day(startsOn) + ") and at the planned end"
                    + (endsOn == null ? " (date not set yet)" : " (" + Dates.day(endsOn) + ")");
        };
    }
}
