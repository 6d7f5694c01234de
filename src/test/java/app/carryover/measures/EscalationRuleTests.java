package app.carryover.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Working hours counted in the practice's time zone, inside its working day, on its working days. */
class EscalationRuleTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    Instant london(String local) {
        return java.time.LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void fourWorkingHoursFromFridayAfternoonEndOnMondayMorning() {
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-06T16:00"), LONDON)).isEqualTo(london("2026-03-09T12:00"));
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-06T15:00"), LONDON)).isEqualTo(london("2026-03-09T11:00"));
    }

    @Test
    void anAlertRaisedAtNightOrAtTheWeekendStartsCountingAtNineOnTheNextWorkingDay() {
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-03T22:30"), LONDON)).isEqualTo(london("2026-03-04T13:00"));
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-07T10:00"), LONDON)).isEqualTo(london("2026-03-09T13:00"));
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-03T10:15"), LONDON)).isEqualTo(london("2026-03-03T14:15"));
    }

    @Test
    void aPracticeMaySetItsOwnHoursAndDays() {
        EscalationRule everyDayTwoHours = new EscalationRule(2, 8, 20, EnumSet.allOf(DayOfWeek.class));
        assertThat(everyDayTwoHours.deadline(london("2026-03-07T19:00"), LONDON)).isEqualTo(london("2026-03-08T09:00"));
        assertThat(everyDayTwoHours.describe()).isEqualTo("2 working hours (every day, 8:00–20:00)");
        assertThat(EscalationRule.DEFAULT.describe()).isEqualTo("4 working hours (Monday to Friday, 9:00–17:00)");
    }

    @Test
    void theClocksGoingForwardDoNotAddAnHour() {
        // 29 March 2026: London moves from GMT to BST; Monday 30 March counts 9:00–17:00 local time.
        assertThat(EscalationRule.DEFAULT.deadline(london("2026-03-27T16:00"), LONDON)).isEqualTo(london("2026-03-30T12:00"));
    }
}
