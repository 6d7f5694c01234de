package app.carryover.coach;

/**
 * An assignment as the therapist wrote it, with what the therapist knows: the client's goal, what the
 * session worked on, the title and free-text instructions, the structured dose when the composer has
 * one, and the previous step with how much of it was done. Any field may be null or empty.
 */
public record AssignmentText(String goal, String sessionFocus, String title, String instructions, Dose dose,
        PreviousStep previous) {

    public AssignmentText {
        goal = goal == null ? "" : goal;
        sessionFocus = sessionFocus == null ? "" : sessionFocus;
        title = title == null ? "" : title;
        instructions = instructions == null ? "" : instructions;
    }

    /** The free-text fields only, with no dose and no previous step. */
    public static AssignmentText of(String goal, String sessionFocus, String title, String instructions) {
        return new AssignmentText(goal, sessionFocus, title, instructions, null, null);
    }

    public AssignmentText withDose(Dose newDose) {
        return new AssignmentText(goal, sessionFocus, title, instructions, newDose, previous);
    }

    public AssignmentText withPrevious(PreviousStep newPrevious) {
        return new AssignmentText(goal, sessionFocus, title, instructions, dose, newPrevious);
    }
}
