package app.carryover.reminders;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The part of each day when nothing is sent, in the client's time: from {@code start} up to (not
 * including) {@code end}, across midnight when start is later than end ("21:00–08:00").
 */
record QuietHours(LocalTime start, LocalTime end) {

    QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours need a different start and end");
        }
    }

    boolean contains(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The moment itself when it is outside quiet hours, else the end of the quiet hours it falls in. */
    ZonedDateTime nextAllowed(ZonedDateTime at) {
        if (!contains(at.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = at.with(this.end);
        return end.isAfter(at) ? end : end.plusDays(1).with(this.end);
    }

    public String describe() {
        return ReminderTimes.format(start) + "–" + ReminderTimes.format(end);
    }
}
