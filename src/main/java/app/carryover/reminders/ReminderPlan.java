package app.carryover.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.carryover.homework.Dose;
import app.carryover.homework.DuePractice;
import app.carryover.sessions.TherapySession;

/**
 * Which reminders a client gets on one day of theirs, from their open assignments' doses, their
 * times and quiet hours; and, when one comes due, whether it is still wanted. Pure: no clock, no
 * database.
 *
 * <ul>
 * <li>a daily dose (per day, or on given weekdays): at each of the client's times;
 * <li>a count per week or before the next session: on days spread evenly over the week or period
 *     (3 in 7 days: days 1, 3 and 5), at the client's first time;
 * <li>a trigger dose: a daily check-in at the client's last time;
 * <li>the reflection before a session: the day before it, at the first time;
 * <li>a questionnaire due (a measure's window): at the first time on the window's first day and on its
 *     last day (once when both are one day), while it is unanswered.
 * </ul>
 *
 * A local time that does not exist on a day (a spring-forward gap) moves forward by the gap, as
 * clocks do; a time that happens twice (fall-back) is taken at its first occurrence. Each slot is
 * keyed by its local date and time, so it is planned, and fires, once.
 */
final class ReminderPlan {

    /** A client's choices that shape their plan. */
    record Choices(ZoneId zone, List<LocalTime> times, QuietHours quiet) {
    }

    /** A reminder to store: {@code slot} is the local time it was planned for ("08:00"). */
    record Planned(Subject subject, String subjectKey, UUID assignmentId, LocalDate localDate, String slot,
            Instant dueAt) {
    }

    /** A questionnaire's due window ({@code key}: its schedule and opening, stable for the window). */
    record MeasureWindow(String key, Instant opens, Instant closes) {
    }

    private ReminderPlan() {
    }

    /**
     * The questionnaire reminders of one day: for each window open at the day's first time, one at that
     * time if it is the window's first day or its last (the next day's first time is past its close).
     */
    static List<Planned> measuresForDay(LocalDate day, Choices choices, List<MeasureWindow> due) {
        List<Planned> planned = new ArrayList<>();
        LocalTime first = choices.times().get(0);
        Instant at = ZonedDateTime.of(day, first, choices.zone()).toInstant();
        Instant dayBefore = ZonedDateTime.of(day.minusDays(1), first, choices.zone()).toInstant();
        Instant dayAfter = ZonedDateTime.of(day.plusDays(1), first, choices.zone()).toInstant();
        for (MeasureWindow w : due) {
            boolean open = !at.isBefore(w.opens()) && at.isBefore(w.closes());
            if (open && (dayBefore.isBefore(w.opens()) || !dayAfter.isBefore(w.closes()))) {
                add(planned, choices, Subject.MEASURE, w.key(), null, day, first);
            }
        }
        return planned;
    }

    static List<Planned> forDay(LocalDate day, Choices choices, List<DuePractice> practices) {
        List<Planned> planned = new ArrayList<>();
        LocalTime first = choices.times().get(0);
        LocalTime last = choices.times().get(choices.times().size() - 1);
        Map<UUID, TherapySession> reflectionsDue = new LinkedHashMap<>();
        for (DuePractice p : practices) {
            if (!inPeriod(p, day)) {
                continue;
            }
            Dose dose = p.dose();
            String key = p.assignmentId().toString();
            switch (dose.kind()) {
                case PER_DAY -> choices.times().forEach(t -> add(planned, choices, Subject.PRACTICE, key, p, day, t));
                case ON_DAYS -> {
                    if (dose.weekdays().contains(day.getDayOfWeek())) {
                        choices.times().forEach(t -> add(planned, choices, Subject.PRACTICE, key, p, day, t));
                    }
                }
                case PER_WEEK, PER_PERIOD -> {
                    if (spreadDay(p, day)) {
                        add(planned, choices, Subject.PRACTICE, key, p, day, first);
                    }
                }
                case TRIGGER -> add(planned, choices, Subject.CHECK_IN, key, p, day, last);
            }
            TherapySession session = p.dueSession();
            if (session != null && !p.reflected()
                    && session.startsAt().atZone(choices.zone()).toLocalDate().minusDays(1).equals(day)) {
                reflectionsDue.putIfAbsent(session.id(), session);
            }
        }
        for (UUID sessionId : reflectionsDue.keySet()) {
            add(planned, choices, Subject.REFLECTION, sessionId.toString(), null, day, first);
        }
        return planned;
    }

    /**
     * Why a reminder that has come due should not be sent after all, or empty when it should: the
     * practice was closed, paused, or already done today (or is ahead of its spread).
     */
    static Optional<String> notWanted(Subject subject, String subjectKey, LocalDate day, List<DuePractice> practices) {
        return notWanted(subject, subjectKey, day, practices, Set.of());
    }

    /** The same, knowing the keys of the questionnaire windows still unanswered at this moment. */
    static Optional<String> notWanted(Subject subject, String subjectKey, LocalDate day, List<DuePractice> practices,
            Set<String> measuresDue) {
        if (subject == Subject.REFLECTION) {
            List<DuePractice> due = practices.stream()
                    .filter(p -> p.dueSession() != null && p.dueSession().id().toString().equals(subjectKey)).toList();
            return due.isEmpty() ? Optional.of("no practice is due at that session any more")
                    : due.stream().allMatch(DuePractice::reflected) ? Optional.of("the reflection is written") : Optional.empty();
        }
        if (subject == Subject.MEASURE) {
            return measuresDue.contains(subjectKey) ? Optional.empty() : Optional.of("the questionnaire is answered or no longer due");
        }
        Optional<DuePractice> found = practices.stream().filter(p -> p.assignmentId().toString().equals(subjectKey)).findFirst();
        if (found.isEmpty()) {
            return Optional.of("the assignment is closed");
        }
        DuePractice p = found.get();
        if (p.paused()) {
            return Optional.of("the assignment is paused");
        }
        if (!inPeriod(p, day)) {
            return Optional.of("outside the assignment's period");
        }
        return switch (p.dose().kind()) {
            case PER_DAY, ON_DAYS -> p.doneToday() >= p.dose().count() ? Optional.of("today's practice is logged") : Optional.empty();
            case TRIGGER -> subject == Subject.NUDGE || p.doneToday() == 0 ? Optional.empty() : Optional.of("practice is logged today");
            case PER_WEEK, PER_PERIOD -> p.doneToday() > 0 ? Optional.of("practice is logged today")
                    : p.doneSoFar() >= spreadDaysThrough(p, day) ? Optional.of("ahead of the plan for this period")
                    : Optional.empty();
        };
    }

    static boolean inPeriod(DuePractice p, LocalDate day) {
        return !p.paused() && !day.isBefore(p.startDate()) && (p.periodEnd() == null || day.isBefore(p.periodEnd()));
    }

    /** True when a spread dose has a practice day on this day. */
    static boolean spreadDay(DuePractice p, LocalDate day) {
        int[] spread = spread(p, day);
        int index = spread[0];
        int days = spread[1];
        int count = p.dose().count();
        if (index < 0 || index >= days) {
            return false;
        }
        if (count >= days) {
            return true;
        }
        for (int k = 0; k < count; k++) {
            if (Math.floorDiv(k * days, count) == index) {
                return true;
            }
        }
        return false;
    }

    /** How many practice days of the spread fall on or before this day, in its week or period. */
    static int spreadDaysThrough(DuePractice p, LocalDate day) {
        int[] spread = spread(p, day);
        int through = 0;
        for (int i = 0; i <= Math.min(spread[0], spread[1] - 1); i++) {
            if (spreadDay(p, day.minusDays(spread[0] - i))) {
                through++;
            }
        }
        return p.dose().kind() == Dose.Kind.PER_WEEK
                ? through + p.dose().count() * (int) (ChronoUnit.DAYS.between(p.startDate(), day) / 7) : through;
    }

    /** The day's index in its week (per week) or period, and the length of that week or period. */
    private static int[] spread(DuePractice p, LocalDate day) {
        long sinceStart = ChronoUnit.DAYS.between(p.startDate(), day);
        if (p.dose().kind() == Dose.Kind.PER_WEEK) {
            return new int[] {(int) Math.floorMod(sinceStart, 7), 7};
        }
        int days = p.periodEnd() == null ? 7 : (int) Math.max(1, ChronoUnit.DAYS.between(p.startDate(), p.periodEnd()));
        return new int[] {(int) sinceStart, days};
    }

    private static void add(List<Planned> planned, Choices choices, Subject subject, String key, DuePractice p,
            LocalDate day, LocalTime time) {
        if (choices.quiet() != null && choices.quiet().contains(time)) {
            return;
        }
        Instant due = ZonedDateTime.of(day, time, choices.zone()).toInstant();
        planned.add(new Planned(subject, key, p == null ? null : p.assignmentId(), day, ReminderTimes.format(time), due));
    }
}
