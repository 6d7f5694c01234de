package app.carryover.coach;

import java.util.Set;
import java.util.regex.Pattern;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * Finds what makes an assignment measurable (LABELING.md §2): a frequency ('three times this week',
 * 'every evening', 'daily'), a count ('two calls', 'at least 5 entries'), a duration ('for 20 minutes',
 * 'a 10-minute walk') or a rating threshold that triggers it ('when the urge is 6/10 or higher'). A day or
 * time alone ('on Saturday at 3pm'), a trigger alone ('when you leave for work') and a rating scale alone
 * ('rate anxiety 0-10') are not.
 */
final class MeasureCues {

    enum Kind {
        FREQUENCY, COUNT, DURATION, THRESHOLD
    }

    private MeasureCues() {
    }

    /** The first measure found in the passage, or null. */
    static Kind find(Passage passage) {
        for (Sentence s : passage.sentences) {
            Kind k = find(s);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    static Kind find(Sentence s) {
        int weekdays = 0;
        String firstWeekday = null;
        for (int i = 0; i < s.size(); i++) {
            String t = s.at(i);
            String stem = s.stemAt(i);
            if (Lexicon.FREQUENCY_WORDS.contains(t)) {
                if (!t.equals("daily") && !t.equals("weekly") && !t.equals("nightly") || !isNounModifier(s, i)) {
                    return Kind.FREQUENCY;
                }
            }
            if (t.equals("once") && isFrequencyOnce(s, i)) {
                return Kind.FREQUENCY;
            }
            if ((t.equals("every") || t.equals("each") || t.equals("per") || t.equals("a") || t.equals("an"))
                    && countsPeriod(s, i)) {
                return Kind.FREQUENCY;
            }
            if (Lexicon.WEEKDAYS.contains(stem) && !stem.equals("sat") && !stem.equals("sun") && !stem.equals("wed")) {
                if (t.endsWith("s") && !t.equals("tues") && !t.equals("thurs")) {
                    return Kind.FREQUENCY; // "on Saturdays"
                }
                if (firstWeekday != null && !firstWeekday.equals(stem)) {
                    weekdays++;
                }
                if (firstWeekday == null) {
                    firstWeekday = stem;
                    weekdays = 1;
                }
                if (weekdays >= 2) {
                    return Kind.FREQUENCY;
                }
            }
            if (t.equals("weekdays") || t.equals("weeknights") || t.equals("workdays")
                    || (t.equals("week") || t.equals("work") || t.equals("school")) && (s.at(i + 1).equals("days")
                    || s.at(i + 1).equals("nights")) || t.equals("alternate") && Lexicon.PERIODS.contains(s.stemAt(i + 1))) {
                return Kind.FREQUENCY; // "on weekdays" (which the tokenizer may split), "on alternate days"
            }
            if (isWeekdayAbbreviation(s, i) && (s.at(i - 1).equals("every") || s.at(i - 1).equals("each")
                    || isWeekdayAbbreviation(s, i + 2) || isWeekdayAbbreviation(s, i + 1))) {
                return Kind.FREQUENCY; // "every Mon", "Mon, Wed and Fri"
            }
            Kind k = numberCue(s, i);
            if (k != null) {
                return k;
            }
            if ((t.equals("a") || t.equals("an") || t.equals("half")) && durationAfterArticle(s, i)) {
                return Kind.DURATION;
            }
            if (isMultiplier(t)) {
                return Kind.FREQUENCY;
            }
        }
        return null;
    }

    /** 'daily' in 'your daily screen time' describes a noun; in 'practise daily' it is a frequency. */
    private static boolean isNounModifier(Sentence s, int i) {
        String next = s.at(i + 1);
        if (next.isEmpty() || !Character.isLetter(next.charAt(0))) {
            return false;
        }
        return !FunctionWords.contains(next) && !next.equals("until") && !next.equals("throughout")
                && !Lexicon.PERIODS.contains(s.stemAt(i + 1)); // "daily evening" is when, like "every evening"
    }

    /** 'once a day', 'Once this week,' — not the conjunction 'once it's automatic'. */
    private static boolean isFrequencyOnce(Sentence s, int i) {
        String next = s.at(i + 1);
        if (next.isEmpty()) {
            return true;
        }
        switch (next) {
            case "a", "an", "per", "each", "every", "daily", "this", "next", "on", "in", "during", "before", "after",
                    "between", "over", "or", "more", ",", ".", ";", ")", "-", "only", "weekly", "that", "at", "by" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** 'every evening', 'each weekday', 'per week', '(ten) a day', 'every other day', 'each school day'. */
    private static boolean countsPeriod(Sentence s, int i) {
        String t = s.at(i);
        int j = i + 1;
        String next = s.at(j);
        if (next.equals("other") || next.equals("second") || next.equals("single") || next.equals("working")
                || next.equals("school") || next.equals("work") || next.equals("week") && s.stemAt(j + 1).equals("day")) {
            j++;
        }
        if (!Lexicon.PERIODS.contains(s.stemAt(j))) {
            return false;
        }
        if (t.equals("a") || t.equals("an")) {
            // "ten a day", "twice a week", "three times a week" — an article alone ("a day off") is not a frequency
            String before = s.at(i - 1);
            return Lexicon.number(before) >= 0 || Lexicon.number(s.at(i - 2)) >= 0 && !s.at(i - 2).equals("half")
                    || Lexicon.number(s.at(i - 3)) >= 0 && !s.at(i - 3).equals("half") || before.equals("times") || before.equals("time")
                    || s.stemAt(i + 1).equals("day") && before.equals("minutes") || isDurationUnit(s.stemAt(i - 1));
        }
        if (s.stemAt(j).equals("session") && !(t.equals("per") || t.equals("each"))) {
            return false;
        }
        return true;
    }

    private static boolean isDurationUnit(String stem) {
        return Lexicon.DURATION_UNITS.contains(stem);
    }

    /** 'for a week', 'half an hour', 'for an hour', 'within a minute'. */
    private static boolean durationAfterArticle(Sentence s, int i) {
        String t = s.at(i);
        if (t.equals("half")) {
            return (s.at(i + 1).equals("an") || s.at(i + 1).equals("a")) && isDurationUnit(s.stemAt(i + 2));
        }
        String before = s.at(i - 1);
        return (before.equals("for") || before.equals("half")) && isDurationUnit(s.stemAt(i + 1))
                && !s.stemAt(i + 1).equals("day") && !s.at(i + 2).equals("or");
    }

    private static final Pattern PER_PATTERN = Pattern.compile(
            "(x?\\d+x?|\\d+)/(day|d|week|wk|w|night|evening|morning)s?");

    /** 'per episode', 'for each argument', 'every time it happens': counted against events, not periods. */
    private static boolean perEvent(Sentence s, int from) {
        for (int j = from; j < Math.min(s.size(), from + 3); j++) {
            String w = s.at(j);
            int k = w.equals("for") && s.at(j + 1).equals("each") ? j + 2 : j + 1;
            if (w.equals("per") || w.equals("each") || w.equals("every") || k == j + 2) {
                String what = s.stemAt(k);
                return !what.isEmpty() && Character.isLetter(what.charAt(0)) && !Lexicon.PERIODS.contains(what)
                        && Lexicon.number(what) < 0;
            }
        }
        return false;
    }

    /** 'this week', 'by Friday', 'before our next session': a time limit that makes 'one' a count. */
    private static boolean boundedInTime(Sentence s) {
        for (int i = 0; i + 1 < s.size(); i++) {
            String t = s.at(i);
            String next = s.at(i + 1);
            if (t.equals("this") && (next.equals("week") || next.equals("weekend")) || t.equals("by") && Lexicon.WEEKDAYS.contains(s.stemAt(i + 1))
                    || t.equals("before") && (next.equals("our") || next.equals("next") || Lexicon.WEEKDAYS.contains(s.stemAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** 'Mon', 'Wed', 'Sat' only when capitalised, so 'sat' and 'sun' stay words. */
    private static boolean isWeekdayAbbreviation(Sentence s, int i) {
        if (i < 0 || i >= s.size()) {
            return false;
        }
        String w = s.words[i];
        return w.length() >= 3 && Character.isUpperCase(w.charAt(0)) && Lexicon.WEEKDAYS.contains(s.stemAt(i));
    }

    /** A bare number after 'above', 'over', 'at least' with a rating word just before: 'when the urge is above 5'. */
    private static boolean isThresholdNumber(Sentence s, int i) {
        String before = s.at(i - 1);
        if (!(before.equals("above") || before.equals("over") || before.equals("exceeds") || before.equals("reaches")
                || before.equals("past") || before.equals("than") && (s.at(i - 2).equals("higher") || s.at(i - 2).equals("more")))) {
            return false;
        }
        for (int j = Math.max(0, i - 5); j < i; j++) {
            if (RATED.contains(s.stemAt(j))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> RATED = Lexicon.stems("""
            anxiety urge urges craving cravings distress suds fear pain mood rating score anger worry tension stress
            panic level temperature thermometer sadness guilt shame
            """);

    private static boolean isMultiplier(String t) {
        if (t.indexOf('/') > 0 && PER_PATTERN.matcher(t).matches()) {
            return true;
        }
        return t.length() >= 2 && t.length() <= 4 && (t.charAt(0) == 'x' && Lexicon.isDigits(t.substring(1))
                || t.charAt(t.length() - 1) == 'x' && Lexicon.isDigits(t.substring(0, t.length() - 1)));
    }

    /** A number followed by a unit or a counted noun, or a threshold rating. */
    private static Kind numberCue(Sentence s, int i) {
        String t = s.at(i);
        if (isRating(t)) {
            return isThreshold(s, i) ? Kind.THRESHOLD : null;
        }
        double n = Lexicon.number(t);
        if (n < 0) {
            return null;
        }
        String before = s.at(i - 1);
        if (Lexicon.LABEL_BEFORE.contains(before) || before.equals("-") || before.equals("/") || before.equals("+")
                || before.equals("(") && s.at(i + 1).equals(")") || before.equals("at") && Lexicon.isDigits(t)) {
            return null;
        }
        String after = s.at(i + 1);
        if (s.at(i + 2).equals("at") && s.at(i + 3).equals("a") && s.at(i + 4).equals("time")) {
            return null; // "one day at a time", "one step at a time"
        }
        if ((after.equals("-") || after.equals("to") || after.equals("or")) && Lexicon.number(s.at(i + 2)) >= 0) {
            String unit = s.at(i + 3);
            if (unit.equals("times") || isDurationUnit(s.stemAt(i + 3))) {
                return unit.equals("times") ? Kind.FREQUENCY : Kind.DURATION; // "5-10 minutes", "2 or 3 times"
            }
            return null; // a range: a rating scale "0-10" or a window "2 to 4pm"
        }
        if (isThresholdNumber(s, i)) {
            return Kind.THRESHOLD; // "when anxiety is above 5"
        }
        if (after.equals("or") && (s.at(i + 2).equals("higher") || s.at(i + 2).equals("above") || s.at(i + 2).equals("more")
                || s.at(i + 2).equals("over"))) {
            return Kind.THRESHOLD;
        }
        if (Lexicon.isDigits(t) && t.length() >= 4) {
            return null; // a year, a phone number, a postcode
        }
        // look past a hyphen and another number: "two 25-minute blocks", "3 x 10 minutes"
        for (int j = i + 1; j <= i + 3 && j < s.size(); j++) {
            String w = s.at(j);
            if (w.equals("-") || w.equals("x") || Lexicon.number(w) >= 0 && !w.equals("one")) {
                continue;
            }
            if (w.equals("times") || w.equals("time") && n > 1) {
                return Kind.FREQUENCY;
            }
            if (isDurationUnit(s.stemAt(j))) {
                return Kind.DURATION;
            }
            if (w.isEmpty() || !Character.isLetter(w.charAt(0)) || Lexicon.NOT_COUNTED_AFTER.contains(w)
                    || FunctionWords.contains(w) || w.equals("more") || w.equals("less")) {
                return null;
            }
            // "one colleague", "one small step": "one" is too often a determiner to count on its own,
            // unless the sentence also bounds it in time ("return one item this week")
            if (t.equals("one")) {
                if (perEvent(s, j + 1)) {
                    return null; // "one ABC chart per episode": as often as the episodes come, a trigger and not a count
                }
                return boundedInTime(s) && !w.equals("another") && !w.equals("way") && !w.equals("thing") ? Kind.COUNT : null;
            }
            return t.equals("half") || t.equals("zero") ? null : Kind.COUNT;
        }
        return null;
    }

    /** '6/10', '60%', '7/10'. */
    private static boolean isRating(String t) {
        int slash = t.indexOf('/');
        if (slash > 0 && slash < t.length() - 1) {
            return Lexicon.isDigits(t.substring(0, slash)) && Lexicon.isDigits(t.substring(slash + 1));
        }
        return false;
    }

    private static boolean isThreshold(Sentence s, int i) {
        for (int j = Math.max(0, i - 4); j <= Math.min(s.size() - 1, i + 3); j++) {
            if (j != i && Lexicon.THRESHOLD_WORDS.contains(s.at(j))) {
                return true;
            }
        }
        return false;
    }
}
