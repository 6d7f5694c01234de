package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;

/**
 * The clock moved through daylight-saving changes and quiet hours a quarter of an hour at a time,
 * running due work at each step as a polling node would: a reminder fires once, never zero or two
 * times, and never in quiet hours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class ReminderClockTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void a0230ReminderOnTheSpringForwardDayFiresOnceAt0330() {
        Fixtures.Person client = nightShiftClient("02:30");
        clock.set(Instant.parse("2026-03-07T17:00:00Z")); // noon the day before
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        Instant sentAt = walk(client, Instant.parse("2026-03-08T04:00:00Z"), Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        assertThat(sentAt).as("03:30 EDT, the first moment after the gap").isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(support.reminders(client)).filteredOn(r -> r.localDate().toString().equals("2026-03-08"))
                .singleElement().satisfies(r -> assertThat(r.slot()).isEqualTo("02:30"));
    }

    @Test
    void a0130ReminderOnTheFallBackDayFiresOnceAtTheFirst0130() {
        Fixtures.Person client = nightShiftClient("01:30");
        clock.set(Instant.parse("2026-10-31T16:00:00Z"));
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        Instant sentAt = walk(client, Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-01T09:00:00Z"));
        assertThat(Mailbox.countTo(client.email())).as("01:30 happens twice that night; the reminder once").isEqualTo(1);
        assertThat(sentAt).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void snoozedRemindersAndRetriesWaitForTheEndOfQuietHoursOrExpireWithTheDay() {
        Fixtures.Person client = support.emailClient(practice, NEW_YORK, "20:30", "21:00", "07:00");
        clock.set(Instant.parse("2026-05-12T16:00:00Z"));
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        var mail = context.getBean(org.springframework.mail.javamail.JavaMailSenderImpl.class);
        int port = mail.getPort();
        mail.setPort(1);
        try {
            walk(client, Instant.parse("2026-05-13T00:25:00Z"), Instant.parse("2026-05-13T01:10:00Z"), Duration.ofMinutes(1));
            walk(client, Instant.parse("2026-05-13T01:15:00Z"), Instant.parse("2026-05-13T11:30:00Z"), Duration.ofMinutes(15));
        } finally {
            mail.setPort(port);
        }
        StoredMessage m = support.messages(client).get(0);
        assertThat(m.state()).as("down from 20:30; the next try would fall in quiet hours, the next day").isEqualTo(MessageState.EXPIRED);
        assertThat(m.attempts()).as("20:30, 20:31, 20:33, 20:37, 20:45 (then 21:00 is quiet)").isEqualTo(5);
        assertThat(m.lastError()).startsWith("its day ended while it could not be sent");
        assertThat(Mailbox.countTo(client.email())).isZero();
    }

    private Instant walk(Fixtures.Person client, Instant from, Instant until) {
        return walk(client, from, until, Duration.ofMinutes(15));
    }

    /** Moves the clock in steps, running due work at each; returns when the client's first e-mail went. */
    private Instant walk(Fixtures.Person client, Instant from, Instant until, Duration step) {
        Instant sentAt = null;
        for (Instant t = from; !t.isAfter(until); t = t.plus(step)) {
            clock.set(t);
            support.runDue();
            if (sentAt == null && Mailbox.countTo(client.email()) > 0) {
                sentAt = support.messages(client).get(0).sentAt();
            }
        }
        return sentAt;
    }

    private Fixtures.Person nightShiftClient(String time) {
        return support.emailClient(practice, NEW_YORK, time, "11:00", "13:00");
    }
}
