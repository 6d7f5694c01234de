package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import app.carryover.testing.WebSession;

/** Every API error is an RFC 9457 problem detail that names what is wrong; nothing is half-written. */
@CarryoverTest
class ApiConventionsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    TestPractice practice;
    WebSession clinician;

    @BeforeEach
    void signIn(Clinic clinic) throws Exception {
        practice = clinic.practice();
        clinician = clinic.signIn(practice.clinician());
    }

    MvcResult invite(String json) throws Exception {
        return clinician.perform(post("/api/v1/clients").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        MvcResult r = invite("{\"displayName\": ");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"body\"").contains("not valid JSON");
    }

    @Test
    void unknownFieldsAreNamed() throws Exception {
        MvcResult r = invite("{\"displayName\":\"A\",\"email\":\"a@example.org\",\"timeZone\":\"Europe/Paris\",\"isAdmin\":true}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"isAdmin\"").contains("not a known field");
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        MvcResult r = invite("{\"displayName\":[1,2],\"email\":\"a@example.org\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"displayName\"");
    }

    @Test
    void overlongStringsAndMissingFieldsAreEachListed() throws Exception {
        MvcResult r = invite("{\"displayName\":\"" + "x".repeat(201) + "\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"displayName\"").contains("\"field\":\"email\"");
    }

    @Test
    void invalidEmailAndTimeZoneAreRefusedWithoutAnyWrite() throws Exception {
        long accounts = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
        MvcResult badZone = invite("{\"displayName\":\"A\",\"email\":\"zone-" + practice.id() + "@example.org\",\"timeZone\":\"Moon/Base\"}");
        assertThat(badZone.getResponse().getStatus()).isEqualTo(400);
        assertThat(badZone.getResponse().getContentAsString()).contains("\"field\":\"timeZone\"");
        MvcResult badEmail = invite("{\"displayName\":\"A\",\"email\":\"not an address\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(badEmail.getResponse().getStatus()).isEqualTo(400);
        assertThat(badEmail.getResponse().getContentAsString()).contains("\"field\":\"email\"");
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(accounts);
    }

    @Test
    void unknownAddressesAndForeignIdsAreProblems() throws Exception {
        MvcResult missing = clinician.perform(get("/api/v1/nothing-here"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).startsWith("application/problem+json");
        MvcResult forged = clinician.perform(get("/api/v1/clients/not-a-uuid"));
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        MvcResult other = clinician.perform(get("/api/v1/clients/" + practice.otherClient().clientId()));
        assertThat(other.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anonymousApiCallsGetA401Problem() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/me")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() throws Exception {
        MvcResult r = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("\"openapi\"").contains("/api/v1/clients");
    }

    @Test
    void healthIsPublicButShowsOnlyItsStatus() throws Exception {
        MvcResult r = mvc.perform(get("/actuator/health")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("db");
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isNotEqualTo(200);
    }
}
