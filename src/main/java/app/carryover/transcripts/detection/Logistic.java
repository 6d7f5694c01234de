package app.carryover.transcripts.detection;

/**
 * Logistic regression applied: the probabilities of a binary or multinomial head from its weights
 * (the last column the bias). The weights are trained by OpenNLP's maximum-entropy trainer
 * ({@code src/tools}, {@code training.Maxent}) and read from {@code transcripts/model.tsv}.
 */
public final class Logistic {

    private Logistic() {
    }

    /** Probability of each class (for a binary model, the first is the positive class). */
    static void probabilities(double[][] w, double[] x, double[] p, int classes) {
        if (classes == 2) {
            p[0] = sigmoid(dot(w[0], x));
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < w.length; r++) {
            p[r] = dot(w[r], x);
            max = Math.max(max, p[r]);
        }
        double sum = 0;
        for (int r = 0; r < w.length; r++) {
            p[r] = Math.exp(p[r] - max);
            sum += p[r];
        }
        for (int r = 0; r < w.length; r++) {
            p[r] /= sum;
        }
    }

    public static double dot(double[] w, double[] x) {
        int d = x.length;
        double s = w[d];
        for (int j = 0; j < d; j++) {
            if (x[j] != 0) {
                s += w[j] * x[j];
            }
        }
        return s;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
