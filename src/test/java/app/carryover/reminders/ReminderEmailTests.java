package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.homework.Dose;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.MeasureSchedule;
import app.carryover.measures.MeasureSchedules;
import app.carryover.measures.Measures;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import jakarta.mail.internet.MimeMessage;

/**
 * Reminders by e-mail through GreenMail: at the client's own times, once, with no clinical detail
 * unless asked, with one-click unsubscribe; the message's links; SMTP down for an hour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@app.carryover.testing.CarryoverTest
class ReminderEmailTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JavaMailSenderImpl mail;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void aDailyReminderIsEmailedOnceAtTheClientsTimeWithNoClinicalDetail() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z")); // 07:00 in London (summer time)
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00, 19:30");
        support.assign(practice, client, "Exposure: the crowded bus", Dose.perDay(1));
        assertThat(support.plan(client)).as("08:00 and 19:30 today, both tomorrow").isEqualTo(4);

        support.runDue();
        assertThat(Mailbox.countTo(client.email())).as("nothing before 08:00").isZero();

        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        MimeMessage mail = Mailbox.latestTo(client.email());
        assertThat(mail.getSubject()).isEqualTo("Practice planned for today");
        String body = Mailbox.body(mail);
        assertThat(body).contains("You have practice planned for today (Tuesday 12 May)")
                .doesNotContain("crowded bus").doesNotContain("Exposure");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://localhost/unsubscribe/[A-Za-z0-9_-]{43}/email>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        StoredMessage stored = support.messages(client).get(0);
        assertThat(mail.getMessageID()).isEqualTo("<" + stored.id() + "@reminders.carryover>");
        assertThat(stored.state()).isEqualTo(MessageState.SENT);
        assertThat(stored.attempts()).isEqualTo(1);
    }

    @Test
    void aQuestionnaireDueIsRemindedOnItsWindowsFirstAndLastDayAndNotOnceAnswered() throws Exception {
        clock.set(Instant.parse("2026-05-11T06:00:00Z")); // Monday 07:00 in London
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00, 19:30");
        context.getBean(MeasureSchedules.class).schedule(practice.clinician().actor(), client.clientId(),
                new MeasureSchedules.ScheduleInput("PHQ9", MeasureSchedule.Kind.EVERY_N_WEEKS, 1, null, null));
        assertThat(support.plan(client)).as("the window's first day, at the first time; nothing on Tuesday").isEqualTo(1);

        clock.set(Instant.parse("2026-05-11T07:00:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        MimeMessage mail = Mailbox.latestTo(client.email());
        assertThat(mail.getSubject()).isEqualTo("A short questionnaire");
        assertThat(Mailbox.body(mail)).contains("A short questionnaire is ready for you (Monday 11 May)")
                .doesNotContain("PHQ").doesNotContain("Done already?");

        // Sunday, the window's last day (it closes at midnight): planned again, then answered before 08:00.
        clock.set(Instant.parse("2026-05-17T05:00:00Z"));
        assertThat(support.plan(client)).as("Sunday's, and Monday's for the next week's window").isEqualTo(2);
        context.getBean(Measures.class).answer(client.actor(), "PHQ9",
                new Measures.AnswerInput(java.util.UUID.randomUUID(), List.of(1, 1, 0, 0, 1, 0, 0, 0, 0, 0), null));
        support.awaitEvents();
        clock.set(Instant.parse("2026-05-17T07:00:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).as("answered: no second reminder").isEqualTo(1);
        assertThat(support.reminders(client)).filteredOn(r -> r.subject() == Subject.MEASURE)
                .extracting(StoredReminder::state).containsExactly("QUEUED", "CANCELLED", "PLANNED");
        Funnels funnels = context.getBean(Funnels.class);
        assertThat(ReminderFunnelPages.words(funnels.questionnairesOf(client.practiceId(), client.clientId(),
                funnels.since(LONDON)).orElseThrow(), "answered")).isEqualTo("Reminded once, opened 0, answered 1.");
        assertThat(funnels.ofClient(client.practiceId(), client.clientId(), funnels.since(LONDON)))
                .as("questionnaires are not counted as an assignment's practice").isEmpty();
    }

    @Test
    void titlesAppearOnlyForAClientWhoAskedForThem() {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00");
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00", "", "", true, "");
        support.assign(practice, client, "Evening walk", Dose.perDay(1));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        assertThat(Mailbox.body(Mailbox.latestTo(client.email()))).contains("  - Evening walk");
    }

    @Test
    void doneFromTheMessageLogsThePracticeOnceAndTheEveningReminderStaysAway() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00, 19:30");
        var assignment = support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        String done = Mailbox.link(Mailbox.latestTo(client.email()), "/r/");
        assertThat(done).endsWith("/open");
        String page = done.substring(0, done.length() - "/open".length());

        WebSession browser = new WebSession(mvc);
        var shown = browser.perform(get(page + "/done"));
        assertThat(shown.getResponse().getStatus()).isEqualTo(200);
        assertThat(shown.getResponse().getContentAsString()).contains("Mark it done").doesNotContain("Breathing");
        assertThat(practiceCount(client, assignment.id())).as("following the link changes nothing").isZero();

        clock.set(Instant.parse("2026-05-12T07:05:00Z"));
        var result = browser.perform(post(page + "/done"));
        assertThat(result.getResponse().getContentAsString()).contains("Logged. Well done.");
        browser.perform(post(page + "/done"));
        assertThat(practiceCount(client, assignment.id())).as("a second tap does not count twice").isEqualTo(1);
        StoredReminder morning = support.reminders(client).get(0);
        assertThat(morning.openedAt()).isNotNull();
        support.awaitEvents();
        assertThat(support.reminders(client).get(0).practisedAt()).as("practised within the reminder's day")
                .isEqualTo(Instant.parse("2026-05-12T07:05:00Z"));

        clock.set(Instant.parse("2026-05-12T18:30:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).as("today's practice is logged: no 19:30 reminder").isEqualTo(1);
        assertThat(support.reminders(client).get(1).state()).isEqualTo("NOT_SENT");
        assertThat(support.reminders(client).get(1).reason()).isEqualTo("today's practice is logged");
    }

    @Test
    void snoozeSendsItAgainAnHourLaterAndNeverIntoQuietHours() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00, 20:30");
        support.assign(practice, client, "Breathing", Dose.perDay(2));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        String page = pageOf(Mailbox.latestTo(client.email()));
        WebSession browser = new WebSession(mvc);
        var snoozed = browser.perform(post(page + "/snooze"));
        assertThat(snoozed.getResponse().getContentAsString()).contains("We will remind you an hour from now, at 09:00.");

        clock.set(Instant.parse("2026-05-12T07:59:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        clock.set(Instant.parse("2026-05-12T08:00:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).as("the snoozed reminder, once").isEqualTo(2);

        clock.set(Instant.parse("2026-05-12T19:30:00Z")); // 20:30, quiet from 21:00
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).isEqualTo(3);
        var refused = browser.perform(post(pageOf(Mailbox.latestTo(client.email())) + "/snooze"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString()).contains("That falls in your quiet hours (21:00–08:00)");
    }

    @Test
    void smtpDownForAnHourDelaysTheReminderWhichThenArrivesOnce() {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00");
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        int port = mail.getPort();
        mail.setPort(closedPort());
        try {
            Instant at = Instant.parse("2026-05-12T07:00:00Z");
            clock.set(at);
            support.runDue();
            StoredMessage first = support.messages(client).get(0);
            assertThat(first.state()).isEqualTo(MessageState.RETRYING);
            assertThat(first.lastError()).startsWith("the mail server could not take it");
            assertThat(first.nextAttemptAt()).isEqualTo(at.plus(Duration.ofMinutes(1)));
            for (int minutes = 1; minutes < 60; minutes++) {
                clock.set(at.plus(Duration.ofMinutes(minutes)));
                support.runDue();
            }
            StoredMessage waiting = support.messages(client).get(0);
            assertThat(waiting.state()).isEqualTo(MessageState.RETRYING);
            assertThat(waiting.attempts()).as("at 0, 1, 3, 7, 15, 30 and 45 minutes (waits 1, 2, 4, 8, then 15)").isEqualTo(7);
            assertThat(waiting.nextAttemptAt()).isEqualTo(at.plus(Duration.ofMinutes(60)));
        } finally {
            mail.setPort(port);
        }
        clock.set(Instant.parse("2026-05-12T08:15:00Z"));
        support.runDue();
        StoredMessage sent = support.messages(client).get(0);
        assertThat(sent.state()).isEqualTo(MessageState.SENT);
        assertThat(sent.attempts()).isEqualTo(8);
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        clock.set(Instant.parse("2026-05-12T09:00:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).as("nothing sent twice").isEqualTo(1);
    }

    @Test
    void oneClickUnsubscribeWithdrawsEmailConsentAndStopsTheNextReminder() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00, 19:30");
        support.assign(practice, client, "Breathing", Dose.perDay(2));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
        String unsubscribe = Mailbox.latestTo(client.email()).getHeader("List-Unsubscribe")[0]
                .replaceAll("^<http://localhost|>$", "");
        // A mail app's one-click POST (RFC 8058): no session, no CSRF token.
        var result = mvc.perform(post(unsubscribe).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("You will get no more reminders by e-mail.");
        clock.set(Instant.parse("2026-05-12T18:30:00Z"));
        support.runDue();
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        assertThat(support.reminders(client).get(1).reason()).isEqualTo("no channel agreed to");
    }

    private long practiceCount(Fixtures.Person client, java.util.UUID assignmentId) {
        return context.getBean(PracticeLog.class).ofAssignment(practice.clinician().actor(), client.clientId(), assignmentId).size();
    }

    private static String pageOf(MimeMessage message) {
        String open = Mailbox.link(message, "/r/");
        return open.substring(0, open.length() - "/open".length());
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
