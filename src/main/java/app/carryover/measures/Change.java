package app.carryover.measures;

import java.util.List;

/**
 * Change on one questionnaire, in numbers and in words: since the first score (the baseline) and
 * since the one before the latest, read by the published criteria of the measure.
 *
 * <p>The criteria are the NHS Talking Therapies rules (NHS England, <i>NHS Talking Therapies for
 * anxiety and depression manual</i>, 2024, and the IAPT Data Handbook before it), per measure:
 * <ul>
 * <li><b>reliable improvement</b>: the score fell by at least the measure's reliable change
 * (PHQ-9 6, GAD-7 4) from the first to the latest;</li>
 * <li><b>reliable deterioration</b>: it rose by at least that much;</li>
 * <li><b>recovery</b>: a case at the first score (PHQ-9 10 or more, GAD-7 8 or more) and not at the
 * latest; <b>reliable recovery</b> when it is also a reliable improvement.</li>
 * </ul>
 * A measure without a published reliable-change threshold (PHQ-8, the practice's own ratings)
 * gets its change in numbers only.
 */
public record Change(String instrument, Integer baseline, Integer previous, Integer latest, Integer sinceBaseline,
        Integer sinceLast, Status status, Recovery recovery, Integer threshold, Integer caseness) {

    /** Reliable change from the first score to the latest. */
    public enum Status {
        RELIABLE_IMPROVEMENT("reliable improvement"), RELIABLE_DETERIORATION("reliable deterioration"),
        NO_RELIABLE_CHANGE("no reliable change"), ONE_SCORE("only one score so far"), NO_CRITERION("no published criterion");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Recovery by caseness, where the first score was a case. */
    public enum Recovery {
        RELIABLE_RECOVERY("reliable recovery"), RECOVERED("recovered"), NOT_RECOVERED("not recovered yet"),
        NOT_A_CASE_AT_START("not a case at the start"), NOT_APPLICABLE("");

        private final String words;

        Recovery(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Change over the scored totals of one instrument, oldest first (unscored administrations are
     * left out by the caller). An instrument without a measure has numbers only.
     */
    public static Change of(Instrument instrument, List<Integer> totals) {
        Measure measure = instrument.measure();
        Integer threshold = measure == null ? null : measure.reliableChange();
        Integer caseness = measure == null ? null : measure.caseness();
        if (totals.isEmpty()) {
            return new Change(instrument.key(), null, null, null, null, null, Status.ONE_SCORE, Recovery.NOT_APPLICABLE,
                    threshold, caseness);
        }
        int first = totals.get(0);
        int last = totals.get(totals.size() - 1);
        Integer previous = totals.size() > 1 ? totals.get(totals.size() - 2) : null;
        if (totals.size() == 1) {
            return new Change(instrument.key(), first, null, last, null, null, Status.ONE_SCORE,
                    Recovery.NOT_APPLICABLE, threshold, caseness);
        }
        int delta = last - first;
        Status status;
        if (threshold == null) {
            status = Status.NO_CRITERION;
        } else if (-delta >= threshold) {
            status = Status.RELIABLE_IMPROVEMENT;
        } else if (delta >= threshold) {
            status = Status.RELIABLE_DETERIORATION;
        } else {
            status = Status.NO_RELIABLE_CHANGE;
        }
        Recovery recovery;
        if (caseness == null) {
            recovery = Recovery.NOT_APPLICABLE;
        } else if (first < caseness) {
            recovery = Recovery.NOT_A_CASE_AT_START;
        } else if (last < caseness) {
            recovery = status == Status.RELIABLE_IMPROVEMENT ? Recovery.RELIABLE_RECOVERY : Recovery.RECOVERED;
        } else {
            recovery = Recovery.NOT_RECOVERED;
        }
        return new Change(instrument.key(), first, previous, last, delta, last - previous, status, recovery, threshold,
                caseness);
    }

    /** Whether a lower score is better on this instrument's change (symptoms); for custom ratings the practice says. */
    public static String direction(Instrument instrument, int delta) {
        if (delta == 0) {
            return "no change";
        }
        boolean better = instrument.higherIsWorse() ? delta < 0 : delta > 0;
        return (delta < 0 ? "down " + -delta : "up " + delta) + (better ? " (better)" : " (worse)");
    }

    /**
     * The change in a sentence, naming the criterion: "PHQ-9 16 → 9, down 7 since the first score:
     * reliable improvement (a change of 6 or more, NHS Talking Therapies); reliable recovery (below 10)."
     */
    public String words(Instrument instrument) {
        if (latest == null) {
            return "No scores yet.";
        }
        if (sinceBaseline == null) {
            return instrument.name() + " " + latest + ": the first score, the baseline later ones are read against.";
        }
        StringBuilder s = new StringBuilder(instrument.name()).append(' ').append(baseline).append(" → ").append(latest)
                .append(", ").append(direction(instrument, sinceBaseline)).append(" since the first score; ")
                .append(direction(instrument, sinceLast)).append(" since the one before.");
        if (status == Status.NO_CRITERION) {
            s.append(" No published reliable-change threshold is used for ").append(instrument.name()).append('.');
        } else {
            s.append(' ').append(capitalised(status.words())).append(" (reliable: a change of ").append(threshold)
                    .append(" or more, NHS Talking Therapies).");
        }
        if (caseness != null && recovery != Recovery.NOT_APPLICABLE) {
            s.append(' ').append(capitalised(recovery.words())).append(" (caseness: ").append(caseness).append(" or more).");
        }
        return s.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
