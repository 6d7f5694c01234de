package app.carryover.worksheets;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a worksheet is usually practised, as a default for the assignment composer.
 * Small on purpose, so the homework loop can map it onto its own dose:
 * <ul>
 * <li>{@code PER_DAY}: {@code count} times a day;</li>
 * <li>{@code PER_WEEK}: {@code count} times a week;</li>
 * <li>{@code PER_PERIOD}: {@code count} times before the next session;</li>
 * <li>{@code ON_DAYS}: {@code count} times on each of {@code days};</li>
 * <li>{@code ON_TRIGGER}: each time {@code trigger} happens, aiming for {@code count} in the period.</li>
 * </ul>
 * {@code times} are suggested reminder times (may be empty); {@code days} is empty unless ON_DAYS;
 * {@code trigger} is null unless ON_TRIGGER.
 */
public record SuggestedDose(Kind kind, int count, List<DayOfWeek> days, List<LocalTime> times, String trigger) {

    public SuggestedDose {
        days = days == null ? List.of() : List.copyOf(days);
        times = times == null ? List.of() : List.copyOf(times);
    }

    public static SuggestedDose perDay(int count) {
        return new SuggestedDose(Kind.PER_DAY, count, List.of(), List.of(), null);
    }

    public static SuggestedDose perWeek(int count) {
        return new SuggestedDose(Kind.PER_WEEK, count, List.of(), List.of(), null);
    }

    public static SuggestedDose perPeriod(int count) {
        return new SuggestedDose(Kind.PER_PERIOD, count, List.of(), List.of(), null);
    }

    public static SuggestedDose onDays(List<DayOfWeek> days, List<LocalTime> times) {
        return new SuggestedDose(Kind.ON_DAYS, 1, days, times, null);
    }

    public static SuggestedDose onTrigger(String trigger, int target) {
        return new SuggestedDose(Kind.ON_TRIGGER, target, List.of(), List.of(), trigger);
    }

    /** The dose in words, e.g. "twice a day", "3 times before the next session". */
    public String describe() {
        String words;
        switch (kind) {
            case PER_DAY -> words = times(count) + " a day";
            case PER_WEEK -> words = times(count) + " a week";
            case PER_PERIOD -> words = times(count) + " before the next session";
            case ON_DAYS -> words = (count == 1 ? "" : times(count) + " ") + "on " + dayList();
            case ON_TRIGGER -> words = "each time " + trigger + " (aim for " + count + ")";
            default -> throw new IllegalStateException(kind.toString());
        }
        if (!times.isEmpty()) {
            words += " at " + String.join(", ", times.stream().map(LocalTime::toString).toList());
        }
        return words;
    }

    private String dayList() {
        if (days.size() == 7) {
            return "every day";
        }
        List<String> names = days.stream().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** The shape of a dose; {@link #code()} is the JSON name. */
    public enum Kind {
        PER_DAY("per_day"), PER_WEEK("per_week"), PER_PERIOD("per_period"), ON_DAYS("on_days"), ON_TRIGGER("on_trigger");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> fromCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }

        public static String allCodes() {
            return String.join(", ", Arrays.stream(values()).map(Kind::code).toList());
        }
    }
}
