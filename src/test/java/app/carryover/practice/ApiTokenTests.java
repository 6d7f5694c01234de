package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/** API tokens: second factor to create, shown once, hashed, scoped, expiring, revocable, audited. */
@CarryoverTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Clinic clinic;
    TestPractice practice;
    WebSession clinician;

    @BeforeEach
    void signIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        practice = clinic.practice();
        clinician = clinic.signIn(practice.clinician());
        clock.advance(Duration.ofSeconds(31));
    }

    String create(boolean readOnly) throws Exception {
        clock.advance(Duration.ofSeconds(31));
        MvcResult page = clinician.createApiToken(practice.clinician(), clock, "Research export", readOnly);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Copy it now");
        return WebSession.apiTokenIn(html);
    }

    MvcResult call(String token, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndCarriesItsOwnersRights() throws Exception {
        String token = create(false);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash::text LIKE ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();
        assertThat(clinician.perform(get("/settings/tokens")).getResponse().getContentAsString()).doesNotContain(token);

        MvcResult me = call(token, get("/api/v1/me"));
        assertThat(me.getResponse().getStatus()).isEqualTo(200);
        assertThat(me.getResponse().getContentAsString()).contains(practice.clinician().email());
        assertThat(call(token, get("/api/v1/clients/" + practice.client().clientId())).getResponse().getStatus()).isEqualTo(200);
        assertThat(call(token, get("/api/v1/clients/" + practice.otherClient().clientId())).getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND actor_id = ? AND action = 'TOKEN_USE'")
                .params(practice.id(), practice.clinician().accountId()).query(Long.class).single()).isEqualTo(3);
        assertThat(me.getResponse().getCookie(WebSession.COOKIE)).as("token calls open no session").isNull();
    }

    @Test
    void creatingATokenNeedsACurrentCode() throws Exception {
        MvcResult refused = clinician.perform(post("/settings/tokens").param("name", "x").param("code", "123456"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("is not the current code");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReadOnlyTokenReadsButDoesNotWrite() throws Exception {
        String token = create(true);
        assertThat(call(token, get("/api/v1/clients")).getResponse().getStatus()).isEqualTo(200);
        MvcResult write = call(token, post("/api/v1/clients").contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"A\",\"email\":\"ro-" + practice.id() + "@example.org\",\"timeZone\":\"Europe/Paris\"}"));
        assertThat(write.getResponse().getStatus()).isEqualTo(403);
        assertThat(write.getResponse().getContentAsString()).contains("read-only");
    }

    @Test
    void tamperedExpiredAndRevokedTokensGet401() throws Exception {
        String token = create(false);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        MvcResult bad = call(tampered, get("/api/v1/me"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(401);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");

        WebSession admin = clinic.signIn(practice.admin());
        String tokenId = jdbc.sql("SELECT id::text FROM api_token WHERE practice_id = ?").param(practice.id())
                .query(String.class).single();
        assertThat(admin.perform(get("/admin/tokens")).getResponse().getContentAsString()).contains("Research export");
        admin.perform(post("/settings/tokens/" + tokenId + "/revoke"));
        assertThat(call(token, get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);

        String second = create(false);
        clock.advance(Duration.ofDays(91));
        assertThat(call(second, get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
    }
}
