package app.carryover.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert raised by a risk answer (PHQ-9 item 9 above 0, or a practice's custom rating at its risk
 * level). It stays open — on the caseload and on every page of the client — until a clinician of
 * the care team acknowledges it with what was done; if nobody has by {@code escalateAt}, it is
 * escalated to the supervisors and admins.
 *
 * @param items the risk items' numbers in the instrument
 */
public record RiskAlert(UUID practiceId, UUID id, UUID clientId, UUID administrationId, String instrument,
        List<Integer> items, Instant raisedAt, Instant escalateAt, Instant escalatedAt, Integer escalatedTo,
        Instant acknowledgedAt, UUID acknowledgedBy, Action action, String note) {

    /** What the clinician did about it. */
    public enum Action {
        CONTACTED_CLIENT("contacted the client"),
        SAFETY_PLAN_REVIEWED("reviewed the safety plan with the client"),
        OTHER("other");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public boolean open() {
        return acknowledgedAt == null;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }
}
