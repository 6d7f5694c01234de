package app.carryover.sessions;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.homework.Assignments;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's sessions as the therapist keeps them: what may be moved, held or deleted and what the page
 * and the API say when it may not, no double booking, series that repeat, and what the client sees.
 * It is Monday 2 March 2026 in London; the client is in London.
 */
@CarryoverTest
@ExtendWith(PublishedEventsExtension.class)
class SessionsTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;

    final JsonMapper json = JsonMapper.builder().build();
    Clinic clinic;
    Actor therapist;
    UUID clientId;
    String client;
    WebSession clinician;

    @BeforeEach
    void aClinicianSignedIn(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        this.clinic = clinic;
        therapist = clinic.clinician().actor();
        clientId = clinic.clientId();
        client = clinic.clientPage();
        clinician = clinic.signIn(clinic.clinician());
    }

    MvcResult api(MockHttpServletRequestBuilder request, String body) throws Exception {
        return clinician.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode problem(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(result.getResponse().getContentAsString());
    }

    List<String> localStarts() {
        return sessions.list(therapist, clientId).stream().map(s -> s.startsIn(LONDON).toLocalDateTime().toString()).toList();
    }

    @Test
    void aSessionNotYetStartedCannotBeHeldAndAHeldOneCannotBeMoved() throws Exception {
        TherapySession tuesday = sessions.schedule(therapist, clientId, LocalDateTime.of(2026, 3, 3, 17, 0), 50);
        String path = "/api/v1" + client + "/sessions/" + tuesday.id();

        MvcResult early = api(put(path + "/status"), "{\"status\":\"HELD\"}");
        assertThat(early.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(early).get("errors").findValuesAsString("message"))
                .containsExactly("a session that has not started yet cannot be held or missed");

        clock.set(Instant.parse("2026-03-03T17:10:00Z"));
        assertThat(json.readTree(api(put(path + "/status"), "{\"status\":\"HELD\"}").getResponse().getContentAsString())
                .get("status").asString()).isEqualTo("HELD");
        MvcResult move = api(put(path), "{\"startsAt\":\"2026-03-05T10:00:00\"}");
        assertThat(move.getResponse().getStatus()).isEqualTo(409);
        assertThat(problem(move).get("detail").asString()).isEqualTo("Only a scheduled session can be moved; this one is held.");
        assertThat(clinician.read(client + "/sessions/" + tuesday.id())).contains("Session, Tuesday 3 March 2026, 17:00")
                .contains("held").doesNotContain("Move it:");
        assertThat(localStarts()).containsExactly("2026-03-03T17:00");
    }

    @Test
    void anHourTheClocksSkipIsRefusedNamingItAndAnOverlapIsRefusedEvenWhenOnlyTheEndsMeet() throws Exception {
        clinician.perform(post(client + "/sessions").param("date", "2026-03-29").param("time", "01:30")
                .param("durationMinutes", "50"));
        MvcResult back = clinician.perform(get(client));
        assertThat(WebSession.textOf(back)).contains("Not scheduled: please correct what is marked below.")
                .contains("Sun 29 Mar 2026 at 01:30 does not exist in Europe/London (the clocks skip that hour)");
        assertThat(back.getResponse().getContentAsString()).as("the typed date comes back").contains("value=\"2026-03-29\"");

        sessions.schedule(therapist, clientId, LocalDateTime.of(2026, 3, 10, 17, 0), 50);
        MvcResult longer = api(post("/api/v1" + client + "/sessions"),
                "{\"startsAt\":\"2026-03-10T16:00:00\",\"durationMinutes\":90}");
        assertThat(longer.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(longer).get("errors").findValuesAsString("message")).containsExactly(
                "Kim Client already has a session then: Tue 10 Mar 2026, 17:00–17:50 (London time). "
                        + "Move or cancel it first, or choose another time.");
        assertThat(api(post("/api/v1" + client + "/sessions"), "{\"startsAt\":\"2026-03-10T16:10:00\"}")
                .getResponse().getStatus()).as("ending as the other begins is no clash").isEqualTo(201);
        assertThat(localStarts()).containsExactly("2026-03-10T16:10", "2026-03-10T17:00");

        MvcResult tooLong = api(post("/api/v1" + client + "/sessions"),
                "{\"startsAt\":\"2026-03-11T09:00:00\",\"durationMinutes\":601}");
        assertThat(problem(tooLong).get("errors").findValuesAsString("field")).containsExactly("durationMinutes");
    }

    @Test
    void movingASessionOntoAnotherIsRefusedAndAMoveIsPublishedWithItsNewStart(AssertablePublishedEvents events)
            throws Exception {
        TherapySession tuesday = sessions.schedule(therapist, clientId, LocalDateTime.of(2026, 3, 10, 17, 0), 50);
        TherapySession thursday = sessions.schedule(therapist, clientId, LocalDateTime.of(2026, 3, 12, 9, 0), 50);

        MvcResult clash = api(put("/api/v1" + client + "/sessions/" + thursday.id()), "{\"startsAt\":\"2026-03-10T17:20:00\"}");
        assertThat(clash.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(clash).get("errors").findValuesAsString("field")).containsExactly("startsAt");
        assertThat(events.ofType(SessionRescheduled.class)).as("nothing moved, nothing published").isEmpty();

        MvcResult moved = api(put("/api/v1" + client + "/sessions/" + thursday.id()), "{\"startsAt\":\"2026-03-12T18:00:00\"}");
        assertThat(moved.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(moved.getResponse().getContentAsString()).get("firstStartsAt").asString())
                .isEqualTo("2026-03-12T09:00:00Z");
        events.assertThat().contains(SessionRescheduled.class)
                .matching(SessionRescheduled::sessionId, thursday.id())
                .matching(SessionRescheduled::startsAt, Instant.parse("2026-03-12T18:00:00Z"));
        assertThat(localStarts()).containsExactly("2026-03-10T17:00", "2026-03-12T18:00");
        assertThat(sessions.get(therapist, clientId, tuesday.id()).firstStartsAt()).as("the other stayed put").isNull();
    }

    @Test
    void aSeriesIsRefusedWholeWhenItCannotRepeatAndTheApiAnswersItsRule() throws Exception {
        MvcResult once = api(post("/api/v1" + client + "/session-series"),
                "{\"firstDate\":\"2026-03-03\",\"time\":\"17:00\",\"everyWeeks\":2,\"until\":\"2026-03-10\"}");
        assertThat(once.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(once).get("errors").findValuesAsString("message"))
                .containsExactly("leaves only one session; schedule it on its own");

        MvcResult neither = api(post("/api/v1" + client + "/session-series"),
                "{\"firstDate\":\"2026-03-03\",\"time\":\"17:00\",\"everyWeeks\":5}");
        assertThat(problem(neither).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("everyWeeks",
                "repeatCount");

        MvcResult past = api(post("/api/v1" + client + "/session-series"),
                "{\"firstDate\":\"2026-02-03\",\"time\":\"17:00\",\"count\":4}");
        assertThat(problem(past).get("errors").findValuesAsString("message"))
                .containsExactly("a series starts today or later; record past sessions one by one");
        assertThat(localStarts()).isEmpty();

        MvcResult made = api(post("/api/v1" + client + "/session-series"),
                "{\"firstDate\":\"2026-03-03\",\"time\":\"17:00\",\"everyWeeks\":2,\"until\":\"2026-04-14\"}");
        assertThat(made.getResponse().getStatus()).isEqualTo(201);
        assertThat(json.readTree(made.getResponse().getContentAsString()).get("rule").asString())
                .isEqualTo("Every 2 weeks on Tuesday at 17:00, 4 sessions from Tue 3 Mar 2026 to Tue 14 Apr 2026");
        assertThat(localStarts()).containsExactly("2026-03-03T17:00", "2026-03-17T17:00", "2026-03-31T17:00",
                "2026-04-14T17:00");
        assertThat(clinician.read(client)).contains("Tue 31 Mar 2026, 17:00 — scheduled · in a series");
    }

    @Test
    void deletingASeriesThroughTheApiAnswersWhatWentAndWhatStaysAndHomeworkFollowsTheNextSession() throws Exception {
        api(post("/api/v1" + client + "/session-series"), "{\"firstDate\":\"2026-03-03\",\"time\":\"17:00\",\"count\":3}");
        List<TherapySession> all = sessions.list(therapist, clientId);
        sessions.saveNotes(therapist, clientId, all.get(1).id(), "Plan: the bus, two stops");
        assignments.compose(therapist, clientId, draft("Evening walk", "Walk for 20 minutes after dinner.").build());
        WebSession kim = clinic.signIn(clinic.client());
        assertThat(kim.read("/today")).contains("Due by your session on Tuesday 3 March at 17:00");

        MvcResult deleted = clinician.perform(delete("/api/v1" + client + "/sessions/" + all.get(0).id())
                .param("following", "true"));
        assertThat(deleted.getResponse().getStatus()).isEqualTo(200);
        JsonNode done = json.readTree(deleted.getResponse().getContentAsString());
        assertThat(done.get("deleted").findValuesAsString("id")).containsExactly(all.get(0).id().toString(),
                all.get(2).id().toString());
        assertThat(done.get("kept").findValuesAsString("id")).containsExactly(all.get(1).id().toString());
        assertThat(localStarts()).containsExactly("2026-03-10T17:00");
        assertThat(kim.read("/today")).as("the homework now falls due at the session that stayed")
                .contains("Due by your session on Tuesday 10 March at 17:00");
    }

    @Test
    void theClientSeesTheirSessionsWithoutNotesAndNoOneOffTheCareTeamSeesThem() throws Exception {
        TherapySession tuesday = sessions.schedule(therapist, clientId, LocalDateTime.of(2026, 3, 3, 17, 0), 50);
        assertThat(clinician.follow(clinician.perform(post(client + "/sessions/" + tuesday.id() + "/notes")
                .param("notes", "Talked about the bus; plan two stops")))).contains("Notes saved.")
                .contains("Talked about the bus; plan two stops");

        WebSession kim = clinic.signIn(clinic.client());
        String body = kim.perform(get("/api/v1/me/sessions")).getResponse().getContentAsString();
        assertThat(json.readTree(body).findValuesAsString("id")).containsExactly(tuesday.id().toString());
        assertThat(body).as("the notes are the clinician's").doesNotContain("Talked about the bus");
        assertThat(kim.perform(get("/api/v1" + client + "/sessions/" + tuesday.id())).getResponse().getStatus())
                .isEqualTo(403);

        WebSession other = clinic.signIn(clinic.practice().otherClinician());
        assertThat(other.perform(get(client + "/sessions/" + tuesday.id())).getResponse().getStatus())
                .as("off the care team: not there").isEqualTo(404);
        assertThat(other.perform(post(client + "/sessions/" + tuesday.id() + "/delete")).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(localStarts()).containsExactly("2026-03-03T17:00");
    }
}
