package app.carryover.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and times in words, one way everywhere. Clinicians' pages are records read months later, so
 * their dates always carry the year ("Fri 6 Mar 2026"); clients' pages leave it out only for dates of
 * the current year ("Friday 6 March"), so "by Wed 1 Jan" can never be read as next month. Times say
 * their zone, and a client's own time beside it when the viewer's differs. Pages call it as
 * {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    // Spanish dates always carry their year: "viernes 6 de marzo de 2026".
    private static final DateTimeFormatter ES_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Languages.SPANISH);
    private static final DateTimeFormatter ES_LONG_DAY = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy",
            Languages.SPANISH);
    private static final DateTimeFormatter ES_WHEN = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy 'a las' HH:mm",
            Languages.SPANISH);

    private final Clock clock;

    Dates(Clock clock) {
        this.clock = clock;
    }

    /** "Fri 6 Mar 2026". */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY_YEAR.format(date);
    }

    /** "Friday 6 March 2026". */
    public static String longDay(LocalDate date) {
        return date == null ? "" : LONG_DAY_YEAR.format(date);
    }

    /** "Fri 6 Mar", or "Fri 6 Mar 2027" when the date is not in the year of {@code today}. */
    public static String day(LocalDate date, LocalDate today) {
        return date == null ? "" : (date.getYear() == today.getYear() ? DAY : DAY_YEAR).format(date);
    }

    /** "Friday 6 March", or "Friday 6 March 2027" when the date is not in the year of {@code today}. */
    public static String longDay(LocalDate date, LocalDate today) {
        return date == null ? "" : (date.getYear() == today.getYear() ? LONG_DAY : LONG_DAY_YEAR).format(date);
    }

    /** "Friday 6 March at 17:00" in the zone, with the year when it is not this year there. */
    public static String when(ZonedDateTime at, LocalDate today) {
        return longDay(at.toLocalDate(), today) + " at " + TIME.format(at);
    }

    /** {@link #day(LocalDate, LocalDate)} in a client's language; in Spanish always with the year ("vie 6 mar 2026"). */
    public static String day(LocalDate date, LocalDate today, Locale locale) {
        return date == null ? "" : spanish(locale) ? ES_DAY.format(date) : day(date, today);
    }

    /** {@link #longDay(LocalDate, LocalDate)} in a client's language; in Spanish "viernes 6 de marzo de 2026". */
    public static String longDay(LocalDate date, LocalDate today, Locale locale) {
        return date == null ? "" : spanish(locale) ? ES_LONG_DAY.format(date) : longDay(date, today);
    }

    /** {@link #when(ZonedDateTime, LocalDate)} in a client's language; in Spanish "viernes 6 de marzo de 2026 a las 17:00". */
    public static String when(ZonedDateTime at, LocalDate today, Locale locale) {
        return spanish(locale) ? ES_WHEN.format(at) : when(at, today);
    }

    /** The weekday's full name: "Friday", "viernes". */
    public static String weekday(LocalDate date, Locale locale) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, spanish(locale) ? Languages.SPANISH
                : Locale.ENGLISH);
    }

    /** A date on a client's page in the page's language (templates: {@code @dates.near(d, zone, #locale)}). */
    public String near(LocalDate date, ZoneId zone, Locale locale) {
        return day(date, today(zone), locale);
    }

    private static boolean spanish(Locale locale) {
        return locale != null && Languages.SPANISH.getLanguage().equals(locale.getLanguage());
    }

    /** Today in the zone, by the application's clock. */
    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** A date on a client's page: the year only when it is not this year (in the client's zone). */
    public String near(LocalDate date, ZoneId zone) {
        return day(date, today(zone));
    }

    /** "Tue 10 Mar 2026, 17:00". */
    public static String dayAndTime(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return DAY_YEAR.format(t) + ", " + TIME.format(t);
    }

    /** "Tue 10 Mar 2026, 17:00–17:50" (the end's day too when it differs). */
    public static String span(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime end = to.atZone(zone);
        return dayAndTime(from, zone) + "–" + (end.toLocalDate().equals(from.atZone(zone).toLocalDate())
                ? TIME.format(end) : dayAndTime(to, zone));
    }

    /**
     * A session's time for a clinician, labelled with its zone: "Tue 10 Mar 2026, 10:00 London time"
     * and, when the client lives in another zone, their time too: "(11:00 Berlin time for the client)".
     */
    public static String sessionTime(Instant at, ZoneId viewer, ZoneId client) {
        String mine = dayAndTime(at, viewer) + " " + zoneName(viewer) + " time";
        String theirs = clientTime(at, viewer, client);
        return theirs.isEmpty() ? mine : mine + " (" + theirs + ")";
    }

    /** The client's own time of a session when their zone differs from the viewer's ("11:00 Berlin time for the client"), else "". */
    public static String clientTime(Instant at, ZoneId viewer, ZoneId client) {
        if (client == null || client.equals(viewer)) {
            return "";
        }
        ZonedDateTime theirs = at.atZone(client);
        String day = theirs.toLocalDate().equals(at.atZone(viewer).toLocalDate()) ? "" : DAY.format(theirs) + " ";
        return day + TIME.format(theirs) + " " + zoneName(client) + " time for the client";
    }

    /** The place part of a zone id, as people say it: "Europe/London" is "London", "America/New_York" "New York". */
    public static String zoneName(ZoneId zone) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        return slash < 0 || id.startsWith("Etc/") ? id : id.substring(slash + 1).replace('_', ' ');
    }
}
