package app.carryover.sessions;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * How a series of sessions repeats: from a first date, every {@code everyWeeks} weeks at a local time
 * in the client's time zone, either {@code count} times or until a last date (inclusive).
 *
 * @param count a number of sessions (2–52), or null when {@code until} is given
 * @param until the last possible date, or null when {@code count} is given
 */
public record Recurrence(LocalDate firstDate, LocalTime time, Integer durationMinutes, Integer everyWeeks, Integer count,
        LocalDate until) {
}
