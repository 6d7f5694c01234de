package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.FreshDatabase;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/** The first run on an empty database: the setup link creates the practice and its first admin, once. */
@CarryoverTest
@FreshDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstRun firstRun;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @Order(1)
    void anExpiredSetupLinkIsRefusedWithAPlainMessage() throws Exception {
        String token = firstRun.issueSetupToken();
        clock.advance(Duration.ofHours(25));
        MvcResult page = mvc.perform(get("/setup").param("token", token)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(410);
        assertThat(page.getResponse().getContentAsString()).contains("expired or was already used");
    }

    @Test
    @Order(2)
    void invalidSetupIsRefusedFieldByFieldAndWritesNothing() throws Exception {
        String token = firstRun.issueSetupToken();
        WebSession web = new WebSession(mvc);
        MvcResult result = web.perform(post("/setup").param("token", token)
                .param("practiceName", "").param("timeZone", "Mars/Olympus").param("displayName", "Ann")
                .param("email", "not-an-address").param("password", "Password1234!").param("confirmation", "x"));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("Practice name must be 1 to 200 characters")
                .contains("Time zone is not a known time zone")
                .contains("E-mail address is not a valid e-mail address")
                .contains("among the most commonly used");
        assertThat(jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void theSetupLinkCreatesThePracticeAndItsAdminOnlyOnce() throws Exception {
        String token = firstRun.issueSetupToken();
        assertThat(mvc.perform(get("/setup").param("token", token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        WebSession web = new WebSession(mvc);
        MvcResult created = web.perform(post("/setup").param("token", token)
                .param("practiceName", "Harbour Therapy").param("timeZone", "Europe/London")
                .param("displayName", "Ann Admin").param("email", "Ann@Harbour.example")
                .param("password", "lantern over quiet harbour").param("confirmation", "lantern over quiet harbour")
                .param("alsoClinician", "true"));
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/signin?set-up");
        assertThat(jdbc.sql("SELECT name FROM practice").query(String.class).list()).containsExactly("Harbour Therapy");
        assertThat(jdbc.sql("SELECT email || ' ' || array_to_string(roles, ',') FROM account").query(String.class).list())
                .containsExactly("ann@harbour.example ADMIN,CLINICIAN");

        MvcResult again = web.perform(post("/setup").param("token", token).param("practiceName", "Second")
                .param("timeZone", "Europe/London").param("displayName", "Eve").param("email", "eve@example.org")
                .param("password", "lantern over quiet harbour").param("confirmation", "lantern over quiet harbour"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("already set up");
        String another = firstRun.issueSetupToken();
        assertThat(mvc.perform(get("/setup").param("token", another)).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM practice").query(Long.class).single()).isOne();
    }

    @Test
    @Order(4)
    void noSetupLinkIsLoggedOnceAPracticeExists() {
        long before = jdbc.sql("SELECT count(*) FROM setup_token").query(Long.class).single();
        firstRun.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM setup_token").query(Long.class).single()).isEqualTo(before);
    }
}
