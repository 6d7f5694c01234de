package app.carryover.reminders;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;


import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Measures;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * What follows a reminder: escalation when practice stops (a nudge, then a task on the caseload;
 * never in quiet hours, never after withdrawn consent), the clinician's morning digest (once a day,
 * names and counts only), and the admin's dead letters, sent again from their page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class ReminderFollowUpTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JavaMailSenderImpl mail;

    Clinic clinic;
    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        this.clinic = clinic;
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void twoDaysWithoutPracticeNudgeTheClientOnceAndFourPutATaskOnTheCaseload() throws Exception {
        clock.set(Instant.parse("2026-05-14T11:00:00Z")); // Thursday noon in London
        // Staff made at the test's time: a second factor never accepts a code older than its last one.
        Fixtures.Person therapist = Fixtures.staff(context, practice.id(), java.util.EnumSet.of(app.carryover.system.Role.CLINICIAN),
                "Nell Nudge");
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Stu Stopped", LONDON, therapist);
        context.getBean(Consents.class).decide(client.actor(), ConsentKind.EMAIL_MESSAGES, true);
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00", "", "", false, "");
        UUID assignment = started(client, LocalDate.of(2026, 5, 11), "Breathing", therapist); // Monday, nothing logged since
        escalations().sweep();
        assertThat(support.reminders(client)).filteredOn(r -> r.subject() == Subject.NUDGE).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-05-14T11:01:00Z")));
        clock.set(Instant.parse("2026-05-14T11:01:00Z"));
        support.runDue();
        assertThat(Mailbox.latestTo(client.email()).getSubject()).isEqualTo("A nudge from Carryover");
        assertThat(Mailbox.body(Mailbox.latestTo(client.email()))).contains("It has been a few days since practice was logged")
                .doesNotContain("Breathing");
        escalations().sweep();
        assertThat(support.reminders(client)).as("one nudge per run of missed days")
                .filteredOn(r -> r.subject() == Subject.NUDGE).hasSize(1);
        assertThat(context.getBean(Reminders.class).followUps(therapist.actor())).as("3 days: no task yet")
                .noneMatch(f -> f.clientId().equals(client.clientId()));

        clock.set(Instant.parse("2026-05-15T11:00:00Z"));
        escalations().sweep();
        assertThat(context.getBean(Reminders.class).followUps(therapist.actor()))
                .filteredOn(f -> f.clientId().equals(client.clientId())).singleElement()
                .satisfies(f -> assertThat(f.assignment()).isEqualTo("Breathing"));
        WebSession clinician = clinic.signIn(therapist);
        String caseload = clinician.perform(get("/caseload")).getResponse().getContentAsString();
        assertThat(caseload).contains("Practice stopped").contains("Breathing — nothing logged since Sunday 10 May 2026");

        context.getBean(PracticeLog.class).log(client.actor(), assignment, entry().build());
        support.awaitEvents();
        assertThat(context.getBean(Reminders.class).followUps(therapist.actor()))
                .as("practice logged again closes the task").noneMatch(f -> f.clientId().equals(client.clientId()));
    }

    @Test
    void aNudgeDueInQuietHoursWaitsForMorningAndNoneComesAfterConsentIsWithdrawn() {
        clock.set(Instant.parse("2026-05-14T21:30:00Z")); // 22:30 in London, quiet until 08:00
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00");
        started(client, LocalDate.of(2026, 5, 11), "Breathing");
        escalations().sweep();
        assertThat(support.reminders(client)).filteredOn(r -> r.subject() == Subject.NUDGE).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-05-15T07:00:00Z")));

        Fixtures.Person withdrawn = support.emailClient(practice, LONDON, "08:00");
        started(withdrawn, LocalDate.of(2026, 5, 8), "Breathing");
        context.getBean(Consents.class).decide(withdrawn.actor(), ConsentKind.TERMS, false);
        escalations().sweep();
        assertThat(support.reminders(withdrawn)).noneMatch(r -> r.subject() == Subject.NUDGE);
        assertThat(context.getBean(Reminders.class).followUps(practice.clinician().actor()))
                .noneMatch(f -> f.clientId().equals(withdrawn.clientId()));
    }

    @Test
    void theMorningDigestGoesOnceAtTheClinicianHourWithNamesAndCountsOnly() throws Exception {
        clock.set(Instant.parse("2026-05-14T05:00:00Z"));
        Fixtures.Person clinician = Fixtures.staff(context, practice.id(), java.util.EnumSet.of(app.carryover.system.Role.CLINICIAN),
                "Dee Digest");
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Bo Behind", LONDON, clinician);
        context.getBean(Assignments.class).compose(clinician.actor(), client.clientId(), draft("Breathing",
                "Breathe slowly for five minutes.").dose(Dose.perDay(2)).starting(LocalDate.of(2026, 5, 11)).build());
        WebSession web = clinic.signIn(clinician);
        var refused = web.perform(post("/settings/digest").param("enabled", "true").param("hour", "25"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Hour: must be an hour from 0 to 23");
        web.perform(post("/settings/digest").param("enabled", "true").param("hour", "7"));

        ClinicianDigest digest = context.getBean(ClinicianDigest.class);
        digest.sweep();
        assertThat(Mailbox.countTo(clinician.email())).as("06:00 in London: not yet").isZero();
        clock.set(Instant.parse("2026-05-14T06:05:00Z"));
        digest.sweep();
        digest.sweep();
        assertThat(Mailbox.countTo(clinician.email())).isEqualTo(1);
        String body = Mailbox.body(Mailbox.latestTo(clinician.email()));
        assertThat(body).contains("Behind on homework (1):").contains("  - Bo Behind (1 assignment)").doesNotContain("Breathing")
                .doesNotContain("Open risk alerts");
        // A risk answer given in session: the next morning's digest names the client, never the question or answer.
        context.getBean(Measures.class).administer(clinician.actor(), client.clientId(), "PHQ9",
                new Measures.AnswerInput(UUID.randomUUID(), List.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1), null));
        clock.set(Instant.parse("2026-05-15T06:05:00Z"));
        digest.sweep();
        assertThat(Mailbox.countTo(clinician.email())).as("the next day's").isEqualTo(2);
        String next = Mailbox.body(Mailbox.latestTo(clinician.email()));
        assertThat(next).contains("Open risk alerts (1):").contains("  - Bo Behind (1 open)")
                .doesNotContain("PHQ").doesNotContain("question").doesNotContain("Several days");
    }

    @Test
    void aDeadMessageShowsOnTheAdminPageWithItsReasonAndIsSentAgainFromThere() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        Fixtures.Person client = support.emailClient(practice, LONDON, "08:00");
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        int port = mail.getPort();
        mail.setPort(1);
        try {
            for (Instant t = Instant.parse("2026-05-12T07:00:00Z"); t.isBefore(Instant.parse("2026-05-12T10:30:00Z"));
                    t = t.plus(Duration.ofMinutes(5))) {
                clock.set(t);
                support.runDue();
            }
        } finally {
            mail.setPort(port);
        }
        StoredMessage dead = support.messages(client).get(0);
        assertThat(dead.state()).isEqualTo(MessageState.DEAD);
        assertThat(dead.lastError()).startsWith("gave up after 12 attempts: the mail server could not take it");

        WebSession admin = WebSession.signIn(mvc, Fixtures.staff(context, practice.id(),
                java.util.EnumSet.of(app.carryover.system.Role.ADMIN), "Ada Again"), clock);
        String page = admin.perform(get("/admin/reminders")).getResponse().getContentAsString();
        assertThat(page).contains(client.name()).contains("dead").contains("gave up after 12 attempts").contains("Send again");
        admin.perform(post("/admin/reminders/retry").param("messageId", dead.id().toString()));
        support.runDue();
        assertThat(support.messages(client).get(0).state()).isEqualTo(MessageState.SENT);
        assertThat(Mailbox.countTo(client.email())).isEqualTo(1);
        var again = admin.perform(post("/admin/reminders/retry").param("messageId", dead.id().toString()));
        assertThat(again.getResponse().getStatus()).as("a sent message is not sent again").isEqualTo(409);
        assertThat(admin.perform(get("/admin/reminders")).getResponse().getContentAsString()).contains("Nothing is stuck.");
    }

    private UUID started(Fixtures.Person client, LocalDate start, String title) {
        return started(client, start, title, practice.clinician());
    }

    private UUID started(Fixtures.Person client, LocalDate start, String title, Fixtures.Person clinician) {
        return context.getBean(Assignments.class).compose(clinician.actor(), client.clientId(),
                draft(title, "Do it, then note how it went.").starting(start).build()).id();
    }

    private Escalations escalations() {
        support.awaitEvents();
        return context.getBean(Escalations.class);
    }

}
