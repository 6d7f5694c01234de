package app.carryover.clinician;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.Caseload;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dates a therapist or client types are checked and shown with their year; the calendar refuses a
 * second session at the same time, repeats weekly in the client's zone, and lets a session be moved
 * (alone or with the rest of its series) or deleted when nothing hangs on it.
 */
@CarryoverTest
class DatesAndCalendarTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    Caseload caseload;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    String client;
    WebSession clinician;

    @BeforeEach
    void signIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-01T09:00:00Z"));
        practice = clinic.practice();
        clientId = practice.client().clientId();
        client = "/clients/" + clientId;
        clinician = clinic.signIn(practice.clinician());
    }

    /** Schedules through the client page's form and answers the page it leads back to. */
    String schedule(String date, String time, String... more) throws Exception {
        var request = post(client + "/sessions").param("date", date).param("time", time).param("durationMinutes", "50");
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        MvcResult result = clinician.perform(request);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(client + "#sessions");
        return clinician.follow(result);
    }

    long sessionCount() {
        return jdbc.sql("SELECT count(*) FROM session_participant WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), clientId).query(Long.class).single();
    }

    @Test
    void aSecondSessionAtTheSameTimeIsRefusedSayingWhichAndKeepingWhatWasTyped() throws Exception {
        assertThat(schedule("2026-03-10", "17:00")).contains("Session scheduled.");
        clinician.perform(post(client + "/sessions").param("date", "2026-03-10").param("time", "17:30")
                .param("durationMinutes", "50"));
        MvcResult back = clinician.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(client));
        assertThat(back.getResponse().getContentAsString()).as("the typed time comes back").contains("value=\"17:30\"");
        String page = WebSession.textOf(back);
        assertThat(page).contains("Not scheduled: please correct what is marked below.")
                .contains("Kim Client already has a session then: Tue 10 Mar 2026, 17:00–17:50 (London time). "
                        + "Move or cancel it first, or choose another time.");
        assertThat(sessionCount()).isEqualTo(1);

        MvcResult api = clinician.perform(post("/api/v1" + client + "/sessions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startsAt\":\"2026-03-10T17:00:00\",\"durationMinutes\":50}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(api.getResponse().getContentAsString());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("startsAt");
        assertThat(sessionCount()).isEqualTo(1);

        TherapySession first = sessions.list(practice.clinician().actor(), clientId).get(0);
        sessions.setStatus(practice.clinician().actor(), clientId, first.id(), SessionStatus.CANCELLED);
        schedule("2026-03-10", "17:00");
        assertThat(sessionCount()).as("a cancelled session frees its hour").isEqualTo(2);
    }

    @Test
    void weeklySessionsKeepTheClientsLocalTimeAcrossTheClockChangeAndMakeTheNextSessionADueMoment() throws Exception {
        caseload.changeTimeZone(practice.clinician().actor(), clientId, "America/New_York");
        String page = schedule("2026-03-03", "17:00", "everyWeeks", "1", "repeatCount", "8");
        assertThat(page).contains("Sessions scheduled: Every week on Tuesday at 17:00, 8 sessions from Tue 3 Mar 2026 to "
                + "Tue 21 Apr 2026.");
        List<TherapySession> all = sessions.list(practice.clinician().actor(), clientId);
        assertThat(all).hasSize(8).allMatch(s -> s.seriesId() != null);
        assertThat(all).extracting(s -> s.startsIn(ZoneId.of("America/New_York")).toLocalTime().toString())
                .containsOnly("17:00");
        assertThat(all.get(0).startsAt()).isEqualTo(Instant.parse("2026-03-03T22:00:00Z"));
        assertThat(all.get(1).startsAt()).as("after the US clocks go forward").isEqualTo(Instant.parse("2026-03-10T21:00:00Z"));
        assertThat(page).contains("Tue 10 Mar 2026, 21:00 (17:00 New York time for the client) — scheduled · in a series");

        Assignment walk = assignments.compose(practice.clinician().actor(), clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").build());
        WebSession phone = clinic.signIn(practice.client());
        assertThat(phone.read("/today")).contains("Due by your session on Tuesday 3 March at 17:00");
        assertThat(walk.id()).isNotNull();

        assertThat(schedule("2026-05-05", "09:00", "everyWeeks", "2", "repeatUntil", "2026-06-02")).contains("Every 2 weeks on Tuesday at 09:00, 3 sessions from Tue 5 May 2026 to "
                + "Tue 2 Jun 2026.");
        assertThat(schedule("2026-04-14", "17:30", "everyWeeks", "1", "repeatCount", "3")).contains("already has sessions then: Tue 14 Apr 2026, 17:00–17:50; "
                + "Tue 21 Apr 2026, 17:00–17:50 (New York time)");
        assertThat(sessionCount()).as("nothing of a refused series is kept").isEqualTo(11);
    }

    @Test
    void aSessionMovesAloneOrWithTheRestOfItsSeries() throws Exception {
        schedule("2026-03-03", "17:00", "everyWeeks", "1", "repeatCount", "6");
        List<TherapySession> all = sessions.list(practice.clinician().actor(), clientId);
        String third = client + "/sessions/" + all.get(2).id();
        assertThat(clinician.follow(clinician.perform(post(third + "/move").param("date", "2026-03-18").param("time", "18:00")
                .param("durationMinutes", "50").param("following", "true"))))
                .contains("Moved this session and the following ones of its series (6 in the series now).");
        List<TherapySession> moved = sessions.list(practice.clinician().actor(), clientId);
        assertThat(moved).extracting(s -> s.startsIn(ZoneId.of("Europe/London")).toLocalDateTime().toString())
                .containsExactly("2026-03-03T17:00", "2026-03-10T17:00", "2026-03-18T18:00", "2026-03-25T18:00",
                        "2026-04-01T18:00", "2026-04-08T18:00");

        String second = client + "/sessions/" + all.get(1).id();
        assertThat(clinician.follow(clinician.perform(post(second + "/move").param("date", "2026-03-12").param("time", "08:30")
                .param("durationMinutes", "50").param("following", "false")))).contains("Session moved to Thu 12 Mar 2026, 08:30")
                .contains("Session, Thursday 12 March 2026, 08:30")
                .contains("Session 2 of 6 in a series")
                .contains("Moved; first scheduled for Tue 10 Mar 2026, 17:00 London time.");
        assertThat(clinician.read(client)).contains("Thu 12 Mar 2026, 08:30 — scheduled · in a series · moved");

        assertThat(clinician.follow(clinician.perform(post(second + "/move").param("date", "2026-03-18").param("time", "18:30")
                .param("durationMinutes", "50").param("following", "false")))).contains("Not moved: please correct what is marked below.")
                .contains("already has a session then: Wed 18 Mar 2026, 18:00–18:50");
    }

    @Test
    void aSessionIsDeletedOnlyWhenNothingHangsOnItAndThePageSaysWhatDoes() throws Exception {
        schedule("2026-03-03", "17:00");
        schedule("2026-03-10", "17:00", "everyWeeks", "1", "repeatCount", "3");
        List<TherapySession> all = sessions.list(practice.clinician().actor(), clientId);
        TherapySession first = all.get(0);
        clock.set(Instant.parse("2026-03-03T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, first.id(), SessionStatus.HELD);
        assignments.compose(practice.clinician().actor(), clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").inSession(first.id()).build());
        sessions.saveNotes(practice.clinician().actor(), clientId, all.get(2).id(), "Plan: exposure hierarchy");

        assertThat(clinician.read(client + "/sessions/" + first.id()))
                .contains("It cannot be deleted: it was held; 1 assignment was set in it.").doesNotContain("Delete this session");
        MvcResult refused = clinician.perform(delete("/api/v1" + client + "/sessions/" + first.id()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString()).contains("it was held; 1 assignment was set in it");

        String second = client + "/sessions/" + all.get(1).id();
        assertThat(clinician.read(second)).contains("Delete this session");
        assertThat(clinician.follow(clinician.perform(post(second + "/delete").param("following", "true")))).contains("2 sessions deleted. Kept 1 that something hangs on.");
        assertThat(sessions.list(practice.clinician().actor(), clientId)).extracting(TherapySession::id)
                .containsExactly(first.id(), all.get(2).id());
    }

    @Test
    void aGoalDateInThePastIsRefusedAndGoalDatesAreShownWithTheirYear() throws Exception {
        MvcResult past = clinician.perform(post(client + "/goals").param("statement", "Sleep through the night")
                .param("targetKind", "METRIC").param("metric", "nights a week").param("comparator", "AT_LEAST")
                .param("targetValue", "5").param("targetDate", "2020-01-01"));
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(past)).contains("Date is in the past (Wed 1 Jan 2020); choose today or a later date");
        assertThat(past.getResponse().getContentAsString()).contains("Sleep through the night");

        clinician.follow(clinician.perform(post(client + "/goals").param("statement", "Sleep through the night")
                .param("targetKind", "METRIC").param("metric", "nights a week").param("comparator", "AT_LEAST")
                .param("targetValue", "5").param("targetDate", "2027-01-01")));
        TherapySession next = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 3, 10, 17, 0), 50);
        assertThat(clinician.read(client + "/sessions/" + next.id() + "/brief"))
                .contains("Sleep through the night — nights a week: at least 5, by Fri 1 Jan 2027");
    }

    @Test
    void aBedtimeSixMonthsAheadIsRefusedBesideItsQuestion() throws Exception {
        Assignment diary = assignments.compose(practice.clinician().actor(), clientId, draft("Sleep diary",
                "Fill in the sleep diary each morning within an hour of getting up.")
                .worksheet(BuiltInWorksheets.SLEEP_DIARY).build());
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        WebSession phone = clinic.signIn(practice.client());
        String path = "/today/assignments/" + diary.id() + "/worksheet";
        MvcResult ahead = phone.perform(post(path).param("submissionId", UUID.randomUUID().toString())
                .param("night_of", "2026-09-01").param("into_bed", "23:00").param("sleep_latency", "20")
                .param("awakenings", "0").param("final_waking", "06:30").param("out_of_bed", "07:00").param("quality", "6"));
        assertThat(ahead.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(ahead)).contains("Enter the date it happened: Tue 1 Sep 2026 is after the day you are "
                + "recording (Mon 2 Mar 2026).");
        assertThat(ahead.getResponse().getContentAsString()).as("what was typed stays").contains("value=\"23:00\"");

        MvcResult api = phone.perform(post("/api/v1/me/assignments/" + diary.id() + "/entries")
                .contentType(MediaType.APPLICATION_JSON).content("{\"clientEntryId\":\"" + UUID.randomUUID() + "\",\"answers\":"
                        + "{\"night_of\":\"2026-09-01\",\"into_bed\":\"23:00\",\"sleep_latency\":20,\"awakenings\":0,"
                        + "\"final_waking\":\"06:30\",\"out_of_bed\":\"07:00\",\"quality\":6}}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(api.getResponse().getContentAsString()).get("errors").findValuesAsString("field"))
                .containsExactly("answers.night_of");
        MvcResult lastNight = phone.perform(post(path).param("submissionId", UUID.randomUUID().toString())
                .param("night_of", "2026-03-01").param("into_bed", "23:00").param("sleep_latency", "20")
                .param("awakenings", "0").param("final_waking", "06:30").param("out_of_bed", "07:00").param("quality", "6"));
        assertThat(lastNight.getResponse().getRedirectedUrl()).startsWith("/today?logged=");
    }
}
