package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Issue 11 item 15, as the therapist meets it on the pages: a turn that sets two tasks gives two drafts,
 * each titled and written from its own words (not the reflection before it), with the dose the words say
 * ("aiming for three", "every morning"), a thought record named in the turn linked to the worksheet, and
 * a draft that can be assigned as it stands; and the client's privacy page says plainly what is done with
 * a transcript, what is kept, for how long and who sees it. The client is in Europe/London.
 */
@CarryoverTest
class TranscriptDraftsTests {

    static final String TWO_TASKS = """
            T: How have the last two weeks been?
            C: Honestly, I froze in the meeting and then I thought, I'm useless, I always mess it up.
            T: That sounds like a strong thought. So this week, could you fill in a thought record each time it shows up, aiming for three? And also, I'd like you to go for a short walk every morning before work.
            C: Okay, I can try that.
            """;

    static final String SLEEP_DIARY = """
            T: How has the sleep been?
            C: Awful. I'm up at three most nights and then I'm wrecked.
            T: Right, so between now and next time, could you fill in the sleep diary when you get up?
            C: Yeah, I can do that.
            """;

    @Autowired
    MockMvc mvc;
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

    TestPractice practice;
    UUID clientId;
    TherapySession session;
    WebSession clinician;

    @BeforeEach
    void aClientWhoConsentedWithAHeldSession() throws Exception {
        clock.set(Instant.parse("2026-04-07T15:00:00Z"));
        practice = Fixtures.practice(context);
        clientId = practice.client().clientId();
        session = sessions.schedule(practice.clinician().actor(), clientId, LocalDateTime.of(2026, 4, 7, 17, 0), 50);
        clock.set(Instant.parse("2026-04-07T16:55:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, session.id(), SessionStatus.HELD);
        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        clinician = WebSession.signIn(mvc, practice.clinician(), clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoTasksInOneTurnAreTwoDraftsEachTitledFromItsOwnWords() throws Exception {
        String transcript = uploaded(TWO_TASKS);
        assertThat(jdbc.sql("SELECT category || ' ' || turn FROM transcript_detection WHERE practice_id = ? AND kind = 'ASSIGNS' ORDER BY id")
                .param(practice.id()).query(String.class).list()).containsExactly("JOURNALING 3", "ACTION 3");
        String page = clinician.perform(get(transcript)).getResponse().getContentAsString();
        assertThat(page).contains("<h3>Fill in a thought record</h3>").contains("<h3>Go for a short walk</h3>")
                .contains("turn 3 · one of 2 tasks set in this turn")
                .contains("Said in the session: “this week, could you fill in a thought record each time it shows up, aiming for three?”")
                .contains("Said in the session: “I&#39;d like you to go for a short walk every morning before work.”");
        assertThat(page.split("Use as draft", -1)).hasSize(3);
    }

    @Test
    void aThoughtRecordNamedInTheTurnIsLinkedAndAimingForThreeIsItsDoseSoItAssignsAsDrafted() throws Exception {
        String transcript = uploaded(TWO_TASKS);
        UUID thoughts = detection("JOURNALING");
        String draft = clinician.perform(get(transcript + "/detections/" + thoughts + "/draft")).getResponse().getContentAsString();
        assertThat(field(draft, "title")).isEqualTo("Fill in a thought record");
        assertThat(textarea(draft, "instructions")).isEqualTo("Fill in a thought record each time it shows up, aiming for three.")
                .doesNotContain("strong thought");
        assertThat(draft).contains("Worksheet: Thought record — named in the session (“thought record”), so the draft uses it.")
                .containsPattern("<option value=\"thought-record\" selected=\"selected\">Thought record")
                .contains("Dose read from the words “each time it shows up, aiming for three”: each time it shows up, aiming for 3.")
                .containsPattern("<option value=\"TRIGGER\" selected=\"selected\">");
        assertThat(field(draft, "doseCount")).isEqualTo("3");
        assertThat(field(draft, "doseTrigger")).isEqualTo("each time it shows up");

        MvcResult assigned = clinician.perform(asDrafted(post(transcript + "/detections/" + thoughts + "/assignment"), draft));
        assertThat(assigned.getResponse().getStatus()).as(assigned.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(assigned.getFlashMap().get("notice")).isEqualTo("Assigned: Fill in a thought record — each time it shows up, "
                + "aiming for 3. The detected assignment is confirmed and linked to it.");
        var row = jdbc.sql("""
                SELECT a.title, a.instructions, a.worksheet_key, a.dose_kind, a.dose_count, d.state FROM transcript_detection d
                JOIN assignment a ON a.practice_id = d.practice_id AND a.id = d.assignment_id WHERE d.practice_id = ? AND d.id = ?""")
                .params(practice.id(), thoughts).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).single();
        assertThat(row).containsExactly("Fill in a thought record", "Fill in a thought record each time it shows up, aiming for three.",
                "thought-record", "TRIGGER", "3", "CONFIRMED");
        assertThat(clinician.perform(get(transcript)).getResponse().getContentAsString())
                .contains("assigned as").contains(">Fill in a thought record</a>");
    }

    @Test
    void theOtherTaskOfTheTurnHasItsOwnDoseEveryMorning() throws Exception {
        String transcript = uploaded(TWO_TASKS);
        UUID walk = detection("ACTION");
        String draft = clinician.perform(get(transcript + "/detections/" + walk + "/draft")).getResponse().getContentAsString();
        assertThat(field(draft, "title")).isEqualTo("Go for a short walk");
        assertThat(textarea(draft, "instructions")).isEqualTo("Go for a short walk every morning before work.");
        assertThat(draft).contains("Dose read from the words “every morning”: once a day, in the morning and before work. Check it below.")
                .containsPattern("<option value=\"PER_DAY\" selected=\"selected\">a day</option>")
                .doesNotContain("Worksheet: ");
        assertThat(selected(draft, "worksheetKey")).as("no worksheet named, none linked").isEmpty();
        assertThat(field(draft, "doseCount")).isEqualTo("1");
        assertThat(field(draft, "doseTimes")).isEqualTo("in the morning and before work");
        MvcResult assigned = clinician.perform(asDrafted(post(transcript + "/detections/" + walk + "/assignment"), draft));
        assertThat(assigned.getResponse().getStatus()).isEqualTo(302);
        assertThat(assigned.getFlashMap().get("notice").toString()).startsWith("Assigned: Go for a short walk — once a day, in the morning and before work. The detected assignment");
    }

    @Test
    void aWorksheetNamedWithoutADoseStartsFromTheWorksheetsSuggestedDose() throws Exception {
        String transcript = uploaded(SLEEP_DIARY);
        UUID diary = detection("JOURNALING");
        String draft = clinician.perform(get(transcript + "/detections/" + diary + "/draft")).getResponse().getContentAsString();
        assertThat(field(draft, "title")).isEqualTo("Fill in the sleep diary when you get up");
        assertThat(textarea(draft, "instructions")).isEqualTo("Fill in the sleep diary when you get up.");
        assertThat(draft).contains("Worksheet: Sleep diary — named in the session (“sleep diary”)")
                .contains("The words do not say how much practice, so the worksheet’s suggested dose is filled in: once a day at 08:30. Check it below.")
                .containsPattern("<option value=\"sleep-diary\" selected=\"selected\">Sleep diary");
        assertThat(field(draft, "doseWorksheet")).isEqualTo("sleep-diary");
        MvcResult assigned = clinician.perform(asDrafted(post(transcript + "/detections/" + diary + "/assignment"), draft));
        assertThat(assigned.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT worksheet_key || ' ' || dose_kind || ' ' || dose_count FROM assignment WHERE practice_id = ?")
                .param(practice.id()).query(String.class).single()).isEqualTo("sleep-diary PER_DAY 1");
    }

    @Test
    void theClientsPrivacyPageSaysWhatIsDoneWithATranscriptWhatIsKeptForHowLongAndWhoSeesIt() throws Exception {
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        String page = client.perform(get("/settings/privacy")).getResponse().getContentAsString();
        assertThat(page).contains("Analysing transcripts of my sessions")
                .contains("your clinician may upload the written transcript of one of your sessions")
                .contains("Nothing is sent to another company or to an outside AI service")
                .contains("the text of the transcript is deleted as soon as your clinician has decided about each task found in it")
                .contains("as long as the practice keeps your record (7 years after your care ends)")
                .contains("only the clinicians on your care team see the transcript")
                .contains("administrators see figures only")
                .contains("Withdraw consent to analysing transcripts of my sessions");

        WebSession admin = WebSession.signIn(mvc, practice.admin(), clock);
        assertThat(admin.perform(put("/api/v1/practice/transcript-retention").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"DAYS\",\"days\":30}")).getResponse().getStatus()).isEqualTo(200);
        page = client.perform(get("/settings/privacy")).getResponse().getContentAsString();
        assertThat(page).contains("the text of the transcript is kept for 30 days after it is uploaded, then deleted");

        String withdraw = client.perform(post("/settings/privacy").param("kind", "TRANSCRIPT_ANALYSIS").param("given", "false"))
                .getResponse().getContentAsString();
        assertThat(withdraw).contains("Transcripts of your sessions are no longer analysed to find the homework agreed.")
                .contains("No new transcript of your sessions can be uploaded for analysis. The text of transcripts already "
                        + "uploaded is deleted as before (kept for 30 days after it is uploaded, then deleted)");

        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, false);
        page = client.perform(get("/settings/privacy")).getResponse().getContentAsString();
        assertThat(page).contains("Agree to analysing transcripts of my sessions")
                .contains("your clinician may upload the written transcript");
    }

    private String uploaded(String text) throws Exception {
        MvcResult result = clinician.perform(multipart("/clients/" + clientId + "/sessions/" + session.id() + "/transcripts")
                .file(new MockMultipartFile("file", "session.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))));
        assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString()).isNotNull();
        return result.getResponse().getRedirectedUrl();
    }

    private UUID detection(String category) {
        return jdbc.sql("SELECT id FROM transcript_detection WHERE practice_id = ? AND kind = 'ASSIGNS' AND category = ?")
                .params(practice.id(), category).query(UUID.class).single();
    }

    /** The form's fields as the draft page filled them, posted unchanged (as pressing Assign would). */
    private static MockHttpServletRequestBuilder asDrafted(MockHttpServletRequestBuilder post, String page) {
        String form = page.substring(page.lastIndexOf("<form", page.indexOf("id=\"title\"")));
        for (String name : List.of("title", "doseCount", "doseTimes", "doseTrigger", "doseWorksheet", "startDate", "difficulty", "sessionId")) {
            String value = field(form, name);
            if (value != null) {
                post.param(name, value);
            }
        }
        post.param("instructions", textarea(form, "instructions"));
        for (String name : List.of("worksheetKey", "doseKind")) {
            post.param(name, selected(form, name));
        }
        Matcher days = Pattern.compile("name=\"doseWeekdays\" value=\"(\\w+)\" checked").matcher(form);
        while (days.find()) {
            post.param("doseWeekdays", days.group(1));
        }
        post.param("general", "true").param("dueOnDate", "false");
        return post;
    }

    /** The value of the option selected in a select, or "" when none is. */
    private static String selected(String page, String name) {
        Matcher select = Pattern.compile("name=\"" + name + "\">(.*?)</select>", Pattern.DOTALL).matcher(page);
        select.find();
        Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(1));
        return chosen.find() ? chosen.group(1) : "";
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String textarea(String page, String name) {
        Matcher m = Pattern.compile("<textarea[^>]*name=\"" + name + "\"[^>]*>([^<]*)</textarea>").matcher(page);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
