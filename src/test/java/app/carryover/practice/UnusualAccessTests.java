package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.system.Role;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import jakarta.mail.internet.MimeMessage;

/**
 * One clinician opens many more clients' records than they usually do within an hour: the scheduled
 * check raises an alert, every admin is e-mailed (naming no client), the admin page says who, how
 * many, when and against what was usual, and an admin acknowledges it. Another clinician reading as
 * many as they usually do raises nothing. Every step is in the audit.
 */
@CarryoverTest
class UnusualAccessTests {

    static final Instant BURST = Instant.parse("2027-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ClientAccess access;
    @Autowired
    Scheduler scheduler;

    TestPractice practice;
    List<UUID> chrisClients = new ArrayList<>();
    List<UUID> oluClients = new ArrayList<>();

    @BeforeEach
    void clientsOfTwoClinicians() {
        practice = Fixtures.practice(context);
        PracticeProvisioning provisioning = context.getBean(PracticeProvisioning.class);
        Caseload caseload = context.getBean(Caseload.class);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 13; i++) {
            Person primary = i < 7 ? practice.clinician() : practice.otherClinician();
            String name = "Reader Client " + i;
            UUID account = provisioning.addAccount(practice.id(), "reader-" + i + "-" + tag + "@example.org", name,
                    EnumSet.of(Role.CLIENT), Fixtures.PASSWORD);
            UUID client = caseload.admit(practice.id(), account, name, ZoneId.of("Europe/London"), primary.accountId()).id();
            (i < 7 ? chrisClients : oluClients).add(client);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAccountReadingFarMoreClientsThanUsualIsReportedToAdminsWhoAcknowledgeIt() throws Exception {
        // Their own history: Chris opens 2 clients in a busy hour, Olu 3 (on ten weekdays before).
        for (int day = 1; day <= 10; day++) {
            clock.set(BURST.minus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
            read(practice.clinician(), chrisClients.subList(0, 2));
            read(practice.otherClinician(), oluClients.subList(0, 3));
        }
        // Within twenty minutes: Chris opens 7 different clients (more than 3 × 2 and the floor of 5), Olu 6
        // (more than the floor, but not 3 × 3 = 9).
        for (int i = 0; i < 7; i++) {
            clock.set(BURST.plus(Duration.ofMinutes(i * 20 / 6)));
            read(practice.clinician(), chrisClients.subList(i, i + 1));
            if (i < 6) {
                read(practice.otherClinician(), oluClients.subList(i, i + 1));
            }
        }

        clock.set(BURST.plus(Duration.ofMinutes(25)));
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        // Thresholds: refused with the field named and what was typed kept, then saved.
        MvcResult refused = admin.perform(post("/admin/access-alerts/thresholds").param("windowMinutes", "60")
                .param("multiple", "3").param("floor", "1").param("baselineDays", "28"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(refused)).contains("Not saved: please correct the fields marked below.")
                .contains("The least number of clients must be a whole number of clients from 5 to 10,000.");
        assertThat(refused.getResponse().getContentAsString()).containsPattern("id=\"floor\"[^>]*value=\"1\"");
        assertThat(admin.follow(admin.perform(post("/admin/access-alerts/thresholds").param("windowMinutes", "60")
                .param("multiple", "3").param("floor", "5").param("baselineDays", "28"))))
                .contains("Saved: an alert when one account reads at least 5 different clients within 60 minutes and at "
                        + "least 3 times its usual.");

        runTheCheck();

        MimeMessage mail = Mailbox.latestTo(practice.admin().email());
        assertThat(mail.getSubject()).isEqualTo("Carryover: unusual access to client records by Chris Primary");
        assertThat(Mailbox.body(mail).replaceAll("\\s+", " ")).contains("Hello Ada Admin,")
                .contains("Chris Primary (clinician) opened 7 different clients' records in Carryover between 09:00 and "
                        + "09:20 on 1 March 2027 (Europe/London time).")
                .contains("Usually they read at most 2 in 60 minutes (their busy stretches over the last 28 days); the "
                        + "practice is alerted at 6 or more.")
                .contains("/admin/access-alerts").contains("This message names no client on purpose.")
                .doesNotContain("Reader Client").doesNotContain("Kim Client").doesNotContain("Olu");
        assertThat(Mailbox.countTo(practice.admin().email())).as("one alert, about Chris only").isEqualTo(1);

        // The next check, five minutes on, raises nothing new for the same burst.
        clock.set(BURST.plus(Duration.ofMinutes(30)));
        runTheCheck();
        assertThat(Mailbox.countTo(practice.admin().email())).isEqualTo(1);

        String page = admin.read("/admin/access-alerts");
        assertThat(page).contains("Open alerts (1)").contains("Chris Primary (clinician)")
                .contains("7 different clients read between 09:00 and 09:20 on 1 March 2027")
                .contains("Usually they read at most 2 in 60 minutes (their busy stretches over the last 28 days); the "
                        + "practice is alerted at 6 or more.")
                .contains("Raised 1 March 2027, 09:25; e-mailed to 1 admin(s).").contains("See their reads in the audit")
                .doesNotContain("Olu Other");
        UUID alertId = jdbc.sql("SELECT id FROM access_alert WHERE practice_id = ?").param(practice.id())
                .query(UUID.class).single();
        assertThat(admin.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/access-alerts"))
                .getResponse().getContentAsString()).contains("/admin/audit?actor_id=" + practice.clinician().accountId()
                        + "&amp;action=READ&amp;from=2027-03-01&amp;to=2027-03-01");

        // Another practice's admin cannot touch it.
        TestPractice foreign = Fixtures.practice(context);
        WebSession foreignAdmin = WebSession.signIn(mvc, foreign.admin(), clock);
        assertThat(foreignAdmin.perform(post("/admin/access-alerts/" + alertId + "/acknowledgement").param("note", "mine"))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(foreignAdmin.read("/admin/access-alerts")).contains("Open alerts (0)").doesNotContain("Chris Primary");
        // A clinician is not shown the page at all.
        WebSession chris = WebSession.signIn(mvc, practice.clinician(), clock);
        assertThat(chris.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/access-alerts"))
                .getResponse().getStatus()).isEqualTo(403);

        String tooLong = "Checked with Chris. " + "x".repeat(990);
        MvcResult longNote = admin.perform(post("/admin/access-alerts/" + alertId + "/acknowledgement").param("note", tooLong));
        assertThat(longNote.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(longNote)).contains("Note must be at most 1,000 characters").contains(tooLong)
                .contains("Open alerts (1)");

        String acknowledged = admin.follow(admin.perform(post("/admin/access-alerts/" + alertId + "/acknowledgement")
                .param("note", "Covering for Dr Lee's clients this week; agreed with the clinical lead.")));
        assertThat(acknowledged).contains("Acknowledged the alert about Chris Primary (clinician).")
                .contains("Open alerts (0)")
                .contains("by Ada Admin, 1 March 2027, 09:30: Covering for Dr Lee's clients this week; agreed with the "
                        + "clinical lead.");

        assertThat(jdbc.sql("SELECT action || ' ' || actor_label || ': ' || coalesce(detail, '') FROM audit_event "
                + "WHERE practice_id = ? AND subject LIKE 'unusual access%' ORDER BY seq").param(practice.id())
                .query(String.class).list())
                .containsExactly(
                        "READ Ada Admin (admin): viewed 0 alert(s), 0 open",
                        "SETTINGS Ada Admin (admin): alert when one account reads at least 5 different clients within 60 "
                                + "minutes and at least 3 times its usual (its last 28 days)",
                        "READ Ada Admin (admin): viewed 0 alert(s), 0 open",
                        "CREATE unusual access monitor: raised: Chris Primary (clinician) read 7 different clients' records "
                                + "within 60 minutes; usual for them at most 2; alert at 6",
                        "CHANGE unusual access monitor: e-mailed to 1 of 1 admin(s)",
                        "READ Ada Admin (admin): viewed 1 alert(s), 1 open",
                        "READ Ada Admin (admin): viewed 1 alert(s), 1 open",
                        "READ Ada Admin (admin): viewed 1 alert(s), 1 open",
                        "CHANGE Ada Admin (admin): acknowledged the alert about Chris Primary (clinician): Covering for "
                                + "Dr Lee's clients this week; agreed with the clinical lead.",
                        "READ Ada Admin (admin): viewed 1 alert(s), 0 open");
    }

    @Test
    void readsAtTheVeryMomentOfTheCheckCountAndAnAccountWithoutHistoryIsHeldToTheFloor() {
        UnusualAccess unusual = context.getBean(UnusualAccess.class);
        unusual.setPolicy(practice.admin().actor(), 30, 4, 5, 14);
        clock.set(BURST);
        read(practice.otherClinician(), oluClients.subList(0, 4));
        assertThat(unusual.check(practice.id())).as("4 is below the floor of 5").isEmpty();
        read(practice.otherClinician(), oluClients.subList(4, 5));
        List<UnusualAccess.Alert> raised = unusual.check(practice.id());
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).clients()).isEqualTo(5);
        assertThat(raised.get(0).usual()).isZero();
        assertThat(raised.get(0).threshold()).isEqualTo(5);
        assertThat(UnusualAccess.usualInWords(raised.get(0))).isEqualTo("They had read no client's record in the 14 days "
                + "before; the practice is alerted at 5 or more.");
    }

    @Test
    void theUsualFigureIsTheAccountsOwnNinetyFifthPercentileAndNothingBelowTheFloorAlerts() {
        assertThat(UnusualAccess.percentile95(List.of())).isZero();
        assertThat(UnusualAccess.percentile95(List.of(4))).isEqualTo(4);
        // Twenty busy hours of 2 and one of 30: the one odd hour does not become the usual figure.
        List<Integer> hours = new ArrayList<>(java.util.Collections.nCopies(20, 2));
        hours.add(30);
        assertThat(UnusualAccess.percentile95(hours)).isEqualTo(2);
        UnusualAccess.Policy policy = UnusualAccess.Policy.DEFAULT;
        assertThat(policy.threshold(0)).as("no history: the floor").isEqualTo(20);
        assertThat(policy.threshold(10)).as("a busy account: three times its usual").isEqualTo(30);
    }

    private void read(Person who, List<UUID> clients) {
        for (UUID client : clients) {
            access.read(who.actor(), client, "client record");
        }
    }

    /** Runs the scheduled check now, through the scheduler (other tests move the clock, and its next run with it). */
    private void runTheCheck() {
        TaskInstanceId check = TaskInstanceId.of(UnusualAccess.Schedule.TASK, "recurring");
        scheduler.reschedule(check, clock.instant());
        // Other test classes leave executions due earlier (reminder moments at past clocks) in the shared
        // scheduler table; one pass takes a batch of the earliest, which may not reach the check: run passes
        // until the check has run (it is then next due five minutes on).
        for (int pass = 0; pass < 50; pass++) {
            ((ManualScheduler) scheduler).runAnyDueExecutions();
            if (scheduler.getScheduledExecution(check).map(e -> e.getExecutionTime().isAfter(clock.instant())).orElse(false)) {
                return;
            }
        }
        throw new AssertionError("the unusual-access check did not run");
    }
}
