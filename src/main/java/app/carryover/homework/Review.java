package app.carryover.homework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.carryover.system.ClinicianOnly;

/**
 * The review of one assignment at a session: a decision (or a deferral with its reason), the
 * obstacles and troubleshooting plan agreed, and the quality ratings (0–4) of the clinician and
 * the client. The adherence figures are kept as they were at the review.
 */
public record Review(UUID practiceId, UUID id, UUID assignmentId, UUID sessionId, Instant reviewedAt, UUID reviewedBy,
        ReviewDecision decision, String deferredReason, @ClinicianOnly Integer clinicianRating, Integer clientRating,
        List<Obstacle> obstacles, String obstacleOther, String troubleshooting, Double expected, Double done,
        UUID nextAssignmentId) {

    public boolean deferred() {
        return decision == null;
    }
}
