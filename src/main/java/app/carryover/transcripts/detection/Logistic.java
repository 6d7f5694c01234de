package app.carryover.transcripts.detection;

/**
 * Logistic regression, binary and multinomial, trained by full-batch gradient descent with an L2
 * penalty (AdaGrad steps). The data are a few thousand turns with about a hundred cue features,
 * so training takes well under a second and needs no library.
 */
public final class Logistic {

    private Logistic() {
    }

    /** Weights per class (one row for a binary model), the last column the bias. */
    public static double[][] train(double[][] x, int[] y, int classes, double l2, int iterations) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        int rows = classes == 2 ? 1 : classes;
        double[][] w = new double[rows][d + 1];
        double[][] g2 = new double[rows][d + 1];
        double rate = 0.5;
        double[] p = new double[rows];
        for (int it = 0; it < iterations; it++) {
            double[][] grad = new double[rows][d + 1];
            for (int i = 0; i < n; i++) {
                probabilities(w, x[i], p, classes);
                for (int r = 0; r < rows; r++) {
                    double target = classes == 2 ? y[i] : (y[i] == r ? 1 : 0);
                    double err = p[r] - target;
                    if (err == 0) {
                        continue;
                    }
                    double[] gr = grad[r];
                    double[] xi = x[i];
                    for (int j = 0; j < d; j++) {
                        if (xi[j] != 0) {
                            gr[j] += err * xi[j];
                        }
                    }
                    gr[d] += err;
                }
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[r][j] / n + (j < d ? l2 * w[r][j] : 0);
                    g2[r][j] += g * g;
                    w[r][j] -= rate * g / (Math.sqrt(g2[r][j]) + 1e-8);
                }
            }
        }
        return w;
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
