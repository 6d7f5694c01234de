package app.carryover.coach;

/**
 * An assignment as the therapist wrote it, with what the therapist knows: the client's goal, what the
 * session worked on, the title and free-text instructions, the structured dose when the composer has
 * one, the previous step with how much of it was done, the composer's separate Why field, and the
 * worksheet chosen for it. Any field may be null or empty.
 *
 * @param why the rationale the therapist wrote in its own field ("Why, and what to notice"); when it says
 *            something, the assignment says why
 * @param worksheet the name of the worksheet (a form to fill in) chosen in the composer; it makes the assignment structured
 */
public record AssignmentText(String goal, String sessionFocus, String title, String instructions, Dose dose,
        PreviousStep previous, String why, String worksheet) {

    public AssignmentText {
        goal = goal == null ? "" : goal;
        sessionFocus = sessionFocus == null ? "" : sessionFocus;
        title = title == null ? "" : title;
        instructions = instructions == null ? "" : instructions;
        why = why == null ? "" : why;
        worksheet = worksheet == null ? "" : worksheet;
    }

    /** The free-text fields only, with no dose, no previous step and no separate Why. */
    public static AssignmentText of(String goal, String sessionFocus, String title, String instructions) {
        return new AssignmentText(goal, sessionFocus, title, instructions, null, null, null, null);
    }

    public AssignmentText withDose(Dose newDose) {
        return new AssignmentText(goal, sessionFocus, title, instructions, newDose, previous, why, worksheet);
    }

    public AssignmentText withPrevious(PreviousStep newPrevious) {
        return new AssignmentText(goal, sessionFocus, title, instructions, dose, newPrevious, why, worksheet);
    }

    /** The worksheet chosen to fill in, by name. */
    public AssignmentText withWorksheet(String newWorksheet) {
        return new AssignmentText(goal, sessionFocus, title, instructions, dose, previous, why, newWorksheet);
    }

    /** The text of the composer's Why field. */
    public AssignmentText withWhy(String newWhy) {
        return new AssignmentText(goal, sessionFocus, title, instructions, dose, previous, newWhy, worksheet);
    }
}
