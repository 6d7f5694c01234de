package app.carryover.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's treatment goals as the care team and the client see them: the target in words, its date
 * with the year, every change kept as a version, refusals that name the field and keep what was typed.
 * It is 3 March 2026 in London.
 */
@CarryoverTest
class GoalsTests {

    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Clinic clinic;
    String client;
    WebSession clinician;

    @BeforeEach
    void aClinicianSignedIn(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        this.clinic = clinic;
        client = clinic.clientPage();
        clinician = clinic.signIn(clinic.clinician());
    }

    MockHttpServletRequestBuilder sleepGoal(String targetDate) {
        return post(client + "/goals").param("statement", "Sleep through the night")
                .param("whyItMatters", "So I can enjoy mornings with the children").param("targetKind", "METRIC")
                .param("metric", "nights a week slept through").param("comparator", "AT_LEAST").param("targetValue", "5")
                .param("baseline", "1").param("targetDate", targetDate);
    }

    String goalPage() {
        String id = jdbc.sql("SELECT id::text FROM goal WHERE practice_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(clinic.id()).query(String.class).single();
        return client + "/goals/" + id;
    }

    long goals() {
        return jdbc.sql("SELECT count(*) FROM goal WHERE practice_id = ?").param(clinic.id()).query(Long.class).single();
    }

    MvcResult api(MockHttpServletRequestBuilder request, String body) throws Exception {
        return clinician.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aNewGoalShowsItsTargetInWordsOnTheClientPageAndItsDateWithTheYearInItsHistory() throws Exception {
        MvcResult added = clinician.perform(sleepGoal("2027-01-15"));
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(client);
        assertThat(clinician.follow(added)).contains("Goal added.")
                .contains("Sleep through the night — nights a week slept through: at least 5 (from 1) (active)");

        String page = clinician.read(goalPage());
        assertThat(page).contains("Sleep through the night").contains("active nights a week slept through: at least 5 (from 1)")
                .contains("Version 1 , 3 Mar 2026 09:00 : Sleep through the night — nights a week slept through: at least 5 "
                        + "(from 1), by Fri 15 Jan 2027 (active) — created");
        assertThat(clinician.perform(get(goalPage())).getResponse().getContentAsString())
                .as("the date field keeps the date, year and all").contains("value=\"2027-01-15\"");
    }

    @Test
    void aChangeIsAVersionWithItsNoteAndAStaleFormIsRefusedWithoutLosingTheOtherChange() throws Exception {
        clinician.perform(sleepGoal("2027-01-15"));
        String goal = goalPage();
        clock.set(Instant.parse("2026-03-10T17:30:00Z"));
        MvcResult saved = clinician.perform(post(goal).param("statement", "Sleep through most nights")
                .param("targetKind", "METRIC").param("metric", "nights a week slept through").param("comparator", "AT_LEAST")
                .param("targetValue", "4").param("baseline", "1").param("targetDate", "2027-01-15").param("version", "1")
                .param("note", "Five felt out of reach"));
        assertThat(clinician.follow(saved)).contains("Goal saved; the earlier version is in its history.")
                .contains("Version 2 , 10 Mar 2026 17:30 : Sleep through most nights — nights a week slept through: at least 4 "
                        + "(from 1), by Fri 15 Jan 2027 (active) — Five felt out of reach")
                .contains("Version 1 , 3 Mar 2026 09:00 : Sleep through the night");

        MvcResult stale = clinician.perform(post(goal).param("statement", "Sleep every night").param("targetKind", "METRIC")
                .param("metric", "nights a week slept through").param("comparator", "AT_LEAST").param("targetValue", "7")
                .param("targetDate", "2027-01-15").param("version", "1"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(WebSession.textOf(stale)).contains("Someone changed this goal meanwhile; reload it and try again.");
        assertThat(clinician.read(goal)).contains("Sleep through most nights").doesNotContain("Sleep every night");
    }

    @Test
    void aMeasureTargetOutsideTheQuestionnairesRangeIsRefusedBesideItsFieldKeepingWhatWasTyped() throws Exception {
        MvcResult refused = clinician.perform(post(client + "/goals").param("statement", "Feel calmer at work")
                .param("targetKind", "MEASURE").param("measure", "GAD7").param("comparator", "BELOW")
                .param("targetValue", "30").param("baseline", "15"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(refused)).contains("Not saved: please correct the fields marked below.")
                .contains("Target must be between 0 and 21 for GAD-7");
        assertThat(refused.getResponse().getContentAsString()).contains("value=\"Feel calmer at work\"")
                .contains("value=\"30\"");
        assertThat(goals()).isZero();
    }

    @Test
    void aDateMoreThanTenYearsAheadIsRefusedButAnOverdueGoalKeepsItsDateWhenReworded() throws Exception {
        MvcResult far = clinician.perform(sleepGoal("2036-03-04"));
        assertThat(far.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(far)).contains("Date is more than ten years ahead (Tue 4 Mar 2036)");
        assertThat(goals()).isZero();

        clinician.perform(sleepGoal("2026-04-01"));
        String goal = goalPage();
        clock.set(Instant.parse("2026-05-05T09:00:00Z"));
        MvcResult reworded = clinician.perform(post(goal).param("statement", "Sleep through the night, most nights")
                .param("targetKind", "METRIC").param("metric", "nights a week slept through").param("comparator", "AT_LEAST")
                .param("targetValue", "5").param("targetDate", "2026-04-01").param("version", "1"));
        assertThat(clinician.follow(reworded)).contains("Goal saved")
                .contains("Sleep through the night, most nights — nights a week slept through: at least 5, by Wed 1 Apr 2026 (active)");

        MvcResult moved = clinician.perform(post(goal).param("statement", "Sleep through the night, most nights")
                .param("targetKind", "METRIC").param("metric", "nights a week slept through").param("comparator", "AT_LEAST")
                .param("targetValue", "5").param("targetDate", "2026-04-15").param("version", "2"));
        assertThat(moved.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(moved)).contains("Date is in the past (Wed 15 Apr 2026); choose today or a later date");
    }

    @Test
    void markingAGoalAchievedShowsOnItsPageAndTheClientPage() throws Exception {
        clinician.perform(sleepGoal("2027-01-15"));
        String goal = goalPage();
        assertThat(clinician.follow(clinician.perform(post(goal + "/status").param("status", "ACHIEVED"))))
                .contains("Goal marked achieved.").contains("Version 2").contains("(achieved) — now achieved");
        assertThat(clinician.read(client)).contains("Sleep through the night — nights a week slept through: at least 5 (from 1) (achieved)");
    }

    @Test
    void theApiAnswersTheGoalWithItsDateAndNamesEveryFieldItRefuses() throws Exception {
        MvcResult created = api(post("/api/v1" + client + "/goals"), """
                {"statement":"Feel calmer at work","targetKind":"MEASURE","measure":"GAD7","comparator":"BELOW",
                 "targetValue":10,"baseline":15,"targetDate":"2026-06-01"}""");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode goal = json.readTree(created.getResponse().getContentAsString());
        assertThat(goal.get("target").asString()).isEqualTo("GAD-7 below 10 (from 15)");
        assertThat(goal.get("targetDate").asString()).isEqualTo("2026-06-01");
        assertThat(goal.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(goal.get("version").asInt()).isEqualTo(1);

        MvcResult refused = api(post("/api/v1" + client + "/goals"), """
                {"statement":" ","targetKind":"METRIC","targetValue":3}""");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getResponse().getContentAsString()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("statement", "comparator", "metric");
        // The date is checked before the rest: a past date is the only field named (found here; a therapist would
        // want every problem at once).
        MvcResult past = api(post("/api/v1" + client + "/goals"), """
                {"statement":" ","targetKind":"METRIC","targetValue":3,"targetDate":"2020-01-01"}""");
        assertThat(json.readTree(past.getResponse().getContentAsString()).get("errors").findValuesAsString("field"))
                .containsExactly("targetDate");
        assertThat(goals()).isEqualTo(1);

        MvcResult stale = api(put("/api/v1" + client + "/goals/" + goal.get("id").asString()), """
                {"statement":"Feel calmer at work","targetKind":"MEASURE","measure":"GAD7","comparator":"BELOW",
                 "targetValue":8,"targetDate":"2026-06-01","version":7}""");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(json.readTree(api(get("/api/v1" + client + "/goals/" + goal.get("id").asString() + "/history"), "")
                .getResponse().getContentAsString()).findValuesAsString("summary"))
                .containsExactly("Feel calmer at work — GAD-7 below 10 (from 15), by Mon 1 Jun 2026 (active)");
    }

    @Test
    void theClientReadsTheirOwnGoalsButCannotChangeThemAndAClinicianOffTheTeamFindsNone() throws Exception {
        clinician.perform(sleepGoal("2027-01-15"));
        WebSession kim = clinic.signIn(clinic.client());
        JsonNode mine = json.readTree(kim.perform(get("/api/v1/me/goals")).getResponse().getContentAsString());
        assertThat(mine.findValuesAsString("statement")).containsExactly("Sleep through the night");
        assertThat(mine.findValuesAsString("targetDate")).containsExactly("2027-01-15");

        assertThat(kim.perform(sleepGoal("2027-02-01")).getResponse().getStatus()).isEqualTo(403);
        WebSession other = clinic.signIn(clinic.practice().otherClinician());
        assertThat(other.perform(get(goalPage())).getResponse().getStatus()).as("off the care team: not there").isEqualTo(404);
        assertThat(other.perform(get("/api/v1" + client + "/goals")).getResponse().getStatus()).isEqualTo(404);
        assertThat(goals()).isEqualTo(1);
    }
}
