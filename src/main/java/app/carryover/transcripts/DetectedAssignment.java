package app.carryover.transcripts;

import java.util.List;

/**
 * One assignment found in a session: the turn that settled it (the confirmation, when it was proposed,
 * negotiated and confirmed over several turns), its category, whether it is specific, the task in one
 * line, the evidence, and every therapist turn that set it ({@code turns}, in order, ending with
 * {@code turn}). A draft for the clinician to confirm, never an assignment by itself.
 */
public record DetectedAssignment(int turn, HomeworkCategory category, boolean specific, String summary,
                                 List<String> evidence, List<Integer> turns) {

    public DetectedAssignment {
        evidence = List.copyOf(evidence);
        turns = turns == null || turns.isEmpty() ? List.of(turn) : List.copyOf(turns);
    }

    /** An assignment set in one turn. */
    public DetectedAssignment(int turn, HomeworkCategory category, boolean specific, String summary, List<String> evidence) {
        this(turn, category, specific, summary, evidence, List.of(turn));
    }

    /**
     * The assignment in one line: its category, specific or vague, and the task, for example
     * (journaling, specific) carry on with the thought records.
     */
    public String line() {
        return "[" + category.label() + ", " + (specific ? "specific" : "vague") + "] " + summary;
    }
}
