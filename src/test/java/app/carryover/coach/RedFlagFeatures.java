package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of the red-flag model experiment (docs/coach.md, "A trained red-flag model, tried and not
 * shipped"): the title's and instructions' word stems, the instructions' stem pairs (with a sentence-start mark),
 * and the coach's cues in coarse buckets. Only the cue fields every coach version since blind-batch-4 has are
 * used, so the same class can be dropped into an older checkout to dump that version's features.
 */
final class RedFlagFeatures {

    private RedFlagFeatures() {
    }

    static List<String> of(Reading r) {
        List<String> out = new ArrayList<>(96);
        out.add("bias");
        for (Passage.Sentence s : r.title().sentences) {
            for (String stem : s.stems) {
                if (word(stem)) {
                    out.add("t=" + stem);
                }
            }
        }
        for (Passage.Sentence s : r.instructions().sentences) {
            String prev = "<s>";
            for (String stem : s.stems) {
                if (!word(stem)) {
                    continue;
                }
                out.add("w=" + stem);
                out.add("b=" + prev + "_" + stem);
                prev = stem;
            }
        }
        VagueCues.Evidence v = r.vague();
        out.add("measure=" + r.measure());
        out.add("dose=" + r.doseMeasurable());
        out.add("record=" + (r.record() != null));
        out.add("purpose=" + r.purpose());
        out.add("link=" + r.link());
        out.add("attitude=" + v.attitudeHead());
        out.add("action=" + v.actionHead());
        out.add("bare=" + v.bareComparative());
        out.add("tryTo=" + v.tryTo());
        out.add("session=" + v.sessionReference());
        out.add("timeOnAttitude=" + v.timeOnAttitude());
        out.add("negativeOnly=" + v.negativeOnly());
        out.add("hedges=" + Math.min(2, v.hedges()));
        out.add("nouns=" + Math.min(3, v.concreteNouns()));
        out.add("actions=" + Math.min(2, v.actionVerbs()));
        out.add("attitudes=" + Math.min(2, v.attitudeWords()));
        out.add("sentences=" + Math.min(3, v.sentences()));
        int w = v.words();
        out.add("words=" + (w <= 5 ? "5" : w <= 8 ? "8" : w <= 12 ? "12" : w <= 20 ? "20" : w <= 40 ? "40" : "more"));
        boolean nothingToCount = r.measure() == null && !r.doseMeasurable() && r.record() == null;
        out.add("nothingToCount=" + nothingToCount);
        if (nothingToCount) {
            out.add("nothingToCount&nouns=" + Math.min(2, v.concreteNouns()));
            out.add("nothingToCount&action=" + v.actionHead());
        }
        return out;
    }

    private static boolean word(String stem) {
        return !stem.isEmpty() && Character.isLetterOrDigit(stem.charAt(0));
    }
}
