package app.carryover.coach;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The structured dose the composer may hold beside the free text: how many times per day, per week or
 * over the period to the next session, on which weekdays and at which times, for how many minutes, and
 * for triggered practice the trigger ('when the urge is 6/10 or more') with its target count. Any field
 * may be null. A dose with a count, days, times, minutes or a triggered target makes the assignment
 * measurable; a trigger alone does not (LABELING.md §2).
 */
public record Dose(Integer count, Per per, Set<DayOfWeek> weekdays, List<LocalTime> times, Integer minutes,
        String trigger, Integer target) {

    /** What {@link #count} counts against. */
    public enum Per {
        DAY, WEEK, PERIOD
    }

    public Dose {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        times = times == null ? List.of() : List.copyOf(times);
    }

    public static Dose timesPer(int count, Per per) {
        return new Dose(count, per, null, null, null, null, null);
    }

    public static Dose onDays(Set<DayOfWeek> weekdays, List<LocalTime> times) {
        return new Dose(null, null, weekdays, times, null, null, null);
    }

    public static Dose triggered(String trigger, Integer target) {
        return new Dose(null, null, null, null, null, trigger, target);
    }

    public Dose withMinutes(Integer newMinutes) {
        return new Dose(count, per, weekdays, times, newMinutes, trigger, target);
    }

    /** True when the dose states a frequency, count, duration or a triggered target. */
    public boolean isMeasurable() {
        return positive(count) || !weekdays.isEmpty() || !times.isEmpty() || positive(minutes)
                || trigger != null && !trigger.isBlank() && positive(target);
    }

    /**
     * How many times a week the dose asks for, when that is plain: a count per day or per week, or given
     * weekdays (times the count per day, when there is one). Null for a count over the period, a trigger or
     * times of day alone, whose weekly rate depends on what happens.
     */
    Integer timesAWeek() {
        if (positive(count) && per == Per.DAY) {
            return count * 7;
        }
        if (positive(count) && per == Per.WEEK) {
            return count;
        }
        if (!weekdays.isEmpty() && per == null) {
            return weekdays.size() * (positive(count) ? count : 1);
        }
        return null;
    }

    /** The rate of {@link #timesAWeek()} in words: "once a week", "twice a day", "on 3 days a week". */
    String rateInWords() {
        if (positive(count) && per == Per.DAY) {
            return StatedFrequency.times(count) + " a day";
        }
        if (positive(count) && per == Per.WEEK) {
            return StatedFrequency.times(count) + " a week";
        }
        if (weekdays.size() == 7) {
            return positive(count) && count > 1 ? StatedFrequency.times(count) + " a day" : "every day";
        }
        return (positive(count) && count > 1 ? StatedFrequency.times(count) + " on " : "on ") + weekdays.size()
                + (weekdays.size() == 1 ? " day" : " days") + " a week";
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }
}
