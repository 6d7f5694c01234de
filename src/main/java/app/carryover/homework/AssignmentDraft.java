package app.carryover.homework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the composer sends to create an assignment.
 *
 * @param general    true for homework not tied to a goal (then {@code goalIds} may be empty)
 * @param sessionId  the session it was assigned in, if any
 * @param startDate  the first day of practice (client-local); null for today
 * @param dueDate    a due date; null for "by the next session"
 * @param difficulty 1–10; null for 5
 * @param plan       what to do when something gets in the way (from a review), or null
 */
public record AssignmentDraft(String title, String instructions, String rationale, boolean general, List<UUID> goalIds,
        UUID sessionId, String worksheetKey, Dose dose, LocalDate startDate, LocalDate dueDate, Integer difficulty,
        UUID exposureStepId, String plan) {

    public AssignmentDraft {
        goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
    }

    /** A draft without a plan for what gets in the way. */
    public AssignmentDraft(String title, String instructions, String rationale, boolean general, List<UUID> goalIds,
            UUID sessionId, String worksheetKey, Dose dose, LocalDate startDate, LocalDate dueDate, Integer difficulty,
            UUID exposureStepId) {
        this(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose, startDate, dueDate,
                difficulty, exposureStepId, null);
    }

    /** A draft that repeats an earlier assignment, for "copy" and for the next assignment after a review. */
    public static AssignmentDraft from(Assignment a) {
        return new AssignmentDraft(a.title(), a.instructions(), a.rationale(), a.general(), a.goalIds(), null,
                a.worksheetKey(), a.dose(), null, null, a.difficulty(), a.exposureStepId(), a.plan());
    }

    /** The draft of an assignment as it stands, for editing it. */
    public static AssignmentDraft editing(Assignment a) {
        return new AssignmentDraft(a.title(), a.instructions(), a.rationale(), a.general(), a.goalIds(),
                a.assignedInSession(), a.worksheetKey(), a.dose(), a.startDate(), a.dueDate(), a.difficulty(),
                a.exposureStepId(), a.plan());
    }

    public AssignmentDraft withPlan(String plan) {
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose,
                startDate, dueDate, difficulty, exposureStepId, plan);
    }

    public AssignmentDraft withText(String title, String instructions) {
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose,
                startDate, dueDate, difficulty, exposureStepId, plan);
    }

    public AssignmentDraft withDifficulty(int difficulty) {
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose,
                startDate, dueDate, difficulty, exposureStepId, plan);
    }

    public AssignmentDraft withStep(UUID stepId) {
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose,
                startDate, dueDate, difficulty, stepId, plan);
    }

    public AssignmentDraft inSession(UUID session, LocalDate start) {
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, session, worksheetKey, dose, start,
                dueDate, difficulty, exposureStepId, plan);
    }
}
