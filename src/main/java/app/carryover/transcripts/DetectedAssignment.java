package app.carryover.transcripts;

import java.util.List;

/**
 * One assignment found in a session: the turn that set it (the first, when it was set over several
 * turns in a row), its category, whether it is specific, the task in one line, and the evidence.
 * A draft for the clinician to confirm, never an assignment by itself.
 */
public record DetectedAssignment(int turn, HomeworkCategory category, boolean specific, String summary,
                                 List<String> evidence) {

    public DetectedAssignment {
        evidence = List.copyOf(evidence);
    }

    /**
     * The assignment in one line: its category, specific or vague, and the task, for example
     * (journaling, specific) carry on with the thought records.
     */
    public String line() {
        return "[" + category.label() + ", " + (specific ? "specific" : "vague") + "] " + summary;
    }
}
