package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often the instructions' own words say to practise, as times a week, so the coach can tell when
 * the words and the structured dose disagree ("twice a day" in the text, "once a week" in the dose).
 * Only plain rates are read: "twice a day", "3 times a week", "3x/week", "daily", "every evening", "on
 * four days a week". Vaguer or looser ones ("every other day", "most days", "a few times") are left
 * alone, so a disagreement is only reported when both sides are unmistakable.
 */
final class StatedFrequency {

    /** One rate found in the text, with the words that said it. */
    record Rate(int timesAWeek, String words) {
    }

    private StatedFrequency() {
    }

    private static final String NUMBER = "once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("once", 1), Map.entry("twice", 2),
            Map.entry("thrice", 3), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10));

    /** Ways of saying a rate the coach will not turn into a number; masked first so their parts are not read. */
    private static final Pattern LOOSE = Pattern.compile(
            "\\b(?:every|each) (?:other|second|couple of|few) (?:days?|weeks?|nights?|evenings?|mornings?)\\b"
                    + "|\\bdaily (?:life|living|routines?|activities|tasks|chores|hassles|stress(?:ors)?|functioning|basis of)\\b"
                    + "|\\b(?:a|per|each) (?:fortnight|month)\\b");
    /** "twice a day", "3 times per week", "3x/week", "2 x daily", "once weekly". */
    private static final Pattern COUNTED = Pattern.compile(
            "\\b(" + NUMBER + ")(?:\\s*(?:times|x)\\b|(?<=\\d)\\s*x)?\\s*(?:a |per |each |every |/\\s*|an? )?"
                    + "(day|daily|night|nightly|evening|morning|week|weekly|wk)\\b");
    /** "on four days a week", "three evenings a week", "5 days per week". */
    private static final Pattern DAYS_A_WEEK = Pattern.compile(
            "\\b(" + NUMBER + ") (?:days|evenings|mornings|nights|afternoons|weekdays)(?: of the week)? (?:a|per|each|every) week\\b");
    /**
     * "daily", "every day", "each evening", "nightly". Not when the time of day names an event that need not
     * be daily ("in each morning stand-up", "every evening class").
     */
    private static final Pattern EVERY_DAY = Pattern.compile(
            "\\b(?:daily|nightly|every ?day|(?:every|each) (?:single )?(?:day|morning|evening|night|afternoon|lunchtime|bedtime))\\b"
                    + "(?! (?:stand ?up|meeting|huddle|call|class|lesson|shift|session|briefing|commute|train|bus|assembly"
                    + "|lecture|service|group|round|visit|run)s?\\b)");
    private static final Pattern WEEKDAYS = Pattern.compile("\\b(?:every|each) weekday\\b|\\bon weekdays\\b");
    /** "weekly", "every week", "once a week" is counted above. */
    private static final Pattern EVERY_WEEK = Pattern.compile("\\b(?:weekly|(?:every|each) week)\\b");

    /** The rates the text states, in the order found; empty when it states none plainly. */
    static List<Rate> in(String text) {
        List<Rate> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        StringBuilder s = new StringBuilder(text.toLowerCase(Locale.ROOT).replace('-', ' '));
        mask(s, LOOSE, null, out);
        mask(s, DAYS_A_WEEK, m -> NUMBERS.getOrDefault(m.group(1), parse(m.group(1))), out);
        mask(s, COUNTED, m -> {
            int n = NUMBERS.getOrDefault(m.group(1), parse(m.group(1)));
            String unit = m.group(2);
            // a bare number before "day" is rarely a rate ("day 3", "3 day plan"): require once/twice or times/x
            boolean counted = m.group(0).matches(".*\\b(?:once|twice|thrice|times)\\b.*|.*\\dx.*|.*\\bx\\b.*")
                    || unit.equals("daily") || unit.equals("weekly") || unit.equals("nightly");
            if (!counted) {
                return null;
            }
            return unit.startsWith("w") ? n : n * 7;
        }, out);
        mask(s, WEEKDAYS, m -> 5, out);
        mask(s, EVERY_DAY, m -> 7, out);
        mask(s, EVERY_WEEK, m -> 1, out);
        return out;
    }

    /**
     * The words that disagree with {@code dose}, or null when they agree or either side is unclear. The text
     * agrees when one of its rates, or all of them added up ("every morning and every evening"), is the dose's.
     */
    static String conflict(String text, Dose dose) {
        Integer wanted = dose == null ? null : dose.timesAWeek();
        if (wanted == null) {
            return null;
        }
        List<Rate> rates = in(text);
        if (rates.isEmpty()) {
            return null;
        }
        int sum = 0;
        for (Rate r : rates) {
            if (r.timesAWeek() == wanted) {
                return null;
            }
            sum += r.timesAWeek();
        }
        return sum == wanted ? null : rates.get(0).words();
    }

    static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private interface Reader {
        Integer timesAWeek(Matcher m);
    }

    private static void mask(StringBuilder s, Pattern p, Reader reader, List<Rate> out) {
        Matcher m = p.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            Integer rate = reader == null ? null : reader.timesAWeek(m);
            if (rate != null && rate > 0) {
                out.add(new Rate(rate, m.group(0).strip()));
            }
            if (reader == null || rate != null) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                s.setCharAt(i, '#');
            }
        }
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
