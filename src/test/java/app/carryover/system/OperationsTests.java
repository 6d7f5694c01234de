package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.OperationsTokens;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/** Health is public with its status only; metrics need an admin or the scrape token. */
@CarryoverTest
class OperationsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @Test
    void prometheusNeedsAnAdminOrTheScrapeToken() throws Exception {
        Fixtures.TestPractice practice = Fixtures.practice(context);
        MvcResult anonymous = mvc.perform(get("/actuator/prometheus")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isNotEqualTo(200);
        MvcResult wrong = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isNotEqualTo(200);
        MvcResult scraper = mvc.perform(get("/actuator/prometheus")
                .header("Authorization", "Bearer " + OperationsTokens.SCRAPE)).andReturn();
        assertThat(scraper.getResponse().getStatus()).isEqualTo(200);
        assertThat(scraper.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");

        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        assertThat(clinician.perform(get("/actuator/prometheus")).getResponse().getStatus()).isEqualTo(403);
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.perform(get("/actuator/prometheus")).getResponse().getStatus()).isEqualTo(200);
        assertThat(admin.perform(get("/actuator/health")).getResponse().getContentAsString())
                .as("admins see the details").contains("\"db\"");
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
                .as("everyone else sees the status only").doesNotContain("\"db\"");
    }
}
