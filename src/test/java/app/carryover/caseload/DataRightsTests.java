package app.carryover.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import app.carryover.audit.AuditLog;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.ResponseKind;
import app.carryover.measures.Measures;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.PracticeLog;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * A client downloads their data (JSON and a readable PDF, without clinicians' notes); the care team
 * produces the full record; a client asks for erasure, their clinician approves with a reason, the
 * record is kept for the retention period and then erased by the retention job, leaving the audit
 * whole and another client untouched. Every step audited.
 */
@CarryoverTest
class DataRightsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Retention retention;

    TestPractice practice;

    @BeforeEach
    void aClientWithHomeworkAndASession() {
        practice = Fixtures.practice(context);
        var walk = context.getBean(Assignments.class).compose(practice.clinician().actor(), practice.client().clientId(),
                new AssignmentDraft("Evening walk", "Walk for ten minutes after dinner.", "To lift the evening mood.", true,
                        List.of(), null, null, Dose.perDay(1), null, null, 3, null));
        PracticeLog log = context.getBean(PracticeLog.class);
        log.log(practice.client().actor(), walk.id(), new EntryInput(UUID.randomUUID(), null, 6, "walked by the canal", null));
        log.log(practice.client().actor(), walk.id(), new EntryInput(UUID.randomUUID(), null, 4, "short loop in the rain", null));
        context.getBean(HomeworkReviews.class).reflect(practice.client().actor(), walk.id(),
                new HomeworkReviews.ReflectionInput("small steps help", null, List.of(), 3));
        Sessions sessions = context.getBean(Sessions.class);
        TherapySession session = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2027, 1, 12, 10, 0), 50);
        sessions.saveNotes(practice.clinician().actor(), practice.client().clientId(), session.id(),
                "Mentioned trouble sleeping since the move.");
        // The other client's own homework, which nothing here may touch.
        var other = context.getBean(Assignments.class).compose(practice.otherClinician().actor(),
                practice.otherClient().clientId(), new AssignmentDraft("Morning stretch", "Stretch for five minutes.",
                        null, true, List.of(), null, null, Dose.perDay(1), null, null, 2, null));
        log.log(practice.otherClient().actor(), other.id(), new EntryInput(UUID.randomUUID(), null, 5, "stretched", null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientDownloadsTheirOwnDataAsJsonAndPdfWithoutClinicianNotes() throws Exception {
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        String page = client.perform(get("/settings/privacy")).getResponse().getContentAsString();
        assertThat(page).contains("Download as a PDF").contains("Download as JSON").contains("Ask for my data to be erased")
                .contains("<span>7</span> years after your care ends");

        MvcResult json = client.perform(get("/settings/privacy/my-data.json"));
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("carryover-my-data-");
        String body = json.getResponse().getContentAsString();
        assertThat(body).contains("\"kind\" : \"carryover client data export\"").contains("Kim Client")
                .contains("Evening walk").contains("To lift the evening mood.").contains("walked by the canal")
                .contains("short loop in the rain").contains("small steps help").contains("\"kind\" : \"TERMS\"")
                .contains("\"therapy_session\"").contains("\"duration_minutes\" : 50");
        assertThat(body).doesNotContain("trouble sleeping").doesNotContain("coach_report").doesNotContain("difficulty")
                .doesNotContain("Morning stretch").doesNotContain("password");

        MvcResult pdf = client.perform(get("/settings/privacy/my-data.pdf"));
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        String text = textOf(pdf.getResponse().getContentAsByteArray());
        assertThat(text).contains("Your data in Carryover").contains("Kim Client").contains("Assignments (1)")
                .contains("Evening walk").contains("Practice entries (2)").contains("walked by the canal")
                .contains("Reflections (1)").contains("small steps help").contains("Sessions (1)")
                .contains("12 January 2027, 10:00").contains("Consent history");
        assertThat(text).doesNotContain("trouble sleeping").doesNotContain("Morning stretch");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND client_id = ? AND action = 'EXPORT' "
                + "AND actor_id = ?").params(practice.id(), practice.client().clientId(), practice.client().accountId())
                .query(Long.class).single()).as("both downloads audited").isEqualTo(2);
    }

    @Test
    void theClientsCopyHoldsTheirQuestionnairesAndQuestionsAndRepliesButNotTheClinicianRatings() throws Exception {
        UUID clientId = practice.client().clientId();
        UUID walk = jdbc.sql("SELECT id FROM assignment WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), clientId).query(UUID.class).single();
        Measures measures = context.getBean(Measures.class);
        measures.answer(practice.client().actor(), "PHQ9", new Measures.AnswerInput(UUID.randomUUID(),
                java.util.Arrays.asList(1, 2, 1, 0, 1, 1, 0, 1, 0, 1), null));
        measures.rateHomeworkAsClinician(practice.clinician().actor(), clientId, walk,
                new Measures.AnswerInput(UUID.randomUUID(), List.of(3, 3, 3, 3), null));
        ClientVoice voice = context.getBean(ClientVoice.class);
        UUID question = voice.respond(practice.client().actor(), walk, ResponseKind.QUESTION,
                "Does a walk to the shop count?").id();
        voice.reply(practice.clinician().actor(), clientId, question, "Yes, if it is at least ten minutes.");
        voice.ask(practice.client().actor(), "Something for the mornings");

        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        String body = client.perform(get("/settings/privacy/my-data.json")).getResponse().getContentAsString();
        assertThat(body).contains("\"measure_administration\"").contains("\"instrument\" : \"PHQ9\"")
                .contains("\"total\" : 7").contains("\"band\" : \"mild\"")
                .contains("Does a walk to the shop count?").contains("Yes, if it is at least ten minutes.")
                .contains("Something for the mornings");
        assertThat(body).as("the clinician's own rating and the clinician's side of a questionnaire")
                .doesNotContain("HOMEWORK_CLINICIAN").doesNotContain("\"risk\"").doesNotContain("answered_by");
        String pdf = textOf(client.perform(get("/settings/privacy/my-data.pdf")).getResponse().getContentAsByteArray());
        assertThat(pdf).contains("Questionnaires answered (1)").contains("PHQ9")
                .contains("Questions and answers about homework (1)").contains("Yes, if it is at least ten minutes.")
                .contains("Requests for homework (1)").contains("Something for the mornings");

        WebSession primary = WebSession.signIn(mvc, practice.clinician(), clock);
        String full = primary.perform(get("/clients/" + clientId + "/record.json")).getResponse().getContentAsString();
        assertThat(full).as("the full record keeps everything").contains("HOMEWORK_CLINICIAN").contains("\"risk\" : false");
    }

    @Test
    void theCareTeamProducesTheFullRecordWithNotesAndNobodyElseDoes() throws Exception {
        WebSession primary = WebSession.signIn(mvc, practice.clinician(), clock);
        String full = primary.perform(get("/clients/" + practice.client().clientId() + "/record.json")).getResponse()
                .getContentAsString();
        assertThat(full).contains("carryover full client record").contains("Mentioned trouble sleeping since the move.")
                .contains("\"difficulty\" : 3").contains("walked by the canal").contains("care_team_member")
                .doesNotContain("password_hash").doesNotContain("Morning stretch");
        String pdf = textOf(primary.perform(get("/clients/" + practice.client().clientId() + "/record.pdf")).getResponse()
                .getContentAsByteArray());
        assertThat(pdf).contains("Full client record").contains("Mentioned trouble sleeping since the move.");

        WebSession other = WebSession.signIn(mvc, practice.otherClinician(), clock);
        assertThat(other.perform(get("/clients/" + practice.client().clientId() + "/record.json")).getResponse().getStatus())
                .isEqualTo(404);
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.perform(get("/clients/" + practice.client().clientId() + "/record.json")).getResponse().getStatus())
                .as("an admin off the care team sees no clinical content").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND client_id = ? AND action = 'EXPORT' "
                + "AND subject = 'full client record' AND actor_id = ?").params(practice.id(), practice.client().clientId(),
                        practice.clinician().accountId()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND client_id = ? AND action = "
                + "'ACCESS_DENIED' AND actor_id = ?").params(practice.id(), practice.client().clientId(),
                        practice.otherClinician().accountId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClientAsksForErasureTheirClinicianApprovesAndAfterTheRetentionPeriodTheRecordIsErased() throws Exception {
        UUID clientId = practice.client().clientId();
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        client.perform(post("/settings/privacy/erasure").param("reason", "I am moving on and want this gone."));
        assertThat(client.perform(get("/settings/privacy")).getResponse().getContentAsString())
                .contains("Your clinician will decide.").contains("Withdraw my request");

        WebSession supervisor = WebSession.signIn(mvc, practice.supervisor(), clock);
        assertThat(supervisor.perform(post("/clients/" + clientId + "/erasure").param("decision", "approve")
                .param("reason", "ok")).getResponse().getStatus()).isEqualTo(403);

        WebSession primary = WebSession.signIn(mvc, practice.clinician(), clock);
        assertThat(primary.perform(get("/clients/" + clientId)).getResponse().getContentAsString())
                .contains("This client asked for their data to be erased");
        String asked = primary.perform(get("/clients/" + clientId + "/erasure")).getResponse().getContentAsString();
        assertThat(asked).contains("Waiting for a decision.").contains("I am moving on and want this gone.")
                .contains("Approve erasure");
        MvcResult noReason = primary.perform(post("/clients/" + clientId + "/erasure").param("decision", "approve").param("reason", " "));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(noReason.getResponse().getContentAsString()).contains("Reason say why");
        assertThat(status(clientId)).isEqualTo("REQUESTED");

        Instant approvedAt = clock.instant();
        MvcResult approved = primary.perform(post("/clients/" + clientId + "/erasure").param("decision", "approve")
                .param("reason", "Asked in session; nothing open."));
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + clientId + "/erasure");
        assertThat(status(clientId)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT status FROM client WHERE practice_id = ? AND id = ?").params(practice.id(), clientId)
                .query(String.class).single()).isEqualTo("DISCHARGED");
        int eraseYear = approvedAt.atZone(ZoneOffset.UTC).getYear() + 7;
        assertThat(client.perform(get("/settings/privacy")).getResponse().getContentAsString())
                .contains("Approved on").contains("must keep your record until").contains(String.valueOf(eraseYear))
                .contains("Reason: Asked in session; nothing open.");

        // Within the retention period nothing is erased.
        assertThat(retention.run(practice.id()).clientsErased()).isZero();
        assertThat(rowsOf(clientId)).isPositive();

        long otherEntries = entriesOf(practice.otherClient().clientId());
        clock.advance(Duration.ofDays(7 * 365 + 3));
        Retention.Run run = retention.run(practice.id());
        assertThat(run.clientsErased()).isEqualTo(1);
        assertThat(run.rowsDeleted()).isGreaterThanOrEqualTo(8);
        assertThat(rowsOf(clientId)).as("no row of any table names the client but the audit and the request").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_session WHERE practice_id = ? AND notes LIKE 'Mentioned trouble%'")
                .param(practice.id()).query(Long.class).single()).as("the client's own session is gone").isZero();
        assertThat(jdbc.sql("SELECT display_name || ' ' || (erased_at IS NOT NULL) FROM client WHERE practice_id = ? AND id = ?")
                .params(practice.id(), clientId).query(String.class).single()).isEqualTo("Erased client true");
        assertThat(jdbc.sql("SELECT email FROM account WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.client().accountId()).query(String.class).single())
                .startsWith("erased-").endsWith("@erased.invalid");
        assertThat(jdbc.sql("SELECT status || ' ' || (client_reason IS NULL) FROM erasure_request WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), clientId).query(String.class).single()).isEqualTo("DONE true");
        assertThat(entriesOf(practice.otherClient().clientId())).isEqualTo(otherEntries);
        assertThat(jdbc.sql("SELECT display_name FROM client WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.otherClient().clientId()).query(String.class).single()).isEqualTo("Lee Otherclient");

        // The audit keeps every step, and its chain still verifies.
        List<String> steps = jdbc.sql("SELECT action || ' ' || subject || ': ' || coalesce(detail, '') FROM audit_event "
                + "WHERE practice_id = ? AND client_id = ? AND subject IN ('erasure request', 'client record') ORDER BY seq")
                .params(practice.id(), clientId).query(String.class).list();
        assertThat(steps).anyMatch(s -> s.startsWith("CREATE erasure request: requested by the client"))
                .anyMatch(s -> s.startsWith("CHANGE erasure request: approved"))
                .anyMatch(s -> s.startsWith("CHANGE client record: discharged on approving erasure"))
                .anyMatch(s -> s.startsWith("DELETE client record: erased after the retention period"));
        assertThat(auditLog.verify(practice.admin().actor()).intact()).isTrue();
        // No audit row names the client: their own actions are labelled by their client id, shown by name only
        // while the record exists.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND (actor_label LIKE '%Kim Client%' "
                + "OR coalesce(detail, '') LIKE '%Kim Client%' OR coalesce(subject, '') LIKE '%Kim Client%')")
                .param(practice.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND actor_label = ?")
                .params(practice.id(), "client " + clientId + " (client)").query(Long.class).single())
                .as("the client's own steps, by id").isPositive();
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.read("/admin/audit?client=" + clientId + "&action=CREATE"))
                .contains("Erased client (client)").doesNotContain("Kim Client");
        assertThat(retention.run(practice.id()).clientsErased()).as("run twice, erased once").isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(Caseload.class)
                .readmit(practice.admin().actor(), clientId)).hasMessageContaining("cannot be reopened");
    }

    @Test
    void aRequestOfAClientWithAnOpenRiskAlertIsHeldForReview() throws Exception {
        context.getBean(app.carryover.measures.Measures.class).answer(practice.client().actor(), app.carryover.measures.Measure.PHQ9.key(),
                new app.carryover.measures.Measures.AnswerInput(UUID.randomUUID(), List.of(1, 1, 1, 1, 1, 1, 1, 1, 2, 1), null));
        Erasures erasures = context.getBean(Erasures.class);
        assertThat(erasures.request(practice.client().actor(), null).status()).isEqualTo(Erasures.Status.HELD);
        WebSession primary = WebSession.signIn(mvc, practice.clinician(), clock);
        MvcResult held = primary.perform(post("/clients/" + practice.client().clientId() + "/erasure")
                .param("decision", "approve").param("reason", "Asked twice."));
        assertThat(held.getResponse().getStatus()).isEqualTo(409);
        assertThat(status(practice.client().clientId())).isEqualTo("HELD");
        assertThat(jdbc.sql("SELECT status FROM client WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.client().clientId()).query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void theRetentionPeriodIsAPracticeSettingCheckedAndAudited() throws Exception {
        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.perform(get("/admin/retention")).getResponse().getContentAsString())
                .contains("value=\"7\"").contains("No client is waiting for a decision.");
        MvcResult refused = admin.perform(post("/admin/retention").param("years", "0"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Years must be a whole number of years from 1 to 30")
                .contains("value=\"0\"");
        admin.perform(post("/admin/retention").param("years", "10"));
        assertThat(retention.years(practice.id())).isEqualTo(10);
        admin.perform(post("/admin/retention/run"));
        assertThat(admin.perform(get("/admin/retention")).getResponse().getContentAsString()).contains("value=\"10\"")
                .contains("no discharged client past the retention period of 10 years");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'SETTINGS' AND subject = "
                + "'retention period'").param(practice.id()).query(Long.class).single()).isEqualTo(1);
    }

    private String status(UUID clientId) {
        return jdbc.sql("SELECT status FROM erasure_request WHERE practice_id = ? AND client_id = ? ORDER BY requested_at DESC LIMIT 1")
                .params(practice.id(), clientId).query(String.class).single();
    }

    private long entriesOf(UUID clientId) {
        return jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), clientId).query(Long.class).single();
    }

    /** Rows naming the client in every table with a client_id column, but the audit and the erasure requests. */
    private long rowsOf(UUID clientId) {
        long rows = 0;
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND column_name = 'client_id' AND table_name NOT IN ('audit_event', 'erasure_request')").query(String.class).list()) {
            rows += jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_id = ?").param(clientId).query(Long.class).single();
        }
        return rows;
    }

    private static String textOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ").trim();
        } finally {
            reader.close();
        }
    }
}
