package app.carryover.transcripts;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.homework.Dose;

/**
 * Reads a dose from what the therapist said, only where the words say it outright ("twice a day",
 * "three times this week", "every evening before bed", "on Monday and Thursday", "each time you
 * notice the worry", "aiming for three"). Anything less clear gives nothing, and the clinician
 * chooses the dose. A target ("aiming for three", "at least four times") is the count of a trigger
 * ("each time it shows up, aiming for three"), or, said on its own or beside "every evening", the
 * count before the next session.
 */
final class DoseWords {

    /**
     * A dose read from the words. {@code count} is null for a trigger whose target was not said;
     * {@code words} are the words it was read from.
     */
    record Guess(Dose.Kind kind, Integer count, Set<DayOfWeek> weekdays, String times, String trigger, String words) {
    }

    private static final String COUNT = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String NUMBER = "(once|twice|" + COUNT + " (?:times|goes))";
    private static final Pattern PER_DAY = Pattern.compile("\\b" + NUMBER + "\\s+(?:a|per|each|every)\\s+day\\b|\\b" + NUMBER + "\\s+daily\\b");
    private static final Pattern PER_WEEK = Pattern.compile("\\b" + NUMBER + "\\s+(?:a|per|each|every)\\s+week\\b"
            + "|\\b(" + COUNT + ")\\s+(?:days|evenings|mornings|nights|afternoons|times)\\s+(?:a|per|each|every)\\s+week\\b");
    private static final Pattern PER_PERIOD = Pattern.compile("\\b" + NUMBER + "\\s+(?:this week|before (?:we meet|next time|"
            + "(?:our |the )?next session|next week|i see you)|between now and (?:next time|next week|(?:our |the )?next session))");
    private static final Pattern TRIGGER = Pattern.compile("\\b(?:(?:each|every|any) time (?:you|that|your|the|it|a|an|someone|anyone)\\b"
            + "|whenever\\b|when you (?:feel|notice|catch|sense|spot|find yourself)\\b)[^.;:!?,\u2014]{3,150}");
    /** A target count: "aiming for three", "aim for 2", "at least four times". */
    private static final Pattern TARGET = Pattern.compile("\\b(?:aiming (?:for|at)|aim (?:for|at)|a target of|going for|try for|at least)"
            + "\\s+(?:at least\\s+|about\\s+|maybe\\s+)?(" + COUNT + ")\\b(?:\\s+(?:times|goes|of them|entries|records|a (?:day|week)))?");
    private static final String DAY = "(mon|tues|wednes|thurs|fri|satur|sun)days?";
    private static final String MORE_DAYS = "(?:\\s*,\\s*|\\s+and\\s+|\\s*,\\s*and\\s+)" + DAY;
    /** "on Monday and Thursday", or a list of two days and more said without "on" ("Saturday and Sunday"). */
    private static final Pattern ON_DAYS = Pattern.compile("\\b(?:on|every|each)\\s+" + DAY + "(" + MORE_DAYS + ")*"
            + "|\\b" + DAY + "(" + MORE_DAYS + ")+");
    private static final Pattern DAY_NAME = Pattern.compile(DAY);
    private static final Pattern EVERY_DAY = Pattern.compile("\\b(?:every|each)\\s+(day|morning|afternoon|evening|night)\\b"
            + "|\\b(daily|nightly)\\b");
    private static final Pattern TIMES = Pattern.compile("\\b(?:(?:after|before)\\s+(?:breakfast|lunch|dinner|supper|bed|bedtime|work|school|class)"
            + "|in the (?:morning|afternoon|evening)|at (?:night|bedtime|lunchtime)|first thing)\\b");

    private DoseWords() {
    }

    static Optional<Guess> guess(String spoken) {
        if (spoken == null || spoken.isBlank()) {
            return Optional.empty();
        }
        String text = spoken.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        Matcher target = TARGET.matcher(text);
        Integer aim = target.find() && !target.group().endsWith(" a day") && !target.group().endsWith(" a week")
                ? count(target.group(1)) : null;
        Matcher m = TRIGGER.matcher(text);
        if (aim != null && m.find()) {
            String trigger = m.group().strip();
            return Optional.of(new Guess(Dose.Kind.TRIGGER, aim, Set.of(), null, trigger, trigger + ", " + target.group()));
        }
        m = PER_DAY.matcher(text);
        if (m.find()) {
            return Optional.of(new Guess(Dose.Kind.PER_DAY, count(m.group(1) != null ? m.group(1) : m.group(2)), Set.of(),
                    times(text, null), null, m.group()));
        }
        m = PER_WEEK.matcher(text);
        if (m.find()) {
            return Optional.of(new Guess(Dose.Kind.PER_WEEK, count(m.group(1) != null ? m.group(1) : m.group(2)), Set.of(),
                    null, null, m.group()));
        }
        m = PER_PERIOD.matcher(text);
        if (m.find()) {
            return Optional.of(new Guess(Dose.Kind.PER_PERIOD, count(m.group(1)), Set.of(), null, null, m.group()));
        }
        m = TRIGGER.matcher(text);
        if (m.find()) {
            String trigger = m.group().strip();
            return Optional.of(new Guess(Dose.Kind.TRIGGER, null, Set.of(), null, trigger, trigger));
        }
        m = ON_DAYS.matcher(text);
        if (m.find()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            Matcher day = DAY_NAME.matcher(m.group());
            while (day.find()) {
                days.add(dayOf(day.group(1)));
            }
            return Optional.of(new Guess(Dose.Kind.ON_DAYS, 1, Set.copyOf(days), times(text, null), null, m.group()));
        }
        m = EVERY_DAY.matcher(text);
        if (m.find()) {
            String part = m.group(1);
            String said = part == null || part.equals("day") ? null
                    : part.equals("night") ? "at night" : "in the " + part;
            if (aim != null) {
                // "each evening, aiming for three": three before the next session, in the evening
                return Optional.of(new Guess(Dose.Kind.PER_PERIOD, aim, Set.of(), times(text, said), null,
                        m.group() + ", " + target.group()));
            }
            return Optional.of(new Guess(Dose.Kind.PER_DAY, 1, Set.of(), times(text, said), null, m.group()));
        }
        if (aim != null) {
            return Optional.of(new Guess(Dose.Kind.PER_PERIOD, aim, Set.of(), times(text, null), null, target.group()));
        }
        return Optional.empty();
    }

    /** The words with every dose, time and target phrase taken out, for a title ("Go for a short walk"). */
    static String withoutDose(String spoken) {
        if (spoken == null) {
            return "";
        }
        String s = spoken.replace('\u2019', '\'');
        for (Pattern p : List.of(TARGET, TRIGGER, PER_DAY, PER_WEEK, PER_PERIOD, ON_DAYS, EVERY_DAY, TIMES, WHEN)) {
            s = Pattern.compile(p.pattern(), Pattern.CASE_INSENSITIVE).matcher(s).replaceAll(" ");
        }
        return s.replaceAll("\\s+([,.;:?!])", "$1").replaceAll("\\s{2,}", " ").strip();
    }

    /** The period words a title does without ("this week", "before we meet"). */
    private static final Pattern WHEN = Pattern.compile("\\b(?:this week|next week|this weekend|before (?:we meet|next time|(?:our |the )?next"
            + " session|next week|i see you)|between now and (?:next time|next week|(?:our |the )?next session)|till i see you"
            + "|until (?:we meet|next time|i see you)|to start with|from now on)\\b");

    /** The times of day the words name ("after breakfast and before bed"), or null. */
    private static String times(String text, String said) {
        Set<String> found = new LinkedHashSet<>();
        if (said != null) {
            found.add(said); // "every morning": in the morning, then any other times said ("before work")
        }
        Matcher m = TIMES.matcher(text);
        while (m.find()) {
            if (!m.group().equals(said)) {
                found.add(m.group());
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        List<String> list = new ArrayList<>(found);
        String joined = list.size() == 1 ? list.get(0)
                : String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
        return joined.length() <= 200 ? joined : null;
    }

    private static int count(String words) {
        if (words.equals("once")) {
            return 1;
        }
        if (words.equals("twice")) {
            return 2;
        }
        String n = words.indexOf(' ') > 0 ? words.substring(0, words.indexOf(' ')) : words;
        switch (n) {
            case "one": return 1;
            case "two": return 2;
            case "three": return 3;
            case "four": return 4;
            case "five": return 5;
            case "six": return 6;
            case "seven": return 7;
            case "eight": return 8;
            case "nine": return 9;
            case "ten": return 10;
            case "eleven": return 11;
            case "twelve": return 12;
            default: return Integer.parseInt(n);
        }
    }

    private static DayOfWeek dayOf(String stem) {
        switch (stem) {
            case "mon": return DayOfWeek.MONDAY;
            case "tues": return DayOfWeek.TUESDAY;
            case "wednes": return DayOfWeek.WEDNESDAY;
            case "thurs": return DayOfWeek.THURSDAY;
            case "fri": return DayOfWeek.FRIDAY;
            case "satur": return DayOfWeek.SATURDAY;
            default: return DayOfWeek.SUNDAY;
        }
    }
}
