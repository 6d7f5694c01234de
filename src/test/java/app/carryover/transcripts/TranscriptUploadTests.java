package app.carryover.transcripts;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Transcripts in the app, against the real database: consent, upload of each format, the draft in
 * the composer and its confirmation or dismissal, reviews marked, and plain messages for bad files.
 * The client is in Europe/London; sessions on Tuesdays at 17:00.
 */
@CarryoverTest
class TranscriptUploadTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    Consents consents;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    TherapySession first;
    TherapySession second;
    Assignment breathing;
    WebSession clinician;

    @BeforeEach
    void aClientWhoConsentedWithTwoHeldSessions(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        practice = clinic.practice();
        clientId = clinic.clientId();
        List<TherapySession> weekly = clinic.weeklySessions(LocalDateTime.of(2026, 3, 3, 17, 0), 2);
        first = weekly.get(0);
        second = weekly.get(1);
        clock.set(Instant.parse("2026-03-03T17:50:00Z"));
        clinic.held(first);
        breathing = assignments.compose(practice.clinician().actor(), clientId, draft("Slow breathing",
                "Breathe in for 4, out for 6, for five minutes.").inSession(first.id()).difficulty(4).build());
        clock.set(Instant.parse("2026-03-10T17:55:00Z"));
        clinic.held(second);
        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        clinician = clinic.signIn(practice.clinician());
    }

    @Test
    void uploadNeedsTheClientsConsentToTranscriptAnalysis() throws Exception {
        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, false);
        assertThat(clinician.perform(get(sessionPage())).getResponse().getContentAsString())
                .contains("has not agreed to the analysis of session").doesNotContain("Upload and find homework");
        MvcResult page = upload("session.txt", SampleTranscripts.PLAIN);
        assertThat(page.getResponse().getStatus()).isEqualTo(409);
        assertThat(page.getResponse().getContentAsString()).contains("Kim Client has not agreed to the analysis of session transcripts");
        MvcResult api = clinician.perform(post(apiUpload()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fileName\":\"s.txt\",\"text\":\"T: hello\\nC: hi\"}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(409);
        assertThat(api.getResponse().getContentAsString()).contains("\"title\":\"Conflict\"").contains("has not agreed");
        assertThat(count("transcript")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'ACCESS_DENIED' AND detail LIKE '%no consent%'")
                .param(practice.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void eachFormatCreatesDetections() throws Exception {
        String[][] files = {{"session.txt", SampleTranscripts.PLAIN, "TEXT"}, {"session.vtt", SampleTranscripts.WEBVTT, "WEBVTT"},
                {"session.srt", SampleTranscripts.SRT, "SRT"}, {"chat.jsonl", SampleTranscripts.JSONL, "JSON_CHAT"}};
        for (String[] file : files) {
            MvcResult result = upload(file[0], file[1], "Dr Lee=therapist, Sam=client");
            assertThat(result.getResponse().getRedirectedUrl()).as(file[0]).startsWith("/clients/" + clientId + "/transcripts/");
            UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
            assertThat(jdbc.sql("SELECT format FROM transcript WHERE practice_id = ? AND id = ?").params(practice.id(), id)
                    .query(String.class).single()).isEqualTo(file[2]);
            List<String> found = jdbc.sql("""
                    SELECT kind || ' ' || coalesce(category, '-') || ' ' || coalesce(state, '-') FROM transcript_detection
                    WHERE practice_id = ? AND transcript_id = ? AND kind = 'ASSIGNS' ORDER BY turn""")
                    .params(practice.id(), id).query(String.class).list();
            assertThat(found).as(file[0]).contains("ASSIGNS JOURNALING PROPOSED");
            assertThat(jdbc.sql("SELECT count(*) FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND kind = 'REVIEWS'")
                    .params(practice.id(), id).query(Integer.class).single()).as(file[0]).isPositive();
            String page = clinician.perform(get(result.getResponse().getRedirectedUrl())).getResponse().getContentAsString();
            assertThat(page).contains("keep a thought record every evening before bed").contains("journaling")
                    .contains("specific").contains("<mark>thought record</mark>").contains("Use as draft")
                    .contains("Homework reviewed").contains("<mark>How did the breathing practice go</mark>");
        }
        String screen = clinician.perform(get(sessionPage())).getResponse().getContentAsString();
        assertThat(screen).contains("chat.jsonl").contains("session.vtt").contains("1 waiting for your decision")
                .as("the browser refuses what the server would").contains("data-max-bytes=\"" + TranscriptUploads.MAX_BYTES + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'CREATE' AND subject = 'transcript'")
                .param(practice.id()).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void useAsDraftOpensTheComposerPrefilledAndAssigningConfirmsAndLinks() throws Exception {
        String transcript = uploaded("session.txt", SampleTranscripts.PLAIN);
        UUID breathingDetection = detection(transcript, "SKILL_PRACTICE");
        String draft = clinician.perform(get(transcript + "/detections/" + breathingDetection + "/draft")).getResponse()
                .getContentAsString();
        assertThat(draft).contains("value=\"Keep doing the slow breathing\"")
                .contains(">Keep doing the slow breathing twice a day, for five minutes, after breakfast and before bed.</textarea>")
                .contains("<mark>keep doing</mark>").contains("Quality coach")
                .contains("Dose read from the words “twice a day”").contains("value=\"after breakfast and before bed\"")
                .contains("action=\"" + transcript + "/detections/" + breathingDetection + "/assignment\"")
                .doesNotContain("Assign and add another");
        assertThat(draft).containsPattern("<option value=\"PER_DAY\" selected=\"selected\">a day</option>");
        MvcResult assigned = clinician.perform(post(transcript + "/detections/" + breathingDetection + "/assignment")
                .param("title", "Slow breathing, twice a day").param("instructions", "Breathe in for 4 and out for 6, five minutes.")
                .param("general", "true").param("doseKind", "PER_DAY").param("doseCount", "2")
                .param("doseTimes", "after breakfast and before bed").param("sessionId", first.id().toString()));
        assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo(transcript + "#assigned");
        var row = jdbc.sql("""
                SELECT d.state, a.title, a.assigned_in_session FROM transcript_detection d JOIN assignment a
                ON a.practice_id = d.practice_id AND a.id = d.assignment_id WHERE d.practice_id = ? AND d.id = ?""")
                .params(practice.id(), breathingDetection).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3))).single();
        assertThat(row).containsExactly("CONFIRMED", "Slow breathing, twice a day", second.id().toString());
        String page = clinician.perform(get(transcript)).getResponse().getContentAsString();
        assertThat(page).contains("assigned as").contains("Slow breathing, twice a day");
        assertThat(clinician.perform(get(transcript + "/detections/" + breathingDetection + "/draft")).getResponse().getStatus())
                .isEqualTo(409);
    }

    @Test
    void aDraftWhoseWordsGiveNoDoseAsksForOneAndAnIncompleteFormIsShownAgain() throws Exception {
        // no dose in the words and no worksheet named (a named worksheet would bring its suggested dose)
        String transcript = uploaded("session.vtt", SampleTranscripts.WEBVTT.replace("every evening before bed", "when you can")
                .replace("keep a thought record", "keep some notes"));
        UUID detection = detection(transcript, "JOURNALING");
        String draft = clinician.perform(get(transcript + "/detections/" + detection + "/draft")).getResponse().getContentAsString();
        assertThat(draft).contains("The words do not say how much practice").contains("<option value=\"\" selected>choose…</option>");
        MvcResult refused = clinician.perform(post(transcript + "/detections/" + detection + "/assignment")
                .param("title", "Thought record").param("instructions", "Write down the situation and the thought.")
                .param("general", "true").param("doseKind", ""));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Dose: say how much practice");
        assertThat(count("assignment")).isEqualTo(1);
        assertThat(state(detection)).isEqualTo("PROPOSED");
    }

    @Test
    void dismissMarksTheDetectionAndAssignsNothing() throws Exception {
        String transcript = uploaded("session.txt", SampleTranscripts.PLAIN);
        UUID journaling = detection(transcript, "JOURNALING");
        MvcResult dismissed = clinician.perform(post(transcript + "/detections/" + journaling + "/dismissal"));
        assertThat(dismissed.getResponse().getRedirectedUrl()).isEqualTo(transcript + "#assigned");
        assertThat(state(journaling)).isEqualTo("DISMISSED");
        assertThat(count("assignment")).isEqualTo(1);
        assertThat(clinician.perform(post(transcript + "/detections/" + journaling + "/dismissal")).getResponse().getStatus())
                .isEqualTo(409);
        assertThat(clinician.perform(get(transcript)).getResponse().getContentAsString()).contains("nothing was assigned from it");
    }

    @Test
    void aMistakenDismissalCanBeTakenBackAndTheDetectionDraftedAfterAll() throws Exception {
        String transcript = uploaded("session.txt", SampleTranscripts.PLAIN);
        UUID journaling = detection(transcript, "JOURNALING");
        String undo = transcript + "/detections/" + journaling + "/dismissal/undo";
        // nothing to take back while it waits for a decision
        assertThat(clinician.perform(post(undo)).getResponse().getStatus()).isEqualTo(409);
        clinician.perform(post(transcript + "/detections/" + journaling + "/dismissal"));
        assertThat(clinician.perform(get(transcript)).getResponse().getContentAsString()).contains("Take back the dismissal");
        // a supervisor reads but cannot take it back
        WebSession supervisor = clinic.signIn(practice.supervisor());
        assertThat(supervisor.perform(get(transcript)).getResponse().getContentAsString())
                .contains("nothing was assigned from it").doesNotContain("Take back the dismissal");
        assertThat(supervisor.perform(post(undo)).getResponse().getStatus()).isEqualTo(403);
        assertThat(state(journaling)).isEqualTo("DISMISSED");

        MvcResult takenBack = clinician.perform(post(undo));
        assertThat(takenBack.getResponse().getRedirectedUrl()).isEqualTo(transcript + "#detection-" + journaling);
        assertThat(state(journaling)).isEqualTo("PROPOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND object_id = ? AND detail = 'dismissal taken back'")
                .params(practice.id(), journaling.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(clinician.perform(get(transcript + "/detections/" + journaling + "/draft")).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(count("assignment")).isEqualTo(1);
    }

    @Test
    void reviewsFoundLetTheClinicianMarkWhichEarlierAssignmentsWereDiscussed() throws Exception {
        String transcript = uploaded("session.txt", SampleTranscripts.PLAIN);
        String page = clinician.perform(get(transcript)).getResponse().getContentAsString();
        assertThat(page).contains("Which earlier homework did the session discuss?").contains("Slow breathing — due at this session");
        assertThat(clinician.perform(get(sessionPage())).getResponse().getContentAsString()).contains("Slow breathing")
                .doesNotContain("discussed in the session transcript");
        clinician.perform(post(transcript + "/discussed").param("assignmentIds", breathing.id().toString()));
        // the homework review of the session says so beside the assignment
        assertThat(clinician.perform(get(sessionPage())).getResponse().getContentAsString())
                .containsPattern("Slow breathing</a>\\s*<span class=\"badge ok\">discussed in the session transcript</span>");
        assertThat(clinician.perform(get(transcript)).getResponse().getContentAsString())
                .containsPattern("value=\"" + breathing.id() + "\" checked=\"checked\"");
        MvcResult foreign = clinician.perform(post(transcript + "/discussed").param("assignmentIds", UUID.randomUUID().toString()));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT assignment_id FROM transcript_discussed WHERE practice_id = ?").param(practice.id())
                .query(UUID.class).list()).containsExactly(breathing.id());
        WebSession supervisor = clinic.signIn(practice.supervisor());
        assertThat(supervisor.perform(get(transcript)).getResponse().getContentAsString()).contains("Slow breathing — discussed")
                .doesNotContain("Use as draft");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void anUploadPastTheServersLimitIsAnsweredWithAProblemNamingTheFile() throws Exception {
        clock.advance(java.time.Duration.ofSeconds(31));
        String token = WebSession.apiTokenIn(clinician.createApiToken(practice.clinician(), clock, "Upload script", false)
                .getResponse().getContentAsString());
        byte[] body = tooLargeUpload("");
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + apiUpload()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=b0undary")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"file\"").contains("larger than the 20 MB this server accepts");
        assertThat(count("transcript")).isZero();
    }

    @Test
    void aBrowserPostingAFilePastTheServersLimitGetsAPlainPageNotAReset() throws Exception {
        clock.advance(java.time.Duration.ofSeconds(31));
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        String base = "http://127.0.0.1:" + port;
        String signIn = browserGet(browser, base + "/signin");
        String factor = browserPost(browser, base + "/signin", "email=" + enc(practice.clinician().email()) + "&password="
                + enc(app.carryover.testing.Fixtures.PASSWORD) + "&_csrf=" + enc(csrfOf(signIn)));
        browserPost(browser, base + "/signin/second-factor", "code=" + app.carryover.testing.TestTotp.code(
                practice.clinician().totpSecret(), clock.instant()) + "&_csrf=" + enc(csrfOf(factor)));
        String session = browserGet(browser, base + sessionPage());
        assertThat(session).contains("Upload the session's transcript");

        byte[] body = tooLargeUpload("--b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(session)
                + "\r\n");
        java.net.http.HttpResponse<String> answer = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + upload())).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("larger than this server accepts", "nothing was saved");
        assertThat(count("transcript")).isZero();
    }

    /** A multipart body (boundary "b0undary") whose file part is 25 MB, past the server's 20 MB limit, after {@code before}. */
    private static byte[] tooLargeUpload(String before) {
        byte[] head = (before + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII);
        int size = 25 * 1024 * 1024;
        byte[] body = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, head.length + size, (byte) 'a');
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return body;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String browserGet(java.net.http.HttpClient browser, String url) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String browserPost(java.net.http.HttpClient browser, String url, String form) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void badFilesGetAPlainMessageEachAndNothingIsStored() throws Exception {
        byte[] big = new byte[TranscriptUploads.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Object[][] cases = {
                {"empty.txt", new byte[0], "choose the transcript file of the session, or paste its text"},
                {"blank.txt", "   \n\n  ".getBytes(StandardCharsets.UTF_8), "the file holds only white space"},
                {"audio.txt", new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 7, 0}, "binary"},
                {"notes.txt", "We talked about work.\nShe seemed tired.".getBytes(StandardCharsets.UTF_8), "no speaker-labelled turns"},
                {"clients.txt", "C: hello\nPartner: hi there".getBytes(StandardCharsets.UTF_8), "no therapist turn"},
                {"huge.txt", big, "a session transcript may be at most 5 MB"},
                {"two.jsonl", ("{\"session\":\"a\",\"speaker\":\"therapist\",\"text\":\"How was it?\"}\n"
                        + "{\"session\":\"b\",\"speaker\":\"therapist\",\"text\":\"And this one?\"}\n").getBytes(StandardCharsets.UTF_8),
                        "holds the transcripts of 2 sessions"},
                {"captions.vtt", "WEBVTT\n\nno timings here\n".getBytes(StandardCharsets.UTF_8), "no cue timings"},
                // issue 15: an open voice tag and 64 kB of spaces took 88 s here; one-character lines took 385 s
                {"hostile.vtt", ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v" + " ".repeat(64 * 1024) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "line 4 is 65,538 characters long"},
                {"lines.txt", ("T: Let's start.\n" + "a\n".repeat(1_600_000)).getBytes(StandardCharsets.UTF_8),
                        "it has 1,600,002 lines"}};
        for (Object[] c : cases) {
            MvcResult result = clinician.perform(multipart(upload()).file(new MockMultipartFile("file", (String) c[0],
                    "text/plain", (byte[]) c[1])));
            assertThat(result.getResponse().getStatus()).as((String) c[0]).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as((String) c[0]).contains((String) c[2])
                    .contains("Nothing was stored").doesNotContain("Exception");
        }
        MvcResult speakers = upload("s.txt", SampleTranscripts.PLAIN, "Dr Lee is the therapist");
        assertThat(speakers.getResponse().getStatus()).isEqualTo(400);
        assertThat(speakers.getResponse().getContentAsString()).contains("Who is who: cannot read");
        MvcResult api = clinician.perform(post(apiUpload()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fileName\":\"notes.txt\",\"text\":\"We talked about work.\"}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentAsString()).contains("\"field\":\"file\"").contains("no speaker-labelled turns");
        assertThat(count("transcript")).isZero();
        assertThat(count("transcript_detection")).isZero();
    }

    @Test
    void apiUploadsListsConfirmsAndDismisses() throws Exception {
        MvcResult created = clinician.perform(multipart(apiUpload())
                .file(new MockMultipartFile("file", "session.srt", "application/x-subrip", SampleTranscripts.SRT.getBytes(StandardCharsets.UTF_8))));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getContentAsString()).contains("\"format\":\"SRT\"").contains("\"kind\":\"ASSIGNS\"")
                .contains("\"category\":\"journaling\"").contains("\"state\":\"PROPOSED\"").contains("\"textKept\":true");
        String body = clinician.perform(post(apiUpload()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fileName\":\"session.txt\",\"text\":" + json(SampleTranscripts.PLAIN) + "}")).getResponse().getContentAsString();
        UUID transcript = UUID.fromString(body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        String list = clinician.perform(get(apiUpload())).getResponse().getContentAsString();
        assertThat(list).contains("session.srt").contains("session.txt");
        UUID skill = detection("/clients/" + clientId + "/transcripts/" + transcript, "SKILL_PRACTICE");
        UUID journaling = detection("/clients/" + clientId + "/transcripts/" + transcript, "JOURNALING");
        String api = "/api/v1/clients/" + clientId + "/transcripts/" + transcript + "/detections/";
        String draft = clinician.perform(get(api + skill + "/draft")).getResponse().getContentAsString();
        assertThat(draft).contains("\"doseReadFrom\":\"twice a day\"").contains("\"kind\":\"PER_DAY\",\"count\":2")
                .contains("\"coach\":{");
        MvcResult confirmed = clinician.perform(post(api + skill + "/confirmation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Slow breathing\",\"instructions\":\"Breathe slowly for five minutes.\",\"general\":true,"
                        + "\"dose\":{\"kind\":\"PER_DAY\",\"count\":2}}"));
        assertThat(confirmed.getResponse().getStatus()).isEqualTo(201);
        assertThat(confirmed.getResponse().getContentAsString()).contains("\"assignedInSession\":\"" + second.id() + "\"");
        MvcResult dismissed = clinician.perform(post(api + journaling + "/dismissal"));
        assertThat(dismissed.getResponse().getContentAsString()).contains("\"state\":\"DISMISSED\"");
        MvcResult again = clinician.perform(post(api + journaling + "/dismissal"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("already dismissed");
    }

    private MvcResult upload(String name, String text) throws Exception {
        return upload(name, text, "");
    }

    private MvcResult upload(String name, String text, String speakers) throws Exception {
        return clinician.perform(multipart(upload()).file(new MockMultipartFile("file", name, "text/plain",
                text.getBytes(StandardCharsets.UTF_8))).param("speakers", speakers));
    }

    /** Uploads through the page and answers the detections page's path. */
    private String uploaded(String name, String text) throws Exception {
        MvcResult result = upload(name, text, "Dr Lee=therapist, Sam=client");
        assertThat(result.getResponse().getRedirectedUrl()).isNotNull();
        return result.getResponse().getRedirectedUrl();
    }

    private UUID detection(String transcriptPath, String category) {
        UUID transcript = UUID.fromString(transcriptPath.replaceAll(".*/", ""));
        return jdbc.sql("SELECT id FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND category = ?")
                .params(practice.id(), transcript, category).query(UUID.class).single();
    }

    private String state(UUID detection) {
        return jdbc.sql("SELECT state FROM transcript_detection WHERE practice_id = ? AND id = ?")
                .params(practice.id(), detection).query(String.class).single();
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE practice_id = ?").param(practice.id()).query(Integer.class).single();
    }

    private String upload() {
        return "/clients/" + clientId + "/sessions/" + second.id() + "/transcripts";
    }

    private String apiUpload() {
        return "/api/v1/clients/" + clientId + "/sessions/" + second.id() + "/transcripts";
    }

    private String sessionPage() {
        return "/clients/" + clientId + "/sessions/" + second.id();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
