package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.caseload.Caseload;
import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The public reminder links (the endpoint walk skips public handlers, so their rules are pinned
 * here): only a real message's secret opens anything, and 404 otherwise with nothing changed; a GET
 * never acts; the Open link signs in once, only while fresh; a discharged client's links do nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class ReminderLinkRulesTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void unknownOrMalformedSecretsAnswer404AndChangeNothing() throws Exception {
        String page = sentPage(support.emailClient(practice, ZoneId.of("Europe/London"), "08:00"));
        String real = page.substring("/r/".length());
        String unknown = "A".repeat(43);
        List<MockHttpServletRequestBuilder> calls = new java.util.ArrayList<>();
        for (String secret : List.of(unknown, "short", real.substring(1) + "!")) {
            calls.add(get("/r/" + secret));
            for (String action : List.of("open", "done", "snooze", "later", "skip")) {
                calls.add(get("/r/" + secret + "/" + action));
                calls.add(post("/r/" + secret + "/" + action));
            }
            calls.add(get("/unsubscribe/" + secret + "/email"));
            calls.add(post("/unsubscribe/" + secret + "/email"));
        }
        calls.add(get(page + "/delete"));
        calls.add(post(page + "/delete"));
        calls.add(get("/unsubscribe/" + real + "/fax"));
        calls.add(post("/unsubscribe/" + real + "/fax"));
        String before = fingerprint();
        WebSession stranger = new WebSession(mvc);
        for (MockHttpServletRequestBuilder call : calls) {
            MvcResult result = stranger.perform(call);
            assertThat(result.getResponse().getStatus()).as(call.toString()).isEqualTo(404);
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void followingALinkChangesNothingUntilTheButtonIsPressed() throws Exception {
        String page = sentPage(support.emailClient(practice, ZoneId.of("Europe/London"), "08:00"));
        String before = fingerprint();
        WebSession scanner = new WebSession(mvc);
        for (String path : List.of(page, page + "/open", page + "/done", page + "/snooze", page + "/later", page + "/skip")) {
            assertThat(scanner.performRaw(get(path)).getResponse().getStatus()).as(path).isEqualTo(200);
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(new WebSession(mvc).performRaw(post(page + "/skip")).getResponse().getStatus())
                .as("a forged POST without the page's CSRF token").isEqualTo(403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theOpenLinkSignsInOnceAndOnlyWhileFresh() throws Exception {
        Fixtures.Person client = support.emailClient(practice, ZoneId.of("Europe/London"), "08:00");
        String page = sentPage(client);
        WebSession phone = new WebSession(mvc);
        MvcResult opened = phone.perform(post(page + "/open"));
        assertThat(opened.getResponse().getRedirectedUrl()).matches("/today#a-[0-9a-f-]{36}");
        MvcResult today = phone.perform(get("/today"));
        assertThat(today.getResponse().getStatus()).isEqualTo(200);
        assertThat(today.getResponse().getContentAsString()).contains("Breathing");

        MvcResult again = new WebSession(mvc).perform(post(page + "/open"));
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getContentAsString()).contains("already signed you in once");
        assertThat(new WebSession(mvc).perform(get("/today")).getResponse().getRedirectedUrl()).endsWith("/signin");

        String fresh = sentPage(support.emailClient(practice, ZoneId.of("Europe/London"), "08:00"));
        clock.set(clock.instant().plus(java.time.Duration.ofHours(3)));
        MvcResult late = new WebSession(mvc).perform(post(fresh + "/open"));
        assertThat(late.getResponse().getContentAsString()).as("the link signs in for two hours")
                .contains("more than a few hours old");
    }

    @Test
    void aDischargedClientsLinksDoNothing() throws Exception {
        Fixtures.Person client = support.emailClient(practice, ZoneId.of("Europe/London"), "08:00");
        String page = sentPage(client);
        context.getBean(Caseload.class).discharge(practice.clinician().actor(), client.clientId(), "finished");
        support.awaitEvents();
        WebSession phone = new WebSession(mvc);
        assertThat(phone.perform(get(page)).getResponse().getContentAsString()).contains("These reminders have stopped.");
        assertThat(phone.perform(post(page + "/snooze")).getResponse().getStatus()).isEqualTo(409);
        assertThat(phone.perform(post(page + "/open")).getResponse().getContentAsString()).contains("Sign in");
        assertThat(phone.perform(get("/today")).getResponse().getRedirectedUrl()).endsWith("/signin");
    }

    /** Sends the client's 08:00 reminder (London, 12 May 2026) and answers its page's path. */
    private String sentPage(Fixtures.Person client) {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        String open = Mailbox.link(Mailbox.latestTo(client.email()), "/r/");
        return open.substring(0, open.length() - "/open".length());
    }

    private String fingerprint() {
        StringBuilder digest = new StringBuilder();
        for (String table : List.of("reminder", "reminder_message", "reminder_message_item", "consent_decision",
                "practice_entry", "reminder_preferences")) {
            digest.append(jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t")
                    .query(String.class).single()).append(' ');
        }
        return digest.toString();
    }
}
