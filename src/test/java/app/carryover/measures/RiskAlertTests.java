package app.carryover.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.Scheduler;

import app.carryover.system.Role;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * A risk answer from the client's phone to the care team: crisis contacts at once, the alert on every
 * page the clinicians see until one acknowledges it, and escalation after four working hours, with
 * the clock moved by the test. The practice is in Europe/London (GMT in early March 2026).
 */
@CarryoverTest
class RiskAlertTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler scheduler;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    WebSession client;

    @BeforeEach
    void aClientSignedIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        practice = clinic.practice();
        clientId = practice.client().clientId();
        client = clinic.signIn(practice.client());
    }

    String page(WebSession web, String path) throws Exception {
        return web.perform(get(path)).getResponse().getContentAsString();
    }

    /** The client answers the PHQ-9 on their phone with "several days" on question 9. */
    String answerWithItemNine(int item9) throws Exception {
        var request = post("/today/measures/PHQ9").param("submissionId", UUID.randomUUID().toString());
        for (int i = 1; i <= 8; i++) {
            request.param("item" + i, "1");
        }
        request.param("item9", String.valueOf(item9));
        return client.perform(request).getResponse().getContentAsString();
    }

    UUID alertId() {
        return jdbc.sql("SELECT id FROM risk_alert WHERE practice_id = ?").param(practice.id()).query(UUID.class).single();
    }

    List<String> auditOfAlert() {
        return jdbc.sql("SELECT action || ' ' || coalesce(detail, '') FROM audit_event WHERE practice_id = ? "
                + "AND subject = 'risk alert' AND action <> 'READ' ORDER BY seq").param(practice.id()).query(String.class).list();
    }

    void runDueWork() {
        ((ManualScheduler) scheduler).runAnyDueExecutions();
    }

    @Test
    void aRiskAnswerShowsCrisisContactsAndPutsTheAlertOnEveryPageOfTheCareTeamUntilAcknowledged() throws Exception {
        String thanks = answerWithItemNine(1);
        assertThat(thanks).contains("If you are in danger, get help now")
                .contains("Your clinician has been told about your answer and will contact you.");

        WebSession clinician = clinic.signIn(practice.clinician());
        UUID alert = alertId();
        for (String path : List.of("/caseload", "/clients/" + clientId, "/clients/" + clientId + "/measures",
                "/clients/" + clientId + "/goals/new", "/worksheets")) {
            assertThat(page(clinician, path)).as(path).contains("Open risk alert:")
                    .contains("/clients/" + clientId + "/alerts/" + alert).contains("Kim Client")
                    .contains("raised Friday 6 March 2026 at 15:00");
        }
        String alertPage = page(clinician, "/clients/" + clientId + "/alerts/" + alert);
        assertThat(alertPage).contains("PHQ-9 question 9, “Thoughts that you would be better off dead or of hurting "
                + "yourself in some way”: Several days")
                .contains("Escalates to the supervisors and admins Monday 9 March 2026 at 11:00 unless acknowledged")
                .contains("assign the safety plan").contains("worksheet=safety-plan");

        assertThat(page(clinic.signIn(practice.supervisor()), "/caseload")).contains("Open risk alert:");
        assertThat(page(clinic.signIn(practice.otherClinician()), "/caseload")).doesNotContain("risk alert");
        assertThat(page(clinic.signIn(practice.admin()), "/admin/clients")).doesNotContain("risk alert");

        MvcResult noNote = clinician.perform(post("/clients/" + clientId + "/alerts/" + alert + "/acknowledgement")
                .param("action", "OTHER").param("note", " "));
        assertThat(noNote.getResponse().getStatus()).isEqualTo(400);
        assertThat(noNote.getResponse().getContentAsString()).contains("Note: say what was done");
        assertThat(page(clinician, "/caseload")).contains("Open risk alert:");

        clinician.perform(post("/clients/" + clientId + "/alerts/" + alert + "/acknowledgement")
                .param("action", "CONTACTED_CLIENT").param("note", "Called at 15:20; safe tonight, sister staying over."));
        assertThat(page(clinician, "/caseload")).doesNotContain("Open risk alert:");
        assertThat(page(clinician, "/clients/" + clientId + "/alerts/" + alert))
                .contains("Acknowledged Friday 6 March 2026 at 15:00 by Chris Primary: contacted the client — Called at 15:20");
        MvcResult twice = clinician.perform(post("/api/v1/clients/" + clientId + "/alerts/" + alert + "/acknowledgement")
                .contentType("application/json").content("{\"action\":\"SAFETY_PLAN_REVIEWED\"}"));
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);

        assertThat(auditOfAlert()).hasSize(2);
        assertThat(auditOfAlert().get(0)).startsWith("CREATE raised by a risk answer").doesNotContain("Several days");
        assertThat(auditOfAlert().get(1)).isEqualTo("CHANGE acknowledged: contacted the client");

        clock.set(Instant.parse("2026-03-09T12:00:00Z"));
        runDueWork();
        assertThat(jdbc.sql("SELECT escalated_at IS NULL FROM risk_alert WHERE practice_id = ?").param(practice.id())
                .query(Boolean.class).single()).as("an acknowledged alert is never escalated").isTrue();
    }

    @Test
    void anUnacknowledgedAlertEscalatesAfterFourWorkingHoursToSupervisorAndAdminsNamesOnly() throws Exception {
        answerWithItemNine(2);
        UUID alert = alertId();

        clock.set(Instant.parse("2026-03-09T10:59:00Z"));
        runDueWork();
        assertThat(Mailbox.countTo(practice.admin().email())).isZero();
        assertThat(jdbc.sql("SELECT escalated_at IS NULL FROM risk_alert WHERE practice_id = ?").param(practice.id())
                .query(Boolean.class).single()).as("not escalated at 10:59 on Monday").isTrue();

        clock.set(Instant.parse("2026-03-09T11:00:00Z"));
        runDueWork();
        runDueWork();
        String adminMail = Mailbox.body(Mailbox.latestTo(practice.admin().email()));
        assertThat(adminMail).contains("An urgent alert about a client of your practice").contains("/alerts")
                .doesNotContain("Kim").doesNotContain("Several days").doesNotContain("PHQ");
        assertThat(Mailbox.countTo(practice.supervisor().email())).isEqualTo(1);
        assertThat(Mailbox.countTo(practice.admin().email())).isEqualTo(1);
        assertThat(Mailbox.countTo(practice.otherClinician().email())).isZero();

        WebSession admin = clinic.signIn(practice.admin());
        assertThat(page(admin, "/admin/clients")).contains("1 escalated risk alert waits").doesNotContain("Kim Client —");
        String list = page(admin, "/alerts");
        assertThat(list).contains("Kim Client").contains("escalated Monday 9 March 2026 at 11:00")
                .doesNotContain("Several days").doesNotContain("better off dead");
        assertThat(admin.perform(get("/clients/" + clientId + "/alerts/" + alert)).getResponse().getStatus())
                .as("an admin off the care team cannot open the alert").isEqualTo(403);

        WebSession supervisor = clinic.signIn(practice.supervisor());
        assertThat(page(supervisor, "/clients/" + clientId + "/alerts/" + alert))
                .contains("Escalated Monday 9 March 2026 at 11:00 to 2 supervisor(s) and admin(s)");
        supervisor.perform(post("/clients/" + clientId + "/alerts/" + alert + "/acknowledgement")
                .param("action", "SAFETY_PLAN_REVIEWED"));
        assertThat(page(admin, "/admin/clients")).doesNotContain("escalated risk alert");
        assertThat(auditOfAlert()).hasSize(3);
        assertThat(auditOfAlert().get(1)).isEqualTo("CHANGE escalated unacknowledged to 2 supervisor(s) and admin(s); 2 e-mail(s) sent");
        assertThat(auditOfAlert().get(2)).isEqualTo("CHANGE acknowledged: reviewed the safety plan with the client (after escalation)");
    }

    @Test
    void aPracticeSetsItsOwnEscalationTimeAndACustomRatingCanRaiseAnAlert() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        MvcResult bad = admin.perform(post("/admin/measures/escalation").param("hours", "0").param("dayStart", "18")
                .param("dayEnd", "9"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("Hours must be from 1 to 72 working hours")
                .contains("To must be an hour after the start").contains("Working days: choose at least one working day");
        admin.perform(post("/admin/measures/escalation").param("hours", "1").param("dayStart", "8").param("dayEnd", "20")
                .param("days", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        assertThat(page(admin, "/admin/measures")).contains("1 working hour (every day, 8:00–20:00)");

        UUID urges = context.getBean(Instruments.class).addCustom(practice.admin().actor(), new Instruments.CustomInput(
                "Urge to self-harm", "How strong is the urge to hurt yourself right now?", 0, 10, "none", "overwhelming",
                true, 7)).id();
        String calm = client.perform(post("/today/measures/" + urges).param("submissionId", UUID.randomUUID().toString())
                .param("item1", "6")).getResponse().getContentAsString();
        assertThat(calm).doesNotContain("get help now");
        String urgent = client.perform(post("/today/measures/" + urges).param("submissionId", UUID.randomUUID().toString())
                .param("item1", "7")).getResponse().getContentAsString();
        assertThat(urgent).contains("If you are in danger, get help now");
        assertThat(jdbc.sql("SELECT escalate_at FROM risk_alert WHERE practice_id = ?").param(practice.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));
    }
}
