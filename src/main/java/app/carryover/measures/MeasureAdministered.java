package app.carryover.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A questionnaire or rating was saved. Published inside the saving transaction; the risk alert it
 * may raise is already stored by then, so listeners (reminders, FHIR) only follow up.
 *
 * @param instrument the instrument's key; {@code measure} is set for the standard questionnaires
 * @param total      the total, or null when none could be given
 */
public record MeasureAdministered(UUID practiceId, UUID clientId, UUID administrationId, String instrument,
        Measure measure, Integer total, boolean risk, UUID sessionId, UUID assignmentId, Instant answeredAt) {
}
