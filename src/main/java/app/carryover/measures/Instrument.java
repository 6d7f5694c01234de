package app.carryover.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.carryover.system.ProblemException;

/**
 * A questionnaire or rating as Carryover gives it: its items with their exact text and answer
 * choices, how it is scored and banded, who answers it, and the codes exports carry.
 *
 * @param key             how administrations and schedules name it: a {@link Measure} name, a homework
 *                        rating's key, or a custom measure's id
 * @param name            the short name people use ("PHQ-9")
 * @param title           the full title
 * @param stem            the question every item answers ("Over the last 2 weeks, …"), or null
 * @param measure         the standard measure this is, or null
 * @param maxMissing      how many scored items may be left unanswered and the total still be given
 *                        (prorated); see {@link Score}
 * @param higherIsWorse   whether a higher total means more difficulty (symptoms, distress)
 * @param customMeasureId the practice's custom measure, or null for a built-in
 * @param credit          where the text comes from
 */
public record Instrument(String key, String name, String title, String stem, Kind kind, Respondent respondent,
        Measure measure, List<Item> items, List<Band> bands, int maxMissing, boolean higherIsWorse, UUID customMeasureId,
        String credit) {

    /** What sort of instrument this is. */
    public enum Kind {
        /** A standard symptom questionnaire (PHQ-9, GAD-7, PHQ-8). */
        SYMPTOM,
        /** Carryover's own rating of a piece of homework, by the client. */
        HOMEWORK_CLIENT,
        /** Carryover's own rating of a piece of homework, by the clinician (never shown to the client). */
        HOMEWORK_CLINICIAN,
        /** A single rating a practice added (SUDS, hours slept, …). */
        CUSTOM
    }

    /** Who fills it in (a clinician may always enter a client's answers given in session). */
    public enum Respondent { CLIENT, CLINICIAN }

    /**
     * One question. A choice item offers {@code choices}; a rating item (custom measures) takes any
     * whole number from {@code min} to {@code max}, with {@code minLabel}/{@code maxLabel} at its ends.
     *
     * @param scored whether it counts in the total (the PHQ-9's tenth question does not)
     * @param riskAt an answer at or above this raises a risk alert, or null for items that never do
     */
    public record Item(int number, String text, String loinc, List<Choice> choices, int min, int max, String minLabel,
            String maxLabel, boolean scored, Integer riskAt) {

        public boolean isRating() {
            return choices.isEmpty();
        }

        public boolean isRisk() {
            return riskAt != null;
        }

        /** The words for an answer ("More than half the days"), or the number for a rating. */
        public String words(Integer value) {
            if (value == null) {
                return "not answered";
            }
            return choices.stream().filter(c -> c.value() == value).map(Choice::label).findFirst()
                    .orElse(String.valueOf(value));
        }

        /** The form field that carries this item's answer. */
        public String field() {
            return "item" + number;
        }
    }

    /** An answer choice and its value; {@code loinc} is the LOINC answer code where one is held. */
    public record Choice(int value, String label, String loinc) {
    }

    /** A severity band of the total, inclusive at both ends. */
    public record Band(int from, int to, String label) {
        public boolean contains(int total) {
            return total >= from && total <= to;
        }
    }

    public List<Item> scoredItems() {
        return items.stream().filter(Item::scored).toList();
    }

    /** The highest possible total, or 0 when the instrument has no total. */
    public int maxTotal() {
        return hasTotal() ? scoredItems().stream().mapToInt(Item::max).sum() : 0;
    }

    /** Homework ratings report their items one by one; everything else has a total. */
    public boolean hasTotal() {
        return kind != Kind.HOMEWORK_CLIENT && kind != Kind.HOMEWORK_CLINICIAN;
    }

    public boolean isHomeworkRating() {
        return !hasTotal();
    }

    /** The band a total falls in, or null when the instrument has no bands. */
    public Band band(int total) {
        return bands.stream().filter(b -> b.contains(total)).findFirst().orElse(null);
    }

    public Item item(int number) {
        return items.stream().filter(i -> i.number() == number).findFirst().orElseThrow();
    }

    /**
     * The answers a page posts as {@code item1} … {@code itemN}, one per item in order (null for an
     * empty one); a value that is not a whole number is refused with its field.
     */
    public List<Integer> answersFrom(Map<String, String> form) {
        List<Integer> answers = new ArrayList<>();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        for (Item item : items) {
            String raw = form.getOrDefault(item.field(), "").strip();
            try {
                answers.add(raw.isEmpty() ? null : Integer.valueOf(raw));
            } catch (NumberFormatException e) {
                answers.add(null);
                problems.add(new ProblemException.FieldProblem(item.field(), "question "
                        + item.number() + " takes a whole number from " + item.min() + " to " + item.max()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return answers;
    }

    /** About how long it takes, for the client's Today ("about 2 minutes"). */
    public int minutes() {
        return Math.max(1, (items.size() + 3) / 5);
    }
}
