package app.carryover.goals;

/** The symptom measures a goal's target can name, with their score ranges. */
public enum Measure {
    PHQ9("PHQ-9", 27), GAD7("GAD-7", 21), PHQ8("PHQ-8", 24);

    private final String label;
    private final int max;

    Measure(String label, int max) {
        this.label = label;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public int max() {
        return max;
    }
}
