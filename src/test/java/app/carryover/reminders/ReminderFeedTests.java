package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The private calendar feed, fetched as a calendar app would and parsed back with ical4j. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class ReminderFeedTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void theFeedHoldsTwoWeeksOfRemindersWithAlertsAndNoClinicalDetail() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Cal Feed", ZoneId.of("Europe/London"), practice.clinician());
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00, 19:30", "", "", false, "");
        support.assign(practice, client, "Exposure: the crowded bus", Dose.perDay(1));
        String address = context.getBean(CalendarFeeds.class).renew(client.actor());
        assertThat(address).matches("http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics");

        MvcResult fetched = mvc.perform(get(address.substring("http://localhost".length()))).andReturn();
        assertThat(fetched.getResponse().getStatus()).isEqualTo(200);
        assertThat(fetched.getResponse().getContentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(fetched.getResponse().getContentAsString()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).as("two times a day for 14 days").hasSize(28);
        VEvent first = events.get(0);
        assertThat(first.getSummary().getValue()).isEqualTo("Practice planned");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260512T070000Z");
        assertThat(first.getAlarms()).hasSize(1);
        assertThat(fetched.getResponse().getContentAsString()).doesNotContain("crowded bus");
        assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()).distinct()).hasSize(28);

        String again = mvc.perform(get(address.substring("http://localhost".length()))).andReturn().getResponse().getContentAsString();
        assertThat(new CalendarBuilder().build(new StringReader(again)).<VEvent>getComponents("VEVENT").get(0).getUid())
                .as("the same event keeps its id across fetches").isEqualTo(first.getUid());
    }

    @Test
    void titlesOnlyWhenAskedAndANewAddressOrRevokingStopsTheOldOne() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Cal Two", ZoneId.of("Europe/London"), practice.clinician());
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00", "", "", true, "");
        support.assign(practice, client, "Evening walk", Dose.perDay(1));
        CalendarFeeds feeds = context.getBean(CalendarFeeds.class);
        String first = path(feeds.renew(client.actor()));
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getContentAsString()).contains("SUMMARY:Practice: Evening walk");
        String second = path(feeds.renew(client.actor()));
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getStatus()).isEqualTo(200);
        feeds.revoke(client.actor());
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/" + "B".repeat(43) + ".ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/calendar/nonsense.ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private static String path(String address) {
        return address.substring("http://localhost".length());
    }
}
