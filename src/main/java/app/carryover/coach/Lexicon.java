package app.carryover.coach;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import app.carryover.language.NumberWords;
import app.carryover.language.WordStems;

/**
 * Word lists behind the cues. They are written from how homework is phrased in general (clinical
 * handbooks' wording of frequencies, records and rationales), not copied from the development set, so
 * that they carry over to other phrasings. Multi-form words are stored as stems (see {@link WordStems}).
 */
final class Lexicon {

    private Lexicon() {
    }

    static Set<String> words(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }

    static Set<String> stems(String spaceSeparated) {
        String[] w = spaceSeparated.trim().split("\\s+");
        HashSet<String> out = new HashSet<>();
        for (String s : w) {
            out.add(WordStems.stem(s));
        }
        return Set.copyOf(out);
    }

    /** The value of a number token ('3', '3.5', 'three'), or -1 when the token is not a number (the one table in language). */
    static double number(String lower) {
        return NumberWords.quantity(lower);
    }

    static boolean isDigits(String lower) {
        return !lower.isEmpty() && lower.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Words that are a frequency on their own. */
    static final Set<String> FREQUENCY_WORDS = words("daily nightly weekly fortnightly hourly twice thrice everyday weeknightly");

    /** What 'every'/'each'/'per'/'a' can count to make a frequency ('every evening', 'twice a day'). */
    static final Set<String> PERIODS = stems("""
            day night morning evening afternoon lunchtime bedtime weekday weeknight workday weekend week fortnight month
            hour meal mealtime breakfast lunch dinner snack shift monday tuesday wednesday thursday friday saturday sunday
            school-day workday session
            """);

    /** Units that make a number a duration. */
    static final Set<String> DURATION_UNITS = stems("second sec secs minute min mins hour hr hrs day night week fortnight month "
            + "minute-long hour-long");

    static final Set<String> WEEKDAYS = stems("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun");

    /** Words after a number that show it is a label, a scale or a time, not a count. */
    static final Set<String> NOT_COUNTED_AFTER = words("""
            of / - : % am pm a.m. p.m. o'clock column columns col point points percent per-cent th st nd rd out
            or to and , . ; ) x step steps stage level year years year-old old
            """);

    /** Words before a number that show it is a label ('step 3', 'number 14', 'line 2'). */
    static final Set<String> LABEL_BEFORE = words("""
            step stage level number no no. line page junction j m route bus platform room floor chapter module session
            week item question exercise part unit phase version grade class flat house apartment suite gate door
            rate rated rating rating: score scored scale from between rule
            """);

    /** Words near an 'N/10' that make it a threshold ('when anxiety is 6/10 or higher'). */
    static final Set<String> THRESHOLD_WORDS = words("""
            above over higher more exceeds exceed exceeding reaches reach reaching hits hit when whenever if once least
            beyond past greater than at+ rises rise gets goes below under beneath lower drops drop falls dips
            """);

    /** Nouns for a record the client fills in; any of them makes the assignment structured. */
    static final Set<String> RECORDS = stems("""
            worksheet worksheets sheet log logbook diary diaries journal journals form chart tracker planner spreadsheet
            calendar checklist handout booklet workbook notebook template questionnaire tally scoresheet timetable
            diary-card log-sheet record-sheet phq gad pcl ocir ybocs inventory grid matrix
            """);

    /** Record nouns that need a determiner or modifier in front to be a record ('the thought record', 'your schedule'). */
    static final Set<String> RECORDS_AS_NOUN = stems("record records schedule card cards");

    /** Words before 'card' that make it not a record card. */
    static final Set<String> NOT_RECORD_CARD = words("bank credit debit birthday gift business sim greeting playing loyalty key");
}
