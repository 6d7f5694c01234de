package app.carryover.homework;

import java.math.BigDecimal;
import java.util.List;

/**
 * When to suggest stepping up an exposure: the last two trials of a step peaked at 40 or less,
 * or both peaked at least 50% lower than the step's first trial. The clinician decides; the
 * suggestion shows the rule and the numbers it used.
 */
public record StepUpRule(boolean suggested, String because) {

    static final BigDecimal LOW_PEAK = BigDecimal.valueOf(40);

    static StepUpRule judge(List<BigDecimal> peaksInOrder) {
        if (peaksInOrder.size() < 2) {
            return new StepUpRule(false, "Needs at least two trials of this step (" + peaksInOrder.size() + " so far).");
        }
        BigDecimal first = peaksInOrder.get(0);
        BigDecimal last = peaksInOrder.get(peaksInOrder.size() - 1);
        BigDecimal beforeLast = peaksInOrder.get(peaksInOrder.size() - 2);
        String peaks = "last two peaks " + plain(beforeLast) + " and " + plain(last) + ", first trial " + plain(first);
        if (beforeLast.compareTo(LOW_PEAK) <= 0 && last.compareTo(LOW_PEAK) <= 0) {
            return new StepUpRule(true, "Suggest stepping up: the last two trials peaked at 40 or less (" + peaks + ").");
        }
        BigDecimal half = first.divide(BigDecimal.valueOf(2));
        if (peaksInOrder.size() >= 3 && beforeLast.compareTo(half) <= 0 && last.compareTo(half) <= 0) {
            return new StepUpRule(true, "Suggest stepping up: the last two trials peaked at least 50% lower than the first ("
                    + peaks + ").");
        }
        return new StepUpRule(false, "Not yet: step up when the last two trials peak at 40 or less, or at least 50% below "
                + "the first trial (" + peaks + ").");
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
