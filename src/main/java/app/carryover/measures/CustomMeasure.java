package app.carryover.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A single rating a practice added without code (SUDS 0–100, hours slept 0–24, craving 0–10).
 *
 * @param riskAt an answer at or above this raises a risk alert, or null
 */
public record CustomMeasure(UUID practiceId, UUID id, String name, String question, int min, int max, String minLabel,
        String maxLabel, boolean higherIsWorse, Integer riskAt, Instant createdAt, Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }
}
