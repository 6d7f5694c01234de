package app.carryover.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Spearman's rho against hand-worked cases, ties by mid-rank, and the bootstrap interval around it. */
class SpearmanTests {

    @Test
    void aPerfectRiseIsOneAndAPerfectFallIsMinusOne() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertThat(Spearman.rho(x, new double[] {10, 20, 30, 40, 50, 60})).isEqualTo(1.0, within(1e-12));
        assertThat(Spearman.rho(x, new double[] {6, 5, 4, 3, 2, 1})).isEqualTo(-1.0, within(1e-12));
    }

    @Test
    void withoutTiesItIsOneMinusSixSumDSquaredOverNCubedMinusN() {
        // ranks of y: 1 3 2 5 4 6; d = 0 1 -1 1 -1 0; sum d^2 = 4; rho = 1 - 6*4 / (6*35) = 0.885714…
        double rho = Spearman.rho(new double[] {14, 29, 43, 57, 71, 86}, new double[] {1, 3, 2, 5, 4, 6});
        assertThat(rho).isEqualTo(1 - 24.0 / 210, within(1e-12));
        assertThat(Spearman.of(new double[] {14, 29, 43, 57, 71, 86}, new double[] {1, 3, 2, 5, 4, 6}).words())
                .startsWith("r = 0.89 (95% interval ").endsWith(", n = 6");
    }

    @Test
    void tiesShareTheirMeanRank() {
        assertThat(Spearman.ranks(new double[] {0, 1, 1, 2, 3, 4})).containsExactly(1, 2.5, 2.5, 4, 5, 6);
        // Pearson over mid-ranks (1 2.5 2.5 4 5 6) and (1 3 2 5 4 6): 16 / sqrt(17 * 17.5) = 0.92760…
        assertThat(Spearman.rho(new double[] {0, 1, 1, 2, 3, 4}, new double[] {1, 3, 2, 5, 4, 6}))
                .isEqualTo(16 / Math.sqrt(17 * 17.5), within(1e-12));
    }

    @Test
    void theIntervalHoldsTheEstimateAndIsTheSameEveryTime() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i;
            y[i] = (i * 37) % 40 + i; // a loose rise
        }
        Spearman s = Spearman.of(x, y);
        assertThat(s.low()).isLessThan(s.rho());
        assertThat(s.high()).isGreaterThan(s.rho());
        assertThat(s.low()).isGreaterThan(-1.0);
        assertThat(s.high()).isLessThanOrEqualTo(1.0);
        assertThat(Spearman.of(x, y)).isEqualTo(s);
    }

    @Test
    void tooFewClientsOrNoVariationGiveNoFigureAndSaySo() {
        Spearman few = Spearman.of(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1});
        assertThat(few.computed()).isFalse();
        assertThat(few.words()).isEqualTo("too few clients for a figure (n = 4; at least 5 needed)");
        Spearman flat = Spearman.of(new double[] {50, 50, 50, 50, 50}, new double[] {1, 2, 3, 4, 5});
        assertThat(flat.computed()).isFalse();
        assertThat(flat.words()).isEqualTo("no figure: every client has the same value on one side (n = 5)");
    }

    @Test
    void theIntervalIsTheOneFromRankingEachResampleAfresh() {
        // many ties on both sides (as practice shares and score changes have), and a few hundred clients
        java.util.Random r = new java.util.Random(3);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(8) * 12.5;
            y[i] = Math.round(x[i] / 20 + r.nextGaussian() * 3);
        }
        // the direct way: draw the resample's values, rank them, correlate
        java.util.SplittableRandom random = new java.util.SplittableRandom(Spearman.SEED);
        double[] estimates = new double[Spearman.RESAMPLES];
        int kept = 0;
        for (int b = 0; b < Spearman.RESAMPLES; b++) {
            double[] bx = new double[n];
            double[] by = new double[n];
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                bx[i] = x[pick];
                by[i] = y[pick];
            }
            Double rho = Spearman.rho(bx, by);
            if (rho != null) {
                estimates[kept++] = rho;
            }
        }
        double[] sorted = java.util.Arrays.copyOf(estimates, kept);
        java.util.Arrays.sort(sorted);

        Spearman fast = Spearman.of(x, y);
        assertThat(fast.rho()).isEqualTo(Spearman.rho(x, y));
        assertThat(fast.low()).isCloseTo(Spearman.percentile(sorted, 0.025), within(1e-12));
        assertThat(fast.high()).isCloseTo(Spearman.percentile(sorted, 0.975), within(1e-12));
        assertThat(fast.low()).isLessThan(fast.rho());
        assertThat(fast.high()).isGreaterThan(fast.rho());
    }
}
