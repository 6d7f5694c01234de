package app.carryover.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.carryover.system.Dates;
import app.carryover.system.ProblemException;
import app.carryover.system.Texts;
import app.carryover.system.ProblemException.FieldProblem;

/**
 * Logging a missed day late: the earlier days a client may choose (back as far as the practice's
 * setting allows, never before the practice began) and the moment an entry for one of them is
 * dated. A day without a time is dated at midday, so it stays on that day whatever the zone rules.
 */
final class EarlierDays {

    /** One day to choose, as its value and in words ("Yesterday, Wednesday 13 May"). */
    record Choice(LocalDate date, String label) {
    }

    private static final LocalTime NO_TIME = LocalTime.NOON;

    private EarlierDays() {
    }

    /** The days before today a practice that began on {@code start} may be logged for, latest first. */
    static List<Choice> offered(LocalDate today, LocalDate start, int backdateDays, Texts texts, Locale locale) {
        List<Choice> days = new ArrayList<>();
        for (int back = 1; back <= backdateDays; back++) {
            LocalDate day = today.minusDays(back);
            if (day.isBefore(start)) {
                break;
            }
            String date = Dates.longDay(day, today, locale);
            days.add(new Choice(day, back == 1 ? texts.in(locale, "day.yesterday", date) : date));
        }
        return days;
    }

    /**
     * When an entry logged for {@code day} (null: today) at {@code time} (null: now today, midday on
     * an earlier day) happened; null for "now", which the log fills in itself.
     */
    static Instant occurredAt(LocalDate day, LocalTime time, LocalDate today, ZoneId zone, Instant now) {
        if (day == null || (day.equals(today) && time == null)) {
            return null;
        }
        if (day.isAfter(today)) {
            throw ProblemException.invalid("day", "cannot be in the future");
        }
        Instant at = ZonedDateTime.of(day, time == null ? NO_TIME : time, zone).toInstant();
        if (at.isAfter(now)) {
            throw ProblemException.invalid("time", "is later than now");
        }
        return at;
    }

    /** The log names the moment "occurredAt"; the page's fields are the day and the time. */
    static ProblemException asPageFields(ProblemException problem) {
        List<FieldProblem> fields = problem.fields().stream()
                .map(f -> f.field().equals("occurredAt") ? new FieldProblem("day", f.message()) : f).toList();
        return new ProblemException(problem.status(), problem.title(), problem.getMessage(), fields);
    }
}
