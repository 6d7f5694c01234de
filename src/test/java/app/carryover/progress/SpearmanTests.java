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
}
