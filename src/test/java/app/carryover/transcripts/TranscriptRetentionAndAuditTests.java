package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.transcripts.audit.PracticeAudit;

/**
 * How long transcript text is kept (the detections and the audit always stay), and the practice
 * audit as a page and CSV, against the real database.
 */
@CarryoverTest
class TranscriptRetentionAndAuditTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sessions sessions;
    @Autowired
    Consents consents;
    @Autowired
    TranscriptRetention retention;

    Clinic clinic;
    TestPractice practice;
    TherapySession first;
    TherapySession second;
    WebSession clinician;

    @BeforeEach
    void aClientWhoConsentedWithTwoHeldSessions(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        practice = clinic.practice();
        first = heldSession(practice.clinician(), practice.client(), LocalDateTime.of(2026, 3, 3, 17, 0));
        second = heldSession(practice.clinician(), practice.client(), LocalDateTime.of(2026, 3, 10, 17, 0));
        clock.set(Instant.parse("2026-03-10T18:00:00Z"));
        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        clinician = clinic.signIn(practice.clinician());
    }

    @Test
    void theTextIsDeletedOnceEveryDetectedAssignmentIsDecidedWhileDetectionsAndAuditStay() throws Exception {
        UUID transcript = upload(clinician, practice.client(), second, "session.txt", SampleTranscripts.PLAIN);
        List<UUID> found = assignmentDetections(transcript);
        assertThat(found).hasSize(2);
        String base = "/clients/" + practice.client().clientId() + "/transcripts/" + transcript;
        clinician.perform(post(base + "/detections/" + found.get(0) + "/dismissal"));
        assertThat(body(transcript)).as("one detection still waits").isNotNull();

        clock.advance(Duration.ofMinutes(5));
        clinician.perform(post(base + "/detections/" + found.get(1) + "/assignment").param("title", "Slow breathing")
                .param("instructions", "Breathe slowly for five minutes.").param("general", "true")
                .param("doseKind", "PER_DAY").param("doseCount", "2"));
        assertThat(body(transcript)).isNull();
        assertThat(jdbc.sql("SELECT text_deleted_at FROM transcript WHERE practice_id = ? AND id = ?")
                .params(practice.id(), transcript).query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(clock.instant());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND turn_text IS NULL""")
                .params(practice.id(), transcript).query(Integer.class).single()).isEqualTo(detectionCount(transcript)).isGreaterThan(2);
        assertThat(jdbc.sql("SELECT state FROM transcript_detection WHERE practice_id = ? AND kind = 'ASSIGNS' ORDER BY turn")
                .param(practice.id()).query(String.class).list()).containsExactly("DISMISSED", "CONFIRMED");
        assertThat(auditSubjects()).contains("CREATE transcript", "CHANGE transcript detection", "DELETE transcript text");
        String page = clinician.perform(get(base)).getResponse().getContentAsString();
        assertThat(page).contains("The transcript text was deleted on Tue 10 Mar 2026, 18:05: every detected assignment was confirmed or dismissed")
                .contains("What was found in it, and the audit, remain").doesNotContain("The transcript as uploaded")
                .contains("<mark>thought record</mark>").contains("Slow breathing");
    }

    @Test
    void aTranscriptWithNothingToDecideKeepsNoTextUnderTheDefaultRule() throws Exception {
        UUID transcript = upload(clinician, practice.client(), first, "quiet.txt", SampleTranscripts.NOTHING);
        assertThat(body(transcript)).isNull();
        assertThat(jdbc.sql("SELECT homework_assigned::text || homework_reviewed::text FROM transcript WHERE practice_id = ? AND id = ?")
                .params(practice.id(), transcript).query(String.class).single()).isEqualTo("falsefalse");
    }

    @Test
    void aRuleOfDaysKeepsTheTextThatLongAndThePeriodicPassDeletesItOnceAcrossNodes() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        assertThat(admin.perform(get("/admin/transcript-retention")).getResponse().getContentAsString())
                .contains("deleted once every detected assignment is confirmed or dismissed");
        MvcResult refused = admin.perform(post("/admin/transcript-retention").param("mode", "DAYS").param("days", "0"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        admin.perform(post("/admin/transcript-retention").param("mode", "DAYS").param("days", "7"));
        assertThat(admin.perform(get("/admin/transcript-retention")).getResponse().getContentAsString())
                .contains("kept for 7 days after upload, then deleted");

        UUID transcript = upload(clinician, practice.client(), second, "session.txt", SampleTranscripts.PLAIN);
        String base = "/clients/" + practice.client().clientId() + "/transcripts/" + transcript;
        for (UUID d : assignmentDetections(transcript)) {
            clinician.perform(post(base + "/detections/" + d + "/dismissal"));
        }
        assertThat(body(transcript)).as("under a rule of days, decisions do not delete").isNotNull();
        clock.advance(Duration.ofDays(6));
        assertThat(retention.applyRule(practice.id())).isEmpty();
        assertThat(body(transcript)).isNotNull();

        clock.advance(Duration.ofDays(2));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = () -> retention.applyRule(practice.id()).size();
            List<Future<Integer>> runs = nodes.invokeAll(List.of(pass, pass));
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(1);
        } finally {
            nodes.shutdown();
        }
        retention.applyRules();
        assertThat(body(transcript)).isNull();
        assertThat(jdbc.sql("""
                SELECT actor_label || ': ' || detail FROM audit_event WHERE practice_id = ? AND action = 'DELETE'""")
                .param(practice.id()).query(String.class).list())
                .containsExactly(TranscriptRetention.RULE_LABEL
                        + ": deleted by the practice's retention rule: transcript text kept for 7 days after upload, then deleted");
        assertThat(detectionCount(transcript)).isGreaterThan(2);
        assertThat(clinician.perform(get(base)).getResponse().getContentAsString())
                .contains("kept for 7 days after upload, as the practice&#39;s rule says");
    }

    @Test
    void theAuditShowsAdminsTheWholePracticeAndCliniciansTheirOwnAsAPageAndCsv() throws Exception {
        upload(clinician, practice.client(), first, "first.txt", SampleTranscripts.NOTHING);
        upload(clinician, practice.client(), second, "second.txt", SampleTranscripts.NOTHING);
        upload(clinician, practice.client(), second, "second-again.txt", SampleTranscripts.PLAIN);
        TherapySession other = heldSession(practice.otherClinician(), practice.otherClient(), LocalDateTime.of(2026, 3, 10, 12, 0));
        consents.decide(practice.otherClient().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        upload(clinic.signIn(practice.otherClinician()), practice.otherClient(), other, "other.srt",
                SampleTranscripts.SRT);

        WebSession admin = clinic.signIn(practice.admin());
        String page = admin.perform(get("/transcripts/audit")).getResponse().getContentAsString();
        assertThat(page).contains("The whole practice").contains("(all clinicians)").contains("Chris Primary").contains("Olu Other")
                .doesNotContain("thought record").doesNotContain("Kim Client");
        MvcResult csv = admin.perform(get("/transcripts/audit.csv"));
        assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment").contains("transcript-audit.csv");
        assertThat(csv.getResponse().getContentAsString().split("\r\n")).containsExactly(PracticeAudit.HEADER,
                "(all clinicians),3,2,0.667,2,0.667,3,3,0,1.000,1,0,2,0",
                "Chris Primary,2,1,0.500,1,0.500,2,2,0,1.000,1,0,1,0",
                "Olu Other,1,1,1.000,1,1.000,1,1,0,1.000,0,0,1,0");

        String own = clinician.perform(get("/transcripts/audit")).getResponse().getContentAsString();
        assertThat(own).contains("Your own sessions").contains(TranscriptAudits.YOURS).doesNotContain("Olu Other");
        assertThat(clinician.perform(get("/transcripts/audit.csv")).getResponse().getContentAsString().split("\r\n"))
                .containsExactly(PracticeAudit.HEADER, "(your sessions),2,1,0.500,1,0.500,2,2,0,1.000,1,0,1,0");
        assertThat(clinician.perform(get("/api/v1/transcripts/audit")).getResponse().getContentAsString())
                .contains("\"wholePractice\":false").contains("\"shareAssigning\":0.5")
                .contains("\"categories\":{\"skill_practice\":1,\"action\":0,\"journaling\":1,\"learning\":0}");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'EXPORT' AND subject = 'transcript audit'")
                .param(practice.id()).query(Integer.class).single()).isEqualTo(2);
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.perform(get("/transcripts/audit")).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theAuditCanBeLimitedToARangeOfSessionDatesAndABadRangeIsNamed() throws Exception {
        upload(clinician, practice.client(), first, "first.txt", SampleTranscripts.NOTHING);
        upload(clinician, practice.client(), second, "second.txt", SampleTranscripts.PLAIN);
        WebSession admin = clinic.signIn(practice.admin());

        assertThat(admin.perform(get("/api/v1/transcripts/audit").param("from", "2026-03-10").param("to", "2026-03-10"))
                .getResponse().getContentAsString()).contains("\"from\":\"2026-03-10\"", "\"sessions\":1,", "\"shareAssigning\":1.0");
        assertThat(admin.perform(get("/api/v1/transcripts/audit").param("to", "2026-03-09")).getResponse()
                .getContentAsString()).contains("\"sessions\":1,", "\"shareAssigning\":0.0");
        assertThat(admin.perform(get("/api/v1/transcripts/audit").param("from", "2026-03-11")).getResponse()
                .getContentAsString()).contains("\"sessions\":0,");
        assertThat(admin.perform(get("/transcripts/audit.csv").param("from", "2026-03-04")).getResponse()
                .getContentAsString().split("\r\n")[1]).startsWith("(all clinicians),1,1,1.000,");
        String page = admin.perform(get("/transcripts/audit").param("from", "2026-03-04").param("to", "2026-03-31"))
                .getResponse().getContentAsString();
        assertThat(page).contains("Sessions from 4 Mar 2026 to 31 Mar 2026", "value=\"2026-03-04\"",
                "href=\"/transcripts/audit.csv?from=2026-03-04&amp;to=2026-03-31\"");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE practice_id = ? AND action = 'EXPORT' AND subject = 'transcript audit'")
                .param(practice.id()).query(String.class).list()).containsExactly("whole practice, since 4 Mar 2026, 1 session(s), figures only");

        MvcResult backwards = admin.perform(get("/api/v1/transcripts/audit").param("from", "2026-03-10").param("to", "2026-03-01"));
        assertThat(backwards.getResponse().getStatus()).isEqualTo(400);
        assertThat(backwards.getResponse().getContentAsString()).contains("\"field\":\"to\"", "must be on or after");
        MvcResult badDate = admin.perform(get("/api/v1/transcripts/audit").param("from", "10/03/2026"));
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(badDate.getResponse().getContentAsString()).contains("\"field\":\"from\"", "YYYY-MM-DD");
        MvcResult farFuture = admin.perform(get("/api/v1/transcripts/audit.csv").param("to", "+999999999-12-31"));
        assertThat(farFuture.getResponse().getStatus()).isEqualTo(400);
        assertThat(farFuture.getResponse().getContentAsString()).contains("\"field\":\"to\"", "between the years 1900 and 9999");
        MvcResult farFuturePage = admin.perform(get("/transcripts/audit.csv").param("to", "+999999999-12-31"));
        assertThat(farFuturePage.getResponse().getStatus()).isEqualTo(400);
        assertThat(farFuturePage.getResponse().getContentAsString()).contains("between the years 1900 and 9999");
        MvcResult badPage = admin.perform(get("/transcripts/audit").param("from", "2026-03-10").param("to", "2026-03-01"));
        assertThat(badPage.getResponse().getStatus()).isEqualTo(400);
        assertThat(badPage.getResponse().getContentAsString()).contains("The last date must be on or after", "aria-invalid=\"true\"");
    }

    @Test
    void theRangeReadsSessionDatesInThePracticesTimeZoneAndFollowsAMovedSession() throws Exception {
        // 00:30 in London in summer time is 23:30 UTC the day before: the audit files it under the London date
        TherapySession late = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2026, 6, 1, 0, 30), 50);
        upload(clinician, practice.client(), late, "late.txt", SampleTranscripts.PLAIN);
        WebSession admin = clinic.signIn(practice.admin());
        String onTheFirst = "/api/v1/transcripts/audit?from=2026-06-01&to=2026-06-01";
        assertThat(admin.perform(get(onTheFirst)).getResponse().getContentAsString()).contains("\"sessions\":1,");
        assertThat(admin.perform(get("/api/v1/transcripts/audit?from=2026-05-31&to=2026-05-31")).getResponse()
                .getContentAsString()).contains("\"sessions\":0,");

        // the session is moved a week on: its transcript is counted on the new date, not the old one
        sessions.reschedule(practice.clinician().actor(), practice.client().clientId(), late.id(),
                LocalDateTime.of(2026, 6, 8, 10, 0), 50);
        assertThat(admin.perform(get(onTheFirst)).getResponse().getContentAsString()).contains("\"sessions\":0,");
        assertThat(admin.perform(get("/api/v1/transcripts/audit?from=2026-06-08&to=2026-06-08")).getResponse()
                .getContentAsString()).contains("\"sessions\":1,");
    }

    private TherapySession heldSession(Person clinician, Person client, LocalDateTime at) {
        Instant now = clock.instant();
        TherapySession s = sessions.schedule(clinician.actor(), client.clientId(), at, 50);
        clock.set(s.startsAt().plus(Duration.ofMinutes(50)));
        sessions.setStatus(clinician.actor(), client.clientId(), s.id(), SessionStatus.HELD);
        if (now.isAfter(clock.instant())) {
            clock.set(now);
        }
        return s;
    }

    private UUID upload(WebSession who, Person client, TherapySession session, String name, String text) throws Exception {
        MvcResult result = who.perform(multipart("/clients/" + client.clientId() + "/sessions/" + session.id() + "/transcripts")
                .file(new MockMultipartFile("file", name, "text/plain", text.getBytes(StandardCharsets.UTF_8))));
        assertThat(result.getResponse().getRedirectedUrl()).as(name).isNotNull();
        return UUID.fromString(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
    }

    private List<UUID> assignmentDetections(UUID transcript) {
        return jdbc.sql("SELECT id FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND kind = 'ASSIGNS' ORDER BY turn")
                .params(practice.id(), transcript).query(UUID.class).list();
    }

    private int detectionCount(UUID transcript) {
        return jdbc.sql("SELECT count(*) FROM transcript_detection WHERE practice_id = ? AND transcript_id = ?")
                .params(practice.id(), transcript).query(Integer.class).single();
    }

    private String body(UUID transcript) {
        return jdbc.sql("SELECT body FROM transcript WHERE practice_id = ? AND id = ?").params(practice.id(), transcript)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private List<String> auditSubjects() {
        return jdbc.sql("SELECT action || ' ' || subject FROM audit_event WHERE practice_id = ? ORDER BY seq")
                .param(practice.id()).query(String.class).list();
    }
}
