package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.carryover.homework.Dose;
import app.carryover.homework.DuePractice;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.TherapySession;

/** Which reminders a day brings, from doses, times, quiet hours and the clocks' changes. */
class ReminderPlanTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final QuietHours QUIET = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void aDailyDoseIsRemindedAtEachOfTheClientsTimes() {
        LocalDate day = LocalDate.of(2026, 5, 12);
        var plan = ReminderPlan.forDay(day, choices("08:00", "19:30"), List.of(practice(Dose.perDay(2), day, null)));
        assertThat(plan).extracting(ReminderPlan.Planned::slot).containsExactly("08:00", "19:30");
        assertThat(plan.get(1).dueAt()).isEqualTo(Instant.parse("2026-05-12T23:30:00Z"));
    }

    @Test
    void aTimeInTheSpringForwardGapFiresOnceAnHourLaterAndOnlyOnce() {
        LocalDate springForward = LocalDate.of(2026, 3, 8); // 02:00 -> 03:00 in New York
        var plan = ReminderPlan.forDay(springForward, nightOwl("02:30"), List.of(practice(Dose.perDay(1), springForward, null)));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).dueAt()).as("02:30 does not exist; the clock reads 03:30 then")
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(plan.get(0).slot()).isEqualTo("02:30");
    }

    @Test
    void aTimeThatHappensTwiceAtFallBackFiresAtTheFirstOnly() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1); // 02:00 -> 01:00: 01:30 happens twice
        var plan = ReminderPlan.forDay(fallBack, nightOwl("01:30"), List.of(practice(Dose.perDay(1), fallBack, null)));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).dueAt()).as("the first 01:30, still on daylight time (UTC-4)")
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void threeTimesBeforeTheNextSessionAreSpreadOverTheWeek() {
        LocalDate start = LocalDate.of(2026, 5, 4);
        DuePractice p = practice(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null), start, start.plusDays(7));
        List<Integer> days = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            if (!ReminderPlan.forDay(start.plusDays(i), choices("09:00", "18:00"), List.of(p)).isEmpty()) {
                days.add(i);
            }
        }
        assertThat(days).as("days 0, 2 and 4 of seven, none after the session").containsExactly(0, 2, 4);
        assertThat(ReminderPlan.forDay(start, choices("09:00", "18:00"), List.of(p)))
                .extracting(ReminderPlan.Planned::slot).as("at the first time only").containsExactly("09:00");
    }

    @Test
    void aSpreadReminderIsNotWantedWhenTheClientIsAheadOrPractisedToday() {
        LocalDate start = LocalDate.of(2026, 5, 4);
        Dose threeTimes = new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null);
        DuePractice ahead = new DuePractice(UUID.randomUUID(), "Walk", threeTimes, start, start.plusDays(7), false, 0, 3, 2,
                start.plusDays(1), null, false, false);
        assertThat(ReminderPlan.notWanted(Subject.PRACTICE, ahead.assignmentId().toString(), start.plusDays(2), List.of(ahead)))
                .contains("ahead of the plan for this period");
        DuePractice behind = new DuePractice(ahead.assignmentId(), "Walk", threeTimes, start, start.plusDays(7), false, 0, 3, 1,
                start, null, false, false);
        assertThat(ReminderPlan.notWanted(Subject.PRACTICE, ahead.assignmentId().toString(), start.plusDays(4), List.of(behind)))
                .isEmpty();
    }

    @Test
    void aTriggerDoseGetsOneCheckInAtTheLastTime() {
        LocalDate day = LocalDate.of(2026, 5, 12);
        Dose trigger = new Dose(Dose.Kind.TRIGGER, 5, null, null, "each time anxiety is 6/10 or more");
        var plan = ReminderPlan.forDay(day, choices("08:00", "20:00"), List.of(practice(trigger, day, null)));
        assertThat(plan).extracting(ReminderPlan.Planned::subject, ReminderPlan.Planned::slot)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Subject.CHECK_IN, "20:00"));
    }

    @Test
    void givenWeekdaysOnlyAndNothingInQuietHoursOrWhilePaused() {
        LocalDate tuesday = LocalDate.of(2026, 5, 12);
        DuePractice mondays = practice(new Dose(Dose.Kind.ON_DAYS, 1, Set.of(DayOfWeek.MONDAY), null, null), tuesday.minusDays(7), null);
        assertThat(ReminderPlan.forDay(tuesday, choices("08:00"), List.of(mondays))).isEmpty();
        assertThat(ReminderPlan.forDay(tuesday.minusDays(1), choices("08:00"), List.of(mondays))).hasSize(1);
        assertThat(ReminderPlan.forDay(tuesday, choices("23:00"), List.of(practice(Dose.perDay(1), tuesday, null))))
                .as("23:00 is inside 22:00–07:00").isEmpty();
        DuePractice paused = new DuePractice(UUID.randomUUID(), "Walk", Dose.perDay(1), tuesday, null, true, 0, 0, 0, null, null, false, false);
        assertThat(ReminderPlan.forDay(tuesday, choices("08:00"), List.of(paused))).isEmpty();
    }

    @Test
    void theReflectionIsRemindedTheDayBeforeTheSessionOnce() {
        LocalDate day = LocalDate.of(2026, 5, 12);
        TherapySession session = new TherapySession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2026-05-13T21:00:00Z"), 50, SessionStatus.SCHEDULED, null, null,
                Instant.parse("2026-05-13T21:00:00Z"));
        DuePractice a = new DuePractice(UUID.randomUUID(), "Walk", Dose.perDay(1), day.minusDays(6), day.plusDays(1), false, 0, 6, 3,
                day, session, false, false);
        DuePractice b = new DuePractice(UUID.randomUUID(), "Diary", Dose.perDay(1), day.minusDays(6), day.plusDays(1), false, 0, 6, 3,
                day, session, false, false);
        var plan = ReminderPlan.forDay(day, choices("08:00"), List.of(a, b));
        assertThat(plan.stream().filter(p -> p.subject() == Subject.REFLECTION)).hasSize(1);
        assertThat(ReminderPlan.notWanted(Subject.REFLECTION, session.id().toString(), day,
                List.of(withReflection(a), withReflection(b)))).contains("the reflection is written");
    }

    @Test
    void quietHoursAcrossMidnightAndTheNextAllowedMoment() {
        assertThat(QUIET.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(QUIET.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(QUIET.contains(LocalTime.of(7, 0))).isFalse();
        var late = java.time.ZonedDateTime.of(2026, 5, 12, 22, 30, 0, 0, NEW_YORK);
        assertThat(QUIET.nextAllowed(late)).isEqualTo(java.time.ZonedDateTime.of(2026, 5, 13, 7, 0, 0, 0, NEW_YORK));
        var early = java.time.ZonedDateTime.of(2026, 5, 12, 5, 0, 0, 0, NEW_YORK);
        assertThat(QUIET.nextAllowed(early)).isEqualTo(java.time.ZonedDateTime.of(2026, 5, 12, 7, 0, 0, 0, NEW_YORK));
    }

    private static DuePractice withReflection(DuePractice p) {
        return new DuePractice(p.assignmentId(), p.title(), p.dose(), p.startDate(), p.periodEnd(), false, 0, 6, 3, null,
                p.dueSession(), true, false);
    }

    private static DuePractice practice(Dose dose, LocalDate start, LocalDate periodEnd) {
        return new DuePractice(UUID.randomUUID(), "Walk", dose, start, periodEnd, false, 0, 0, 0, null, null, false, false);
    }

    /** Someone who works nights: quiet only around midnight. */
    private static ReminderPlan.Choices nightOwl(String... times) {
        return new ReminderPlan.Choices(NEW_YORK, java.util.Arrays.stream(times).map(LocalTime::parse).toList(),
                new QuietHours(LocalTime.of(23, 30), LocalTime.of(0, 30)));
    }

    private static ReminderPlan.Choices choices(String... times) {
        return new ReminderPlan.Choices(NEW_YORK, java.util.Arrays.stream(times).map(LocalTime::parse).toList(), QUIET);
    }

    @Test
    void aQuestionnaireWindowIsRemindedOnItsFirstAndLastDayAtTheFirstTime() {
        ZoneId london = ZoneId.of("Europe/London");
        // Due before a Tuesday 17:00 session, from Saturday 21:00 (three days before).
        ReminderPlan.MeasureWindow window = new ReminderPlan.MeasureWindow("phq9@1", Instant.parse("2026-05-09T20:00:00Z"),
                Instant.parse("2026-05-12T16:00:00Z"));
        ReminderPlan.Choices choices = new ReminderPlan.Choices(london, List.of(LocalTime.of(8, 0), LocalTime.of(19, 30)),
                QUIET);
        List<String> days = new java.util.ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 5, 8); day.isBefore(LocalDate.of(2026, 5, 15)); day = day.plusDays(1)) {
            ReminderPlan.measuresForDay(day, choices, List.of(window))
                    .forEach(p -> days.add(p.localDate() + " " + p.slot() + " " + p.subject()));
        }
        assertThat(days).as("Saturday 08:00 is before it opens; Sunday is its first day at 08:00, Tuesday its last")
                .containsExactly("2026-05-10 08:00 MEASURE", "2026-05-12 08:00 MEASURE");
        assertThat(ReminderPlan.notWanted(Subject.MEASURE, "phq9@1", LocalDate.of(2026, 5, 12), List.of(), java.util.Set.of()))
                .contains("the questionnaire is answered or no longer due");
        assertThat(ReminderPlan.notWanted(Subject.MEASURE, "phq9@1", LocalDate.of(2026, 5, 12), List.of(),
                java.util.Set.of("phq9@1"))).isEmpty();
    }
}
