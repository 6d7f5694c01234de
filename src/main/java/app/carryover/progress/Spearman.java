package app.carryover.progress;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Spearman's rank correlation with a percentile bootstrap 95% interval: the association between
 * how much (or how well) clients practised and how much their scores improved. Ties get their mean
 * rank; a resample is ranked afresh, so the interval is that of Spearman's rho itself.
 *
 * <p>The bootstrap draws clients with replacement ({@value #RESAMPLES} times, Efron and Tibshirani
 * 1993, ch. 13, the percentile interval); the seed is fixed so the same data always show the same
 * interval on the page, in the API and in the CSV.
 */
public record Spearman(int n, Double rho, Double low, Double high) {

    static final int RESAMPLES = 1000;
    /** Fewer clients than this give no figure: a correlation over a handful of people says nothing. */
    static final int MINIMUM_N = 5;
    static final long SEED = 20261207L;

    /** The correlation of paired values (x[i], y[i]), with its interval; null figures when n is too small or a side never varies. */
    public static Spearman of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int n = x.length;
        if (n < MINIMUM_N) {
            return new Spearman(n, null, null, null);
        }
        Double rho = rho(x, y);
        if (rho == null) {
            return new Spearman(n, null, null, null);
        }
        // Each resample's values are drawn from the sample's own, so its mid-ranks follow from counting how often
        // each distinct value was drawn: no sort per resample (a sort of 10,000 boxed indices per side per
        // resample made the practice association take seconds). The same draws in the same order as drawing the
        // values and ranking them, so the same interval.
        Levels lx = Levels.of(x);
        Levels ly = Levels.of(y);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] estimates = new double[RESAMPLES];
        int kept = 0;
        int[] picks = new int[n];
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                picks[i] = random.nextInt(n);
            }
            lx.ranks(picks, bx);
            ly.ranks(picks, by);
            Double b = pearson(bx, by);
            if (b != null) {
                estimates[kept++] = b;
            }
        }
        if (kept < RESAMPLES / 2) {
            return new Spearman(n, rho, null, null);
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        return new Spearman(n, rho, percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    /**
     * A sample's values as levels: each value's place among the sample's distinct values in ascending order, so
     * that any resample of it can be ranked by counting.
     */
    private record Levels(int[] level, int distinct, int[] counts, double[] midRank) {

        static Levels of(double[] values) {
            int n = values.length;
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = values[i] == 0 ? 0.0 : values[i]; // -0.0 and 0.0 tie, as == has them
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            int[] level = new int[n];
            for (int i = 0; i < n; i++) {
                level[i] = Arrays.binarySearch(sorted, 0, distinct, values[i] == 0 ? 0.0 : values[i]);
            }
            return new Levels(level, distinct, new int[distinct], new double[distinct]);
        }

        /** The mid-ranks (from 1, ties sharing the mean of the ranks they span) of the values at {@code picks}. */
        void ranks(int[] picks, double[] out) {
            Arrays.fill(counts, 0);
            for (int p : picks) {
                counts[level[p]]++;
            }
            int before = 0;
            for (int l = 0; l < distinct; l++) {
                midRank[l] = before + (counts[l] + 1) / 2.0;
                before += counts[l];
            }
            for (int i = 0; i < picks.length; i++) {
                out[i] = midRank[level[picks[i]]];
            }
        }
    }

    /** Spearman's rho as Pearson's correlation of the mid-ranks, or null when either side is constant. */
    static Double rho(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks from 1, ties sharing the mean of the ranks they span. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mean;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static Double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The p-th quantile of sorted values, interpolating between neighbours. */
    static double percentile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Whether there is a figure to show. */
    public boolean computed() {
        return rho != null;
    }

    /** "r = 0.31 (95% interval 0.05 to 0.53), n = 42", or why there is no figure. */
    public String words() {
        if (rho == null) {
            return n < MINIMUM_N ? "too few clients for a figure (n = " + n + "; at least " + MINIMUM_N + " needed)"
                    : "no figure: every client has the same value on one side (n = " + n + ")";
        }
        return "r = " + two(rho) + (low == null ? "" : " (95% interval " + two(low) + " to " + two(high) + ")")
                + ", n = " + n;
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
