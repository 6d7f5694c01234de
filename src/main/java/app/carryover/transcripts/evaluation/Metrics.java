package app.carryover.transcripts.evaluation;

import java.util.Locale;

/** Counts for precision, recall and F1 of one label, and accuracy counts; printed as the scorer prints them. */
public final class Metrics {

    public int tp;
    public int fp;
    public int fn;
    public int tn;

    void add(boolean gold, boolean predicted) {
        if (gold && predicted) {
            tp++;
        } else if (predicted) {
            fp++;
        } else if (gold) {
            fn++;
        } else {
            tn++;
        }
    }

    void add(Metrics other) {
        tp += other.tp;
        fp += other.fp;
        fn += other.fn;
        tn += other.tn;
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        int n = tp + fp + fn + tn;
        return n == 0 ? 0 : (double) (tp + tn) / n;
    }

    String prf() {
        return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", precision(), recall(), f1(), tp, fp, fn);
    }

    String acc() {
        return String.format(Locale.ROOT, "%.3f (%d of %d)", accuracy(), tp + tn, tp + fp + fn + tn);
    }
}
