package app.carryover.homework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Texts;

/**
 * How much practice an assignment asks for, as structure rather than free text: a count per day,
 * per week or per homework period, on given weekdays, or each time a trigger occurs with a target
 * count. {@link #describe()} says it back in words.
 *
 * @param times optional times of day in words ("evening", "after breakfast and before bed")
 * @param trigger for {@link Kind#TRIGGER}: the situation that calls for practice
 */
public record Dose(Kind kind, int count, Set<DayOfWeek> weekdays, String times, String trigger) {

    public enum Kind { PER_DAY, PER_WEEK, PER_PERIOD, ON_DAYS, TRIGGER }

    public Dose {
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        times = times == null || times.isBlank() ? null : times.strip();
        trigger = trigger == null || trigger.isBlank() ? null : trigger.strip();
    }

    public static Dose perDay(int count) {
        return new Dose(Kind.PER_DAY, count, null, null, null);
    }

    /** Refuses impossible doses with a message per field. */
    public Dose checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("dose.kind", "choose per day, per week, per period, on given days, or each time"));
        } else {
            int max = kind == Kind.PER_DAY || kind == Kind.ON_DAYS ? 12 : 50;
            if (count < 1 || count > max) {
                problems.add(new FieldProblem("dose.count", "must be between 1 and " + max));
            }
            if (kind == Kind.ON_DAYS && weekdays.isEmpty()) {
                problems.add(new FieldProblem("dose.weekdays", "choose at least one day"));
            }
            if (kind == Kind.TRIGGER && trigger == null) {
                problems.add(new FieldProblem("dose.trigger", "say when to practise (e.g. \"each time anxiety is 6/10 or more\")"));
            }
        }
        if (times != null && times.length() > 200) {
            problems.add(new FieldProblem("dose.times", "must be at most 200 characters"));
        }
        if (trigger != null && trigger.length() > 300) {
            problems.add(new FieldProblem("dose.trigger", "must be at most 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return this;
    }

    /** The dose in words: "twice a day, after breakfast and before bed". */
    public String describe() {
        String base = switch (kind) {
            case PER_DAY -> times(count) + " a day";
            case PER_WEEK -> times(count) + " a week";
            case PER_PERIOD -> times(count) + " before the next session";
            case ON_DAYS -> "every " + days() + (count > 1 ? ", " + times(count) + " each day" : "");
            case TRIGGER -> (trigger.toLowerCase(Locale.ROOT).startsWith("each") || trigger.toLowerCase(Locale.ROOT).startsWith("when")
                    ? trigger : "each time " + trigger) + ", aiming for " + count;
        };
        return times == null ? base : base + ", " + times;
    }

    /**
     * The dose in a client's words and language (messages "dose.*"): "twice a day, after breakfast",
     * "dos veces al día, after breakfast". The times and the trigger stay as the clinician wrote them.
     */
    public String describe(Texts texts, Locale locale) {
        String base = switch (kind) {
            case PER_DAY -> texts.in(locale, "dose.perDay", count);
            case PER_WEEK -> texts.in(locale, "dose.perWeek", count);
            case PER_PERIOD -> texts.in(locale, "dose.perPeriod", count);
            case ON_DAYS -> weekdays.size() == 7
                    ? texts.in(locale, count > 1 ? "dose.allDaysTimes" : "dose.allDays", count)
                    : texts.in(locale, count > 1 ? "dose.onDaysTimes" : "dose.onDays", days(texts, locale), count);
            case TRIGGER -> texts.in(locale, startsAsTrigger(texts.in(locale, "dose.triggerStarts"))
                    ? "dose.triggerAsWritten" : "dose.trigger", trigger, count);
        };
        return times == null ? base : texts.in(locale, "dose.withTimes", base, times);
    }

    private boolean startsAsTrigger(String openings) {
        String written = trigger.toLowerCase(Locale.ROOT);
        return Arrays.stream(openings.split(",")).anyMatch(o -> written.startsWith(o.strip()));
    }

    private String days(Texts texts, Locale locale) {
        List<String> names = new ArrayList<>();
        new TreeSet<>(weekdays).forEach(d -> names.add(texts.in(locale, "dose.day." + d.name())));
        if (names.size() == 1) {
            return names.get(0);
        }
        return texts.in(locale, "dose.and", String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    /** Practice expected on one day: only the daily kinds say per day. */
    double expectedOn(LocalDate day) {
        return switch (kind) {
            case PER_DAY -> count;
            case ON_DAYS -> weekdays.contains(day.getDayOfWeek()) ? count : 0;
            default -> 0;
        };
    }

    /** True when the dose is counted over the whole period rather than day by day. */
    boolean countedOverPeriod() {
        return kind == Kind.PER_WEEK || kind == Kind.PER_PERIOD || kind == Kind.TRIGGER;
    }

    /**
     * Most practices one day can count for, so that ten logs in one evening do not make up a
     * missed week: the daily count for daily doses, and an even share (at least one) of the
     * period's total for the others.
     */
    int dailyCap(int periodDays) {
        return switch (kind) {
            case PER_DAY, ON_DAYS -> count;
            case PER_WEEK -> Math.max(1, (int) Math.ceil(count / 7.0));
            case PER_PERIOD -> Math.max(1, (int) Math.ceil((double) count / Math.max(1, periodDays)));
            case TRIGGER -> count;
        };
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    private String days() {
        List<String> names = new ArrayList<>();
        new TreeSet<>(weekdays).forEach(d -> names.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        if (names.size() == 7) {
            return "day";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
