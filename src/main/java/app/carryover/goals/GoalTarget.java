package app.carryover.goals;

import java.math.BigDecimal;

import app.carryover.measures.Measure;

/**
 * A goal's measurable target: a measure threshold ("GAD-7 below 10") or a free metric with a
 * baseline ("speak up in team meetings: 4 a month, from 1").
 */
public record GoalTarget(Kind kind, Measure measure, Comparator comparator, BigDecimal value, String metric,
        BigDecimal baseline) {

    public enum Kind { MEASURE, METRIC }

    public enum Comparator {
        BELOW("below"), AT_MOST("at most"), ABOVE("above"), AT_LEAST("at least");

        private final String words;

        Comparator(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The target in plain words. */
    public String describe() {
        if (kind == Kind.MEASURE) {
            return measure.label() + " " + comparator.words() + " " + value.stripTrailingZeros().toPlainString()
                    + (baseline == null ? "" : " (from " + baseline.stripTrailingZeros().toPlainString() + ")");
        }
        return metric + ": " + comparator.words() + " " + value.stripTrailingZeros().toPlainString()
                + (baseline == null ? "" : " (from " + baseline.stripTrailingZeros().toPlainString() + ")");
    }

    /** Whether a value meets the target. */
    public boolean metBy(BigDecimal observed) {
        int c = observed.compareTo(value);
        return switch (comparator) {
            case BELOW -> c < 0;
            case AT_MOST -> c <= 0;
            case ABOVE -> c > 0;
            case AT_LEAST -> c >= 0;
        };
    }
}
