package app.carryover.homework;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * Adherence week by week on its own, on the real database: weeks run Monday to Sunday in each client's own
 * time zone, a week counts only the days of the assignment's period up to today, the daily cap holds, the due
 * day counts in its week, several clients come back from one call, and a reviewed assignment carries its
 * quality ratings.
 */
@CarryoverTest
class AdherenceHistoryTests {

    @Autowired
    TestClock clock;
    @Autowired
    AdherenceHistory history;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    Sessions sessions;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    Caseload caseload;

    Clinic clinic;
    TestPractice practice;
    Actor clinician;

    @BeforeEach
    void aPractice(Clinic clinic) {
        this.clinic = clinic;
        at("2026-03-02T08:00:00Z");
        practice = clinic.practice();
        clinician = practice.clinician().actor();
    }

    @Test
    void weeksRunMondayToSundayInTheClientsZoneWithTheDailyCapAndTheDueDay() {
        // Kim (London): daily from Wednesday 4 March to Wednesday 11 March 2026; practised Wed, Thu, twice on
        // Friday, and Tuesday the 10th.
        Person kim = practice.client();
        at("2026-03-04T09:00:00Z");
        Assignment walk = assignments.compose(clinician, kim.clientId(), draft("Evening walk", "Walk for 20 minutes.")
                .rationale("Moving lifts the mood.").starting(LocalDate.of(2026, 3, 4)).due(LocalDate.of(2026, 3, 11))
                .build());
        for (String at : List.of("2026-03-04T18:00:00Z", "2026-03-05T18:00:00Z", "2026-03-06T08:00:00Z",
                "2026-03-06T18:00:00Z", "2026-03-10T18:00:00Z")) {
            logAt(kim, walk, at);
        }
        // Ada (Berlin): daily from Monday 2 March to Monday 9 March; her only entry at 23:30 UTC on Sunday the
        // 8th, which is 00:30 on Monday the 9th where she lives: her due day, in the week of 9 March.
        at("2026-03-02T08:00:00Z");
        Person ada = clinic.newClient("Ada Berlin", ZoneId.of("Europe/Berlin"));
        Assignment breathe = assignments.compose(clinician, ada.clientId(), draft("Slow breathing", "Breathe slowly for five minutes.")
                .rationale("It calms the body.").starting(LocalDate.of(2026, 3, 2)).due(LocalDate.of(2026, 3, 9)).build());
        logAt(ada, breathe, "2026-03-08T23:30:00Z");

        at("2026-03-12T12:00:00Z");
        List<ClientRecord> both = List.of(record(kim), record(ada));
        AdherenceHistory.History all = history.weekly(practice.id(), both, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 12));
        assertThat(all.weeks()).containsExactlyInAnyOrder(
                // Wed–Sun expected, Friday's second walk logged but capped at one a day
                new AdherenceHistory.Week(kim.clientId(), walk.id(), LocalDate.of(2026, 3, 2), 5, 3, 4),
                // Mon, Tue and the due day Wednesday
                new AdherenceHistory.Week(kim.clientId(), walk.id(), LocalDate.of(2026, 3, 9), 3, 1, 1),
                new AdherenceHistory.Week(ada.clientId(), breathe.id(), LocalDate.of(2026, 3, 2), 7, 0, 0),
                new AdherenceHistory.Week(ada.clientId(), breathe.id(), LocalDate.of(2026, 3, 9), 1, 1, 1));
        AdherenceHistory.AssignmentFacts facts = all.assignments().get(walk.id());
        assertThat(facts.title()).isEqualTo("Evening walk");
        assertThat(facts.clientId()).isEqualTo(kim.clientId());
        assertThat(facts.worksheetKey()).isNull();
        assertThat(facts.clinicianRating()).isNull();
        assertThat(all.assignments()).containsOnlyKeys(walk.id(), breathe.id());

        // from the week of 9 March only
        assertThat(history.weekly(practice.id(), both, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12)).weeks())
                .extracting(AdherenceHistory.Week::monday).containsOnly(LocalDate.of(2026, 3, 9));
        // up to Sunday the 8th: Kim's first week whole, nothing of the next
        assertThat(history.weekly(practice.id(), List.of(record(kim)), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8))
                .weeks()).containsExactly(new AdherenceHistory.Week(kim.clientId(), walk.id(), LocalDate.of(2026, 3, 2), 5, 3, 4));
        // one client asked for: the other's weeks are not there
        assertThat(history.weekly(practice.id(), List.of(record(ada)), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 12))
                .weeks()).extracting(AdherenceHistory.Week::clientId).containsOnly(ada.clientId());
    }

    @Test
    void theCurrentWeekCountsOnlyTheDaysSoFar() {
        Person kim = practice.client();
        at("2026-03-02T09:00:00Z");
        Assignment walk = assignments.compose(clinician, kim.clientId(), draft("Evening walk", "Walk for 20 minutes.")
                .rationale("Moving lifts the mood.").starting(LocalDate.of(2026, 3, 2)).due(LocalDate.of(2026, 3, 16))
                .build());
        logAt(kim, walk, "2026-03-09T18:00:00Z");
        // Wednesday 11 March, midday: Monday to Wednesday of the week so far
        at("2026-03-11T12:00:00Z");
        assertThat(history.weekly(practice.id(), List.of(record(kim)), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 31))
                .weeks()).containsExactly(new AdherenceHistory.Week(kim.clientId(), walk.id(), LocalDate.of(2026, 3, 9), 3, 1, 1));
    }

    @Test
    void aReviewedAssignmentCarriesItsQualityRatings() {
        Person kim = practice.client();
        at("2026-03-02T09:00:00Z");
        TherapySession session = sessions.schedule(clinician, kim.clientId(), LocalDateTime.of(2026, 3, 9, 10, 0), 50);
        Assignment walk = assignments.compose(clinician, kim.clientId(), draft("Evening walk", "Walk for 20 minutes.")
                .rationale("Moving lifts the mood.").starting(LocalDate.of(2026, 3, 2)).due(LocalDate.of(2026, 3, 9))
                .build());
        logAt(kim, walk, "2026-03-03T18:00:00Z");
        at("2026-03-09T10:05:00Z");
        sessions.setStatus(clinician, kim.clientId(), session.id(), SessionStatus.HELD);
        AdherenceHistory.History before = history.weekly(practice.id(), List.of(record(kim)), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 9));
        assertThat(before.assignments().get(walk.id()).unreviewed()).isTrue();

        reviews.decide(clinician, kim.clientId(), session.id(), walk.id(), new HomeworkReviews.ReviewInput(
                ReviewDecision.COMPLETE, 3, 2, List.of(), null, null));
        AdherenceHistory.AssignmentFacts facts = history.weekly(practice.id(), List.of(record(kim)),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)).assignments().get(walk.id());
        assertThat(facts.clinicianRating()).isEqualTo(3);
        assertThat(facts.clientRating()).isEqualTo(2);
        assertThat(facts.unreviewed()).isFalse();
        assertThat(facts.open()).isFalse();
    }

    private ClientRecord record(Person person) {
        return caseload.find(practice.id(), person.clientId()).orElseThrow();
    }

    private void logAt(Person client, Assignment a, String instant) {
        Instant when = Instant.parse(instant);
        clock.set(when);
        log.log(client.actor(), a.id(), entry().at(when).build());
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
