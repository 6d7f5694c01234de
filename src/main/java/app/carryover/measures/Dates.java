package app.carryover.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in words, always with the year where a date could be in another one. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private Dates() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String weekday(LocalDate date) {
        return WEEKDAY.format(date);
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(ZonedDateTime.ofInstant(at, zone));
    }
}
