package app.carryover.homework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.carryover.system.ProblemException;

/** The dose in words, impossible doses, and the adherence arithmetic. */
class DoseAndAdherenceTests {

    static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);

    @Test
    void theComposerShowsTheDoseBackInWords() {
        assertThat(new Dose(Dose.Kind.PER_DAY, 2, null, "after breakfast and before bed", null).describe())
                .isEqualTo("twice a day, after breakfast and before bed");
        assertThat(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null).describe()).isEqualTo("3 times before the next session");
        assertThat(new Dose(Dose.Kind.ON_DAYS, 1, EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), "in the evening", null).describe())
                .isEqualTo("every Monday and Friday, in the evening");
        assertThat(new Dose(Dose.Kind.TRIGGER, 5, null, null, "anxiety is 6/10 or more").describe())
                .isEqualTo("each time anxiety is 6/10 or more, aiming for 5");
        assertThat(new Dose(Dose.Kind.PER_WEEK, 1, null, null, null).describe()).isEqualTo("once a week");
    }

    @Test
    void impossibleDosesAreRefusedFieldByField() {
        assertThatThrownBy(() -> Dose.perDay(0).checked()).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).fields()).extracting(ProblemException.FieldProblem::field)
                        .containsExactly("dose.count"));
        assertThatThrownBy(() -> new Dose(Dose.Kind.ON_DAYS, 1, Set.of(), null, null).checked())
                .satisfies(e -> assertThat(((ProblemException) e).fields()).extracting(ProblemException.FieldProblem::field)
                        .containsExactly("dose.weekdays"));
        assertThatThrownBy(() -> new Dose(Dose.Kind.TRIGGER, 5, null, null, " ").checked())
                .satisfies(e -> assertThat(((ProblemException) e).fields()).extracting(ProblemException.FieldProblem::field)
                        .containsExactly("dose.trigger"));
    }

    @Test
    void tenLogsInOneEveningDoNotMakeUpAMissedWeek() {
        Map<LocalDate, Integer> logs = Map.of(WEDNESDAY.plusDays(5), 10);
        Adherence a = Adherence.compute(Dose.perDay(2), WEDNESDAY, WEDNESDAY.plusDays(6), 6, Set.of(), logs);
        assertThat(a.expected()).isEqualTo(12);
        assertThat(a.done()).isEqualTo(2);
        assertThat(a.logged()).isEqualTo(10);
        assertThat(a.quantity()).isCloseTo(1 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pausedDaysExpectNothing() {
        Set<LocalDate> paused = Set.of(WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(2));
        Map<LocalDate, Integer> logs = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            if (!paused.contains(WEDNESDAY.plusDays(i))) {
                logs.put(WEDNESDAY.plusDays(i), 1);
            }
        }
        Adherence a = Adherence.compute(Dose.perDay(1), WEDNESDAY, WEDNESDAY.plusDays(6), 6, paused, logs);
        assertThat(a.expected()).isEqualTo(4);
        assertThat(a.quantity()).isEqualTo(1.0);
    }

    @Test
    void periodAndWeeklyDosesCapEachDayAtAnEvenShare() {
        Map<LocalDate, Integer> allOnMonday = Map.of(WEDNESDAY.plusDays(5), 3);
        Adherence period = Adherence.compute(new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null), WEDNESDAY,
                WEDNESDAY.plusDays(6), 6, Set.of(), allOnMonday);
        assertThat(period.expected()).isEqualTo(3);
        assertThat(period.done()).as("one a day counts for 3 in 6 days").isEqualTo(1);
        Adherence week = Adherence.compute(new Dose(Dose.Kind.PER_WEEK, 3, null, null, null), WEDNESDAY,
                WEDNESDAY.plusDays(14), 14, Set.of(), Map.of(WEDNESDAY, 1, WEDNESDAY.plusDays(2), 1, WEDNESDAY.plusDays(9), 2));
        assertThat(week.expected()).isEqualTo(6);
        assertThat(week.done()).isEqualTo(3);
    }

    @Test
    void onGivenDaysOnlyThoseDaysExpectPracticeButAnotherDayCounts() {
        Dose fridays = new Dose(Dose.Kind.ON_DAYS, 1, EnumSet.of(DayOfWeek.FRIDAY), null, null);
        Adherence a = Adherence.compute(fridays, WEDNESDAY, WEDNESDAY.plusDays(14), 14, Set.of(),
                Map.of(WEDNESDAY.plusDays(1), 1, WEDNESDAY.plusDays(2), 1, WEDNESDAY.plusDays(9), 1));
        assertThat(a.expected()).isEqualTo(2);
        assertThat(a.done()).as("practice on a Thursday instead still counts, up to what was expected").isEqualTo(2);
    }

    @Test
    void stepUpFollowsTheRuleAndSaysWhy() {
        assertThat(StepUpRule.judge(java.util.List.of(new java.math.BigDecimal("70"))).suggested()).isFalse();
        StepUpRule low = StepUpRule.judge(java.util.List.of(new java.math.BigDecimal("70"), new java.math.BigDecimal("40"),
                new java.math.BigDecimal("35")));
        assertThat(low.suggested()).isTrue();
        assertThat(low.because()).contains("40 or less").contains("40 and 35");
        StepUpRule half = StepUpRule.judge(java.util.List.of(new java.math.BigDecimal("100"), new java.math.BigDecimal("50"),
                new java.math.BigDecimal("45")));
        assertThat(half.suggested()).isTrue();
        assertThat(half.because()).contains("50% lower");
        assertThat(StepUpRule.judge(java.util.List.of(new java.math.BigDecimal("80"), new java.math.BigDecimal("60"),
                new java.math.BigDecimal("45"))).suggested()).isFalse();
    }
}
