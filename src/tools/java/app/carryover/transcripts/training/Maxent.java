package app.carryover.transcripts.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractDataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.OnePassRealValueDataIndexer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The detector's heads trained by OpenNLP's own maximum-entropy trainer (L-BFGS with an L2 penalty,
 * {@code MAXENT_QN}): binary and multinomial logistic regression over real-valued features. The
 * weights are then read back out of the OpenNLP model into the plain arrays of
 * {@code transcripts/model.tsv}, which the detector applies with a dot product at run time (no
 * string look-ups per feature on the request path).
 */
final class Maxent {

    /** L2 cost per event (OpenNLP sums the log-likelihood over events, so the penalty is scaled by their number). */
    static final double L2_PER_EVENT = Double.parseDouble(System.getProperty("maxent.l2", "0.001"));

    private static final String BIAS = "(bias)";

    private Maxent() {
    }

    /**
     * Weights per class (one row, positive against negative, for two classes), the last column the
     * bias, as {@code Logistic.probabilities} applies them. Rows of a multinomial model are relative to
     * the first class, which leaves every probability as the trained model gives it.
     */
    static double[][] train(double[][] x, int[] y, int classes, double l2Scale) {
        int d = x.length == 0 ? 0 : x[0].length;
        List<Event> events = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            List<String> names = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            names.add(BIAS);
            values.add(1f);
            for (int j = 0; j < d; j++) {
                if (x[i][j] != 0) {
                    names.add(Integer.toString(j));
                    values.add((float) x[i][j]);
                }
            }
            float[] v = new float[values.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = values.get(k);
            }
            events.add(new Event(Integer.toString(y[i]), names.toArray(new String[0]), v));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.ITERATIONS_PARAM, 1000);
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(QNTrainer.L2COST_PARAM, L2_PER_EVENT * l2Scale * x.length);
        params.put(QNTrainer.THREADS_PARAM, 1);
        params.put(AbstractDataIndexer.SORT_PARAM, false);
        try {
            OnePassRealValueDataIndexer indexer = new OnePassRealValueDataIndexer();
            indexer.init(params, new HashMap<>());
            indexer.index(ObjectStreamUtils.createObjectStream(events));
            QNTrainer trainer = new QNTrainer(params);
            trainer.init(params, new HashMap<>());
            QNModel model = trainer.trainModel(1000, indexer);
            return weights(model, d, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the log-linear weights back by evaluating the model on the bias alone and on each feature beside it. */
    private static double[][] weights(QNModel model, int d, int classes) {
        int rows = classes == 2 ? 1 : classes;
        double[][] w = new double[rows][d + 1];
        int[] index = new int[classes];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int c = 0; c < classes; c++) {
            index[c] = model.getIndex(Integer.toString(c));
            seen.put(c, index[c]);
        }
        double[] base = logOdds(model.eval(new String[] {BIAS}, new float[] {1f}), index, classes);
        for (int r = 0; r < rows; r++) {
            w[r][d] = base[r];
        }
        for (int j = 0; j < d; j++) {
            double[] with = logOdds(model.eval(new String[] {BIAS, Integer.toString(j)}, new float[] {1f, 1f}), index, classes);
            for (int r = 0; r < rows; r++) {
                w[r][j] = with[r] - base[r];
            }
        }
        return w;
    }

    /** Binary: log(p1/p0); multinomial: log(p_c/p_0) for each class c (class 0's row all zero). */
    private static double[] logOdds(double[] p, int[] index, int classes) {
        if (classes == 2) {
            return new double[] {Math.log(at(p, index[1]) / at(p, index[0]))};
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = Math.log(at(p, index[c]) / at(p, index[0]));
        }
        return out;
    }

    private static double at(double[] p, int i) {
        return i < 0 ? 1e-300 : Math.max(p[i], 1e-300);
    }
}
