package app.carryover.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Dose;

/**
 * An assignment draft by name instead of twelve positional arguments. Starts as the homework most tests
 * compose: general (not tied to a goal), once a day, difficulty 3, no rationale, session, worksheet,
 * dates, exposure step or plan; each call changes one thing.
 *
 * <pre>
 * assignments.compose(clinician, clientId, draft("Evening walk", "Walk for 20 minutes after dinner.")
 *         .rationale("Moving lifts the mood.").inSession(first.id()).starting(LocalDate.of(2026, 3, 4)).build());
 * </pre>
 */
public final class DraftBuilder {

    private final String title;
    private final String instructions;
    private String rationale;
    private Boolean general;
    private List<UUID> goalIds = List.of();
    private UUID sessionId;
    private String worksheetKey;
    private Dose dose = Dose.perDay(1);
    private LocalDate startDate;
    private LocalDate dueDate;
    private Integer difficulty = 3;
    private UUID exposureStepId;
    private String plan;

    private DraftBuilder(String title, String instructions) {
        this.title = title;
        this.instructions = instructions;
    }

    public static DraftBuilder draft(String title, String instructions) {
        return new DraftBuilder(title, instructions);
    }

    public DraftBuilder rationale(String rationale) {
        this.rationale = rationale;
        return this;
    }

    /** Ties the homework to goals (then it is not general, unless {@link #general} says so). */
    public DraftBuilder goals(UUID... goalIds) {
        this.goalIds = List.of(goalIds);
        return this;
    }

    /** Says whether the homework serves no particular goal; by default, when it names none. */
    public DraftBuilder general(boolean general) {
        this.general = general;
        return this;
    }

    /** The session it was assigned in. */
    public DraftBuilder inSession(UUID sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public DraftBuilder worksheet(String worksheetKey) {
        this.worksheetKey = worksheetKey;
        return this;
    }

    public DraftBuilder dose(Dose dose) {
        this.dose = dose;
        return this;
    }

    /** The first day of practice, in the client's calendar. */
    public DraftBuilder starting(LocalDate startDate) {
        this.startDate = startDate;
        return this;
    }

    public DraftBuilder due(LocalDate dueDate) {
        this.dueDate = dueDate;
        return this;
    }

    /** 1–10; null for the application's default. */
    public DraftBuilder difficulty(Integer difficulty) {
        this.difficulty = difficulty;
        return this;
    }

    public DraftBuilder step(UUID exposureStepId) {
        this.exposureStepId = exposureStepId;
        return this;
    }

    /** What to do when something gets in the way. */
    public DraftBuilder plan(String plan) {
        this.plan = plan;
        return this;
    }

    public AssignmentDraft build() {
        return new AssignmentDraft(title, instructions, rationale, general != null ? general : goalIds.isEmpty(),
                goalIds, sessionId, worksheetKey, dose, startDate, dueDate, difficulty, exposureStepId, plan);
    }
}
