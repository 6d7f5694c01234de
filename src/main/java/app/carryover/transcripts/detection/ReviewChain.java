package app.carryover.transcripts.detection;

import java.util.List;
import app.carryover.transcripts.Turn;
import app.carryover.transcripts.evaluation.LabelledData;

/**
 * Smooths the review probabilities of a session's therapist turns as a two-state chain (reviewing
 * earlier homework or not): a review runs over several turns in a row, and its follow-up questions
 * ("And how strongly did you believe it?") carry no homework words of their own. The chance of
 * staying in each state from one therapist turn to the next, and how often turns review at all,
 * are counted in the labelled sessions the model was trained on; forward-backward gives each turn
 * the probability that it is part of a review.
 */
public final class ReviewChain {

    final double stayReviewing;
    final double stayNotReviewing;
    final double baseRate;

    ReviewChain(double stayReviewing, double stayNotReviewing, double baseRate) {
        this.stayReviewing = stayReviewing;
        this.stayNotReviewing = stayNotReviewing;
        this.baseRate = baseRate;
    }

    /** Counts the transitions between consecutive labelled therapist turns of the sessions. */
    public static ReviewChain count(List<LabelledData.Session> sessions) {
        double[][] counts = {{1, 1}, {1, 1}};
        double reviews = 1;
        double turns = 2;
        for (LabelledData.Session s : sessions) {
            Boolean previous = null;
            for (Turn t : s.transcript().turns()) {
                LabelledData.Labels l = s.turns().get(t.number());
                if (!t.byTherapist() || l == null) {
                    continue;
                }
                turns++;
                reviews += l.reviews() ? 1 : 0;
                if (previous != null) {
                    counts[previous ? 1 : 0][l.reviews() ? 1 : 0]++;
                }
                previous = l.reviews();
            }
        }
        return new ReviewChain(counts[1][1] / (counts[1][0] + counts[1][1]), counts[0][0] / (counts[0][0] + counts[0][1]),
                reviews / turns);
    }

    /** The smoothed probabilities for the turns' own probabilities, in order. */
    double[] smooth(double[] p) {
        int n = p.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        double[] e0 = new double[n];
        double[] e1 = new double[n];
        for (int i = 0; i < n; i++) {
            double q = Math.min(0.999, Math.max(0.001, p[i]));
            e1[i] = q / baseRate;
            e0[i] = (1 - q) / (1 - baseRate);
        }
        double[][] forward = new double[n][2];
        forward[0][0] = (1 - baseRate) * e0[0];
        forward[0][1] = baseRate * e1[0];
        normalise(forward[0]);
        for (int i = 1; i < n; i++) {
            double[] f = forward[i - 1];
            forward[i][0] = (f[0] * stayNotReviewing + f[1] * (1 - stayReviewing)) * e0[i];
            forward[i][1] = (f[0] * (1 - stayNotReviewing) + f[1] * stayReviewing) * e1[i];
            normalise(forward[i]);
        }
        double[] backward = {1, 1};
        for (int i = n - 1; i >= 0; i--) {
            double a = forward[i][0] * backward[0];
            double b = forward[i][1] * backward[1];
            out[i] = b / (a + b);
            double b0 = stayNotReviewing * e0[i] * backward[0] + (1 - stayNotReviewing) * e1[i] * backward[1];
            double b1 = (1 - stayReviewing) * e0[i] * backward[0] + stayReviewing * e1[i] * backward[1];
            backward = new double[] {b0, b1};
            normalise(backward);
        }
        return out;
    }

    private static void normalise(double[] v) {
        double s = v[0] + v[1];
        v[0] /= s;
        v[1] /= s;
    }
}
