package app.carryover.measures;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long an unacknowledged risk alert waits before it is escalated: a number of working hours, in
 * the practice's time zone, counted only inside its working day on its working days.
 */
public record EscalationRule(int hours, int dayStartHour, int dayEndHour, Set<DayOfWeek> workingDays) {

    /** Four working hours, Monday to Friday 9:00–17:00: the default until a practice sets its own. */
    public static final EscalationRule DEFAULT = new EscalationRule(4, 9, 17,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public EscalationRule {
        workingDays = Set.copyOf(workingDays);
    }

    /**
     * When {@code hours} working hours have passed after {@code from}: time outside working hours
     * does not count (an alert raised on Friday at 16:00 under the default escalates on Monday at 12:00).
     */
    public Instant deadline(Instant from, ZoneId zone) {
        Duration left = Duration.ofHours(hours);
        ZonedDateTime at = from.atZone(zone);
        for (int guard = 0; guard < 400; guard++) {
            LocalDate day = at.toLocalDate();
            if (workingDays.contains(day.getDayOfWeek())) {
                ZonedDateTime opens = zoned(day, dayStartHour, zone);
                ZonedDateTime closes = zoned(day, dayEndHour, zone);
                ZonedDateTime start = at.isBefore(opens) ? opens : at;
                if (start.isBefore(closes)) {
                    Duration available = Duration.between(start, closes);
                    if (available.compareTo(left) >= 0) {
                        return start.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            at = zoned(day.plusDays(1), 0, zone);
        }
        throw new IllegalStateException("no working hours found within 400 days");
    }

    /** The rule in words: "4 working hours (Monday to Friday, 9:00–17:00)". */
    public String describe() {
        String days = workingDays.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) ? "Monday to Friday"
                : workingDays.size() == 7 ? "every day"
                        : String.join(", ", workingDays.stream().sorted().map(d -> d.getDisplayName(
                                TextStyle.FULL, Locale.ENGLISH)).toList());
        return hours + (hours == 1 ? " working hour" : " working hours") + " (" + days + ", " + dayStartHour + ":00–"
                + dayEndHour + ":00)";
    }

    private static ZonedDateTime zoned(LocalDate day, int hour, ZoneId zone) {
        LocalDateTime local = hour == 24 ? day.plusDays(1).atStartOfDay() : day.atTime(hour, 0);
        return local.atZone(zone);
    }
}
