package app.carryover.coach;

import java.util.Locale;

/**
 * Scores the coach's labels against gold labels the way {@code score.py} does: precision, recall and F1
 * of the positive class per boolean label, challenge accuracy where the gold has one, and the macro-F1 of
 * {@code overall} over its three classes.
 */
final class Evaluation {

    static final String[] BOOLEAN_LABELS = {"linked", "specific", "measurable", "rationale", "structured", "red_flag"};
    static final String[] OVERALL = {"professional", "needs_work", "red_flag"};

    private final int[][] counts = new int[BOOLEAN_LABELS.length][3]; // tp, fp, fn
    private final int[][] overall = new int[OVERALL.length][3];
    private int challengeSeen;
    private int challengeRight;
    private int rows;

    void add(JsonRecords.Record gold, CoachReport predicted) {
        rows++;
        boolean[] p = {predicted.linked(), predicted.specific(), predicted.measurable(), predicted.rationale(),
                predicted.structured(), predicted.redFlag()};
        Boolean[] g = {gold.linked(), gold.specific(), gold.measurable(), gold.rationale(), gold.structured(), gold.redFlag()};
        for (int i = 0; i < p.length; i++) {
            count(counts[i], Boolean.TRUE.equals(g[i]), p[i]);
        }
        for (int c = 0; c < OVERALL.length; c++) {
            count(overall[c], OVERALL[c].equals(gold.overall()), OVERALL[c].equals(predicted.overall().code()));
        }
        if (gold.challenge() != null) {
            challengeSeen++;
            if (predicted.challenge() != null && predicted.challenge().code().equals(gold.challenge())) {
                challengeRight++;
            }
        }
    }

    private static void count(int[] c, boolean gold, boolean predicted) {
        if (gold && predicted) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (gold) {
            c[2]++;
        }
    }

    int count() {
        return rows;
    }

    static double[] prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }

    double f1(String label) {
        for (int i = 0; i < BOOLEAN_LABELS.length; i++) {
            if (BOOLEAN_LABELS[i].equals(label)) {
                return prf(counts[i])[2];
            }
        }
        throw new IllegalArgumentException(label);
    }

    double[] prf(String label) {
        for (int i = 0; i < BOOLEAN_LABELS.length; i++) {
            if (BOOLEAN_LABELS[i].equals(label)) {
                return prf(counts[i]);
            }
        }
        throw new IllegalArgumentException(label);
    }

    double overallMacroF1() {
        double sum = 0;
        for (int[] c : overall) {
            sum += prf(c)[2];
        }
        return sum / OVERALL.length;
    }

    double challengeAccuracy() {
        return challengeSeen == 0 ? Double.NaN : (double) challengeRight / challengeSeen;
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d assignments%n%-12s %9s %7s %7s%n", rows, "label", "precision", "recall", "F1"));
        for (int i = 0; i < BOOLEAN_LABELS.length; i++) {
            double[] m = prf(counts[i]);
            sb.append(String.format(Locale.ROOT, "%-12s %9.3f %7.3f %7.3f%n", BOOLEAN_LABELS[i], m[0], m[1], m[2]));
        }
        sb.append(challengeSeen == 0 ? "challenge accuracy: no gold challenge labels\n"
                : String.format(Locale.ROOT, "challenge accuracy: %.3f (%d of %d)%n", challengeAccuracy(), challengeRight, challengeSeen));
        sb.append("overall:");
        for (int c = 0; c < OVERALL.length; c++) {
            sb.append(String.format(Locale.ROOT, " %s F1 %.3f;", OVERALL[c], prf(overall[c])[2]));
        }
        sb.append(String.format(Locale.ROOT, " macro-F1 %.3f%n", overallMacroF1()));
        return sb.toString();
    }
}
