package app.carryover.system;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The time zone a practice keeps its dates in, for modules that show dates but know nothing of
 * practices (worksheets' version list). The practice module answers it.
 */
public interface PracticeZones {

    ZoneId zoneOf(UUID practiceId);
}
