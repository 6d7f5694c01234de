package app.carryover.homework;

/** What the review decides for each assignment. */
public enum ReviewDecision {
    CONTINUE("continue as it is"), STEP_UP("step up"), STEP_DOWN("step down"), MODIFY("modify"),
    COMPLETE("complete"), DROP("drop");

    private final String words;

    ReviewDecision(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Whether the clinician shapes the next assignment in the composer before it is set (modify, step up, step down). */
    public boolean opensComposer() {
        return this == STEP_UP || this == STEP_DOWN || this == MODIFY;
    }

    /** Whether the decision leads to a next assignment, pre-filled from this one. */
    public boolean continues() {
        return this == CONTINUE || this == STEP_UP || this == STEP_DOWN || this == MODIFY;
    }
}
