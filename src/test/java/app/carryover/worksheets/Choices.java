package app.carryover.worksheets;

import java.util.List;

/**
 * Reads decisions from a list of numbers that jqwik generates and shrinks. Zero always means the
 * simplest choice and an exhausted list reads as zeros, so when jqwik shrinks a failing case the
 * definition and answers it stands for shrink too.
 */
final class Choices {

    private final List<Integer> numbers;
    private int next;

    Choices(List<Integer> numbers) {
        this.numbers = numbers;
    }

    /** A number from 0 to n - 1. */
    int below(int n) {
        if (n <= 1) {
            return 0;
        }
        int value = next < numbers.size() ? numbers.get(next) : 0;
        next++;
        return Math.floorMod(value, n);
    }

    /** From lo to hi, both included. */
    int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    /** True with roughly this chance in a hundred (false when the numbers run out). */
    boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }
}
