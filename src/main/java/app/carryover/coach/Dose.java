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

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }
}
