package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestEnvironment;
import app.carryover.testing.WebSession;

/**
 * The database stops under a signed-in client: the API answers a problem detail with 503 and
 * {@code Retry-After}, pages a calm message, health says DOWN, nothing hangs; when the database is
 * back the same requests succeed, and a retried entry is stored once.
 */
@CarryoverTest
class DatabaseOutageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;

    @Test
    void whileTheDatabaseIsDownRequestsGetA503AndServiceResumesWhenItIsBack() throws Exception {
        Fixtures.TestPractice practice = Fixtures.practice(context);
        Assignment walk = assignments.compose(practice.clinician().actor(), practice.client().clientId(),
                new AssignmentDraft("Evening walk", "Walk for ten minutes after dinner.", "To lift the evening.", true,
                        List.of(), null, null, Dose.perDay(1), null, null, 3, null));
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        UUID before = UUID.randomUUID();
        UUID during = UUID.randomUUID();
        assertThat(log(client, walk, before).getResponse().getStatus()).isEqualTo(201);

        BundledDatabase database = TestEnvironment.get().database();
        database.stopServer();
        try {
            long asked = System.nanoTime();
            MvcResult api = client.perform(get("/api/v1/me/entries").accept(MediaType.APPLICATION_JSON));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("answered, not hung").isLessThan(Duration.ofSeconds(20));
            assertThat(api.getResponse().getStatus()).isEqualTo(503);
            assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("5");
            assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(api.getResponse().getContentAsString())
                    .contains("\"status\":503", "cannot reach its database")
                    .doesNotContain("Exception", "at app.", "PSQL");

            MvcResult write = log(client, walk, during);
            assertThat(write.getResponse().getStatus()).isEqualTo(503);
            assertThat(write.getResponse().getHeader("Retry-After")).isEqualTo("5");

            MvcResult page = client.perform(get("/today").accept(MediaType.TEXT_HTML));
            assertThat(page.getResponse().getStatus()).isEqualTo(503);
            assertThat(WebSession.textOf(page)).contains("Back in a moment", "Nothing you sent was lost")
                    .doesNotContain("Exception");

            MvcResult health = mvc.perform(get("/actuator/health")).andReturn();
            assertThat(health.getResponse().getStatus()).isEqualTo(503);
            assertThat(health.getResponse().getContentAsString()).contains("DOWN");
        } finally {
            database.startServer();
        }

        long back = System.nanoTime();
        int status = 0;
        while (status != 200 && System.nanoTime() - back < Duration.ofSeconds(10).toNanos()) {
            status = client.perform(get("/api/v1/me/entries").accept(MediaType.APPLICATION_JSON)).getResponse().getStatus();
        }
        assertThat(status).as("served again within 10 s of the database").isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("UP");

        assertThat(log(client, walk, during).getResponse().getStatus()).as("the refused entry, sent again").isEqualTo(201);
        assertThat(log(client, walk, before).getResponse().getStatus()).as("the acknowledged one, retried").isEqualTo(200);
        String entries = client.perform(get("/api/v1/me/entries").accept(MediaType.APPLICATION_JSON))
                .getResponse().getContentAsString();
        assertThat(entries.split(before.toString(), -1)).as("stored once").hasSize(2);
        assertThat(entries.split(during.toString(), -1)).as("stored once").hasSize(2);
    }

    private MvcResult log(WebSession client, Assignment assignment, UUID clientEntryId) throws Exception {
        return client.perform(post("/api/v1/me/assignments/" + assignment.id() + "/entries")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .content("{\"clientEntryId\":\"" + clientEntryId + "\",\"rating\":6}"));
    }
}
