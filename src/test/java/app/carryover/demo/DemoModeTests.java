package app.carryover.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.homework.CoachPanelTests;
import app.carryover.testing.WebSession;
import tools.jackson.databind.json.JsonMapper;

import app.carryover.practice.PracticeProvisioning;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.FreshDatabase;

/** Demo mode seeds a practice with people, goals and weeks of history, and never runs beside a real practice. */
@CarryoverTest
@FreshDatabase
@TestPropertySource(properties = "carryover.demo=true")
class DemoModeTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeeder seeder;
    @Autowired
    PracticeProvisioning provisioning;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoPracticeHasTwoTherapistsSixClientsAndWeeksOfHistory() {
        assertThat(count("SELECT count(*) FROM practice WHERE is_demo")).isOne();
        assertThat(count("SELECT count(*) FROM account WHERE 'CLINICIAN' = ANY (roles)")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM client")).isEqualTo(6);
        assertThat(count("SELECT count(DISTINCT client_id) FROM goal")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM therapy_session WHERE status = 'HELD'")).isEqualTo(18);
        assertThat(count("SELECT count(*) FROM practice_entry")).isGreaterThan(60);
        assertThat(count("SELECT count(*) FROM homework_review")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM exposure_hierarchy")).isOne();
        assertThat(count("SELECT count(*) FROM setup_token")).as("no setup link in demo mode").isZero();
        seeder.run(null);
        assertThat(count("SELECT count(*) FROM client")).as("a restart does not seed twice").isEqualTo(6);
    }

    @Test
    void everyDemoAssignmentShowsTheCoachsOwnVerdictPerCheck() throws Exception {
        Map<String, String> shown = new TreeMap<>();
        for (DemoSeeder.DemoPerson therapist : List.of(DemoSeeder.OWNER, DemoSeeder.THERAPIST)) {
            WebSession web = new WebSession(mvc);
            web.perform(post("/signin").param("email", therapist.email()).param("password", DemoSeeder.PASSWORD));
            for (var row : jdbc.sql("SELECT client_id, id, title, coach_report::text FROM assignment ORDER BY created_at")
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()) {
                var response = web.perform(get("/clients/" + row.get(0) + "/assignments/" + row.get(1))).getResponse();
                if (response.getStatus() != 200) {
                    continue; // another therapist's client
                }
                Map<String, Boolean> checks = CoachPanelTests.checks(response.getContentAsString());
                Map<?, ?> saved = json.readValue(row.get(3), Map.class);
                for (String check : CoachPanelTests.ALL) {
                    assertThat(checks.get(check)).as("%s: %s", row.get(2), check).isEqualTo(saved.get(check));
                }
                shown.merge(row.get(2), checks.values().stream().map(b -> b ? "✓" : "•").reduce("", String::concat),
                        (a, b) -> a + " " + b);
            }
        }
        // the coach's true view of the demo's wording: only the breathing task names no record
        assertThat(shown.get("Slow breathing")).isEqualTo("✓✓✓✓• ✓✓✓✓• ✓✓✓✓•");
        assertThat(shown.get("Say one thing in the stand-up")).as("'each morning stand-up' is the meeting, not a daily rate")
                .startsWith("✓✓✓✓✓");
        assertThat(shown.values()).allSatisfy(v -> assertThat(v).doesNotContain("•••••"));
        assertThat(count("SELECT count(*) FROM assignment")).isEqualTo(shown.values().stream()
                .mapToLong(v -> v.split(" ").length).sum());
    }

    @Test
    void theDemoShowsClientsQuestionsAndRequestsOnBothSides() throws Exception {
        WebSession maya = signIn(DemoSeeder.OWNER.email());
        String caseload = maya.read("/caseload");
        assertThat(caseload).contains("Priya Raman").contains("Lucas Moreau")
                .contains("1 question or request from the client to answer");
        String priya = jdbc.sql("SELECT id::text FROM client WHERE display_name = 'Priya Raman'").query(String.class).single();
        assertThat(maya.read("/clients/" + priya + "/questions")).contains("Priya Raman: questions and requests")
                .contains("Does it still count if I do the breathing on the bus to work instead of after breakfast?")
                .contains("not answered yet");
        String lucas = jdbc.sql("SELECT id::text FROM client WHERE display_name = 'Lucas Moreau'").query(String.class).single();
        assertThat(maya.read("/clients/" + lucas + "/questions"))
                .contains("Within an hour of getting up is hard on school mornings: could I fill it in at lunchtime?");

        WebSession jonah = signIn(DemoSeeder.THERAPIST.email());
        String hannah = jdbc.sql("SELECT id::text FROM client WHERE display_name = 'Hannah Kowalski'").query(String.class).single();
        assertThat(jonah.read("/clients/" + hannah + "/questions"))
                .contains("Something for Sunday evenings, when the week ahead starts to loom.");

        WebSession diego = signIn("diego@" + DemoSeeder.DOMAIN);
        assertThat(diego.read("/today")).contains("You said: I have a question")
                .contains("What if the worry is about a bill that is due today and cannot wait until 18:00?")
                .contains("Jonah Okafor replied: Then deal with the bill: that is a problem to solve, not a worry.");
        assertThat(count("SELECT count(*) FROM assignment_response WHERE reply IS NULL")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM homework_request")).isOne();
    }

    private WebSession signIn(String email) throws Exception {
        WebSession web = new WebSession(mvc);
        web.perform(post("/signin").param("email", email).param("password", DemoSeeder.PASSWORD));
        return web;
    }

    @Test
    void demoModeRefusesADatabaseWithARealPractice() {
        provisioning.createPractice("A real practice", ZoneId.of("Europe/London"), false, true);
        assertThatThrownBy(() -> seeder.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to run on a database that holds a real practice");
    }
}
