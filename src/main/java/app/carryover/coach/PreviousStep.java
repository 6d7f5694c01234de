package app.carryover.coach;

/**
 * The step assigned last time and how much of it was done. {@code text} is what the therapist or the
 * review recorded ('Step 2, small supermarket with partner outside: done twice, peak anxiety 50 then 30');
 * {@code timesPlanned} and {@code timesDone} are the counts from the practice record when the app has them.
 */
public record PreviousStep(String text, Integer timesPlanned, Integer timesDone) {

    public PreviousStep {
        text = text == null ? "" : text;
    }

    public static PreviousStep of(String text) {
        return new PreviousStep(text, null, null);
    }

    /** Share of the planned practice that was done, when both counts are known. */
    public Double doneShare() {
        if (timesPlanned == null || timesDone == null || timesPlanned <= 0) {
            return null;
        }
        return Math.min(1.0, Math.max(0, timesDone) / (double) timesPlanned);
    }

    boolean isEmpty() {
        return text.isBlank() && timesPlanned == null && timesDone == null;
    }
}
