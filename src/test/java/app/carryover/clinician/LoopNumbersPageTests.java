package app.carryover.clinician;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.Caseload;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeLog;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The numbers and dates a therapist and a client read on their pages: practice on the morning of a
 * session counts towards it, a session nobody recorded never stays the due moment, session times say
 * their zone, and only a change of content marks an entry "edited".
 */
@CarryoverTest
class LoopNumbersPageTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    Caseload caseload;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;

    @BeforeEach
    void aPractice(Clinic clinic) {
        this.clinic = clinic;
        at("2026-03-01T08:00:00Z");
        practice = clinic.practice();
        clientId = practice.client().clientId();
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    Assignment sleepDiary(TherapySession assignedIn) {
        return assignments.compose(practice.clinician().actor(), clientId, draft("Sleep diary",
                "Each morning within an hour of getting up, write down when you went to bed and got up.")
                .rationale("So we can see your sleep pattern.").inSession(assignedIn == null ? null : assignedIn.id())
                .build());
    }

    void logAt(Assignment a, String instant) {
        at(Instant.parse(instant).plusSeconds(60).toString());
        log.log(practice.client().actor(), a.id(), entry().at(Instant.parse(instant)).build());
    }

    @Test
    void practiceOnTheMorningOfTheSessionCountsTowardsItOnEveryPage() throws Exception {
        at("2026-03-02T14:00:00Z");
        TherapySession monday = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 3, 2, 15, 0), 50);
        TherapySession next = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 3, 9, 15, 0), 50);
        at("2026-03-02T15:40:00Z");
        sessions.setStatus(practice.clinician().actor(), clientId, monday.id(), SessionStatus.HELD);
        Assignment diary = sleepDiary(monday);
        logAt(diary, "2026-03-03T07:30:00Z");
        logAt(diary, "2026-03-04T07:30:00Z");
        logAt(diary, "2026-03-05T07:30:00Z");
        logAt(diary, "2026-03-09T07:45:00Z");

        at("2026-03-09T12:00:00Z");
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).contains("4 of 7 since your session on Monday 2 March")
                .contains("Due by your session on Monday 9 March at 15:00");

        at("2026-03-09T15:02:00Z");
        WebSession clinician = clinic.signIn(practice.clinician());
        clinician.perform(post("/clients/" + clientId + "/sessions/" + next.id() + "/status").param("status", "HELD"));
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id()))
                .contains("Done 4 of 7 expected");
        logAt(diary, "2026-03-09T16:10:00Z");
        assertThat(clinician.read("/clients/" + clientId + "/assignments/" + diary.id()))
                .contains("Done 4 of 7")
                .contains("4 entries count towards this period (practice before the session of Mon 9 Mar 2026, 15:00); 1 came after it.")
                .contains("Mon 9 Mar 2026, 07:45");
    }

    @Test
    void aSessionNobodyRecordedIsNeverTheDueMomentAndTheClinicianIsAskedToRecordIt() throws Exception {
        at("2026-12-01T09:00:00Z");
        TherapySession fifth = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 12, 5, 10, 0), 50);
        sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 12, 12, 10, 0), 50);
        sleepDiary(null);

        at("2026-12-08T09:00:00Z");
        WebSession client = clinic.signIn(practice.client());
        String today = client.read("/today");
        assertThat(today).contains("Due by your session on Saturday 12 December at 10:00")
                .contains("Your next session: Saturday 12 December at 10:00")
                // the unrecorded session is named nowhere (5 December may still be offered as a day to log late)
                .doesNotContain("5 December at").doesNotContain("session on Saturday 5 December");

        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload"))
                .contains("Session of Sat 5 Dec 2026, 10:00 London time is not recorded: was it held?");
        assertThat(clinician.read("/clients/" + clientId))
                .contains("The session of Sat 5 Dec 2026, 10:00 London time has ended but is not recorded. Was it held?")
                .contains("Sat 5 Dec 2026, 10:00 — not recorded yet");

        MvcResult held = clinician.perform(post("/clients/" + clientId + "/sessions/" + fifth.id() + "/status")
                .param("status", "HELD").param("back", "caseload"));
        assertThat(held.getResponse().getRedirectedUrl()).isEqualTo("/caseload");
        assertThat(clinician.read("/caseload")).contains("1 not reviewed").doesNotContain("is not recorded");
        assertThat(client.read("/today"))
                .contains("To go through with your clinician at your next session, Saturday 12 December at 10:00")
                .doesNotContain("Due by your session on Saturday 5 December");
    }

    @Test
    void sessionTimesSayTheirZoneAndTheClientsOwnWhenItDiffers() throws Exception {
        at("2026-03-02T09:00:00Z");
        caseload.changeTimeZone(practice.clinician().actor(), clientId, "Europe/Berlin");
        TherapySession s = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 3, 10, 11, 0), 50);
        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload"))
                .contains("Next session: Tue 10 Mar 2026, 10:00 London time (11:00 Berlin time for the client)");
        assertThat(clinician.read("/clients/" + clientId))
                .contains("Next: Tue 10 Mar 2026, 10:00 London time (11:00 Berlin time for the client)")
                .contains("Times on this page are London time");
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + s.id()))
                .contains("Session, Tuesday 10 March 2026, 10:00").contains("London time · 11:00 Berlin time for the client");
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).as("the client reads their own time").contains("Tuesday 10 March at 11:00");
    }

    @Test
    void addingARatingAfterDoneIsNoEditButChangingItIs() throws Exception {
        at("2026-03-02T09:00:00Z");
        Assignment diary = sleepDiary(null);
        at("2026-03-03T08:00:00Z");
        WebSession client = clinic.signIn(practice.client());
        MvcResult done = client.perform(post("/today/assignments/" + diary.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString()));
        String entryId = done.getResponse().getRedirectedUrl().replaceAll(".*logged=", "");
        client.perform(post("/today/entries/" + entryId).param("rating", "7").param("note", "Slept better"));

        WebSession clinician = clinic.signIn(practice.clinician());
        String page = clinician.read("/clients/" + clientId + "/assignments/" + diary.id());
        assertThat(page).contains("7/10").contains("“Slept better”").doesNotContain("edited");
        assertThat(clinician.read("/clients/" + clientId + "/entries/" + entryId)).doesNotContain("edited");

        client.perform(post("/history/entries/" + entryId).param("rating", "5").param("note", "Slept better"));
        assertThat(clinician.read("/clients/" + clientId + "/assignments/" + diary.id())).contains("5/10").contains("edited");
    }
}
