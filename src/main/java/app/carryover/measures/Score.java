package app.carryover.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import app.carryover.measures.Instrument.Item;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;

/**
 * The score of one set of answers: the total (or none), its band, whether it was prorated, and
 * which answers raise a risk alert.
 *
 * <p><b>Missing items.</b> The PHQ-9, PHQ-8 and GAD-7 totals are defined by their authors as the sum
 * of every item (Kroenke, Spitzer & Williams 2001; Kroenke et al. 2009; Spitzer et al. 2006), and
 * the authors publish no procedure for forms with gaps. Carryover's rule, the strictest that still
 * keeps a form with one skipped question: with <b>at most one scored item unanswered</b> the total is
 * prorated — the mean of the answered items times the number of items, rounded half up — and shown
 * as prorated everywhere; with two or more unanswered, <b>no total is given</b>, and the form is kept
 * with its answers and the reason. This is person-mean imputation limited to one item of seven to
 * nine (at least 86% answered), the conservative end of the prorating conventions used for short
 * symptom scales; it never invents a risk answer (an unanswered PHQ-9 item 9 is reported as such).
 * Clients answering on their own must answer every scored item (the form says which are missing),
 * so the rule applies only to forms a clinician enters from a session or from paper.
 *
 * @param total      the total, or null when none may be given
 * @param prorated   whether one missing item was prorated
 * @param missing    how many scored items were unanswered
 * @param riskItems  the numbers of answered items at or above their risk threshold
 * @param notScored  why there is no total, in words, or null
 */
public record Score(Integer total, int maxTotal, String band, boolean prorated, int missing, List<Integer> riskItems,
        String notScored) {

    public boolean risk() {
        return !riskItems.isEmpty();
    }

    /** "14 of 27 (moderate)", "14 of 27, prorated (moderate)", or the reason there is no total. */
    public String describe() {
        if (total == null) {
            return notScored == null ? "no total" : notScored;
        }
        return total + " of " + maxTotal + (prorated ? ", prorated" : "") + (band == null ? "" : " (" + band + ")");
    }

    /**
     * Checks the answers (one per item, in order; null for unanswered) and scores them. Answers out
     * of range, too many or too few are refused with the field at fault, so no score is ever
     * computed from invalid answers.
     *
     * @param complete whether every scored item must be answered (a client answering on their own)
     */
    public static Score of(Instrument instrument, List<Integer> answers, boolean complete) {
        check(instrument, answers, complete);
        int sum = 0;
        int answered = 0;
        List<Integer> risk = new ArrayList<>();
        for (Item item : instrument.items()) {
            Integer value = answers.get(item.number() - 1);
            if (value != null && item.isRisk() && value >= item.riskAt()) {
                risk.add(item.number());
            }
            if (item.scored() && value != null) {
                sum += value;
                answered++;
            }
        }
        int scored = instrument.scoredItems().size();
        int missing = scored - answered;
        if (!instrument.hasTotal()) {
            return new Score(null, 0, null, false, missing, List.copyOf(risk), null);
        }
        int max = instrument.maxTotal();
        if (missing > instrument.maxMissing()) {
            return new Score(null, max, null, false, missing, List.copyOf(risk), missing + " of " + scored
                    + " questions unanswered; a total needs at least " + (scored - instrument.maxMissing()) + " answered");
        }
        int total = missing == 0 ? sum : BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(scored))
                .divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP).intValue();
        Instrument.Band band = instrument.band(total);
        return new Score(total, max, band == null ? null : band.label(), missing > 0, missing, List.copyOf(risk), null);
    }

    private static void check(Instrument instrument, List<Integer> answers, boolean complete) {
        if (answers == null || answers.size() != instrument.items().size()) {
            throw ProblemException.invalid("answers", "must give one answer (or none) for each of the "
                    + instrument.items().size() + " questions of the " + instrument.name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Item item : instrument.items()) {
            Integer value = answers.get(item.number() - 1);
            if (value == null) {
                if (complete && item.scored()) {
                    problems.add(new FieldProblem(item.field(), "question " + item.number() + " needs an answer"));
                }
            } else if (value < item.min() || value > item.max()
                    || (!item.isRating() && item.choices().stream().noneMatch(c -> c.value() == value))) {
                problems.add(new FieldProblem(item.field(), "question " + item.number() + " takes an answer from "
                        + item.min() + " to " + item.max()));
            }
        }
        if (answers.stream().allMatch(a -> a == null) && problems.isEmpty()) {
            problems.add(new FieldProblem("answers", "no question was answered"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
