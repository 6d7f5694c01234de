package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.carryover.system.ClinicianOnly;

/**
 * A piece of homework: what to do and why, linked to goals and the session it came from, with a
 * dose, a start and a due moment (the next session unless a date is set), a difficulty, and for
 * graded work the exposure step.
 *
 * @param dueDate   a set due date (client-local), or null when due at the next session
 * @param coachReport the quality coach's analysis (JSON), for clinicians only
 * @param revision  1 as first set, one more for each edit (the client always sees the current one)
 * @param plan      what to do when something gets in the way, agreed at the review that led here; or null
 */
public record Assignment(UUID practiceId, UUID id, UUID clientId, String title, String instructions, String rationale,
        boolean general, List<UUID> goalIds, UUID assignedInSession, String worksheetKey, Integer worksheetVersion,
        Dose dose, Instant startsAt, LocalDate startDate, LocalDate dueDate, int difficulty, UUID exposureStepId,
        AssignmentStatus status, UUID previousId, @ClinicianOnly String coachReport, Instant createdAt, int revision,
        String plan) {

    public Assignment {
        goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
    }

    public boolean usesWorksheet() {
        return worksheetKey != null;
    }

    /** The same assignment without clinician-only material, for the client. */
    public Assignment forClient() {
        return new Assignment(practiceId, id, clientId, title, instructions, rationale, general, goalIds,
                assignedInSession, worksheetKey, worksheetVersion, dose, startsAt, startDate, dueDate, difficulty,
                exposureStepId, status, previousId, null, createdAt, revision, plan);
    }
}
