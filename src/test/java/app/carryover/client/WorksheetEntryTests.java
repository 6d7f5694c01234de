package app.carryover.client;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinitions;

/** Clients fill worksheets on their pages: drafts kept, answers checked at each field, values extracted. */
@CarryoverTest
class WorksheetEntryTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;

    Clinic clinic;
    TestPractice practice;
    WebSession client;

    @BeforeEach
    void signIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        practice = clinic.practice();
        client = clinic.signIn(practice.client());
    }

    Assignment assign(String worksheetKey) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), draft("Fill the sheet",
                "Fill it in each evening after dinner.").rationale("To notice patterns.").worksheet(worksheetKey)
                .build());
    }

    @Test
    void aWrongAnswerIsRefusedBesideItsQuestionAndTheDraftIsKept() throws Exception {
        Assignment a = assign(BuiltInWorksheets.MOOD_TRACKER);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        assertThat(client.perform(get(path)).getResponse().getContentAsString()).contains("Daily mood and anxiety tracker");
        MvcResult bad = client.perform(post(path).param("mood", "14").param("submissionId", UUID.randomUUID().toString()));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        String page = bad.getResponse().getContentAsString();
        assertThat(page).contains("Please check these answers").contains("aria-invalid=\"true\"");
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isZero();

        client.perform(post(path + "/refresh").param("mood", "6").header("HX-Request", "true"));
        assertThat(client.perform(get(path)).getResponse().getContentAsString())
                .as("the draft comes back").contains("value=\"6\" checked");
    }

    @Test
    void aCompleteEntryIsStoredWithItsNumbersExtractedAndPrints() throws Exception {
        Assignment a = assign(BuiltInWorksheets.MOOD_TRACKER);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        MvcResult saved = client.perform(post(path).param("mood", "7").param("anxiety", "3")
                .param("submissionId", UUID.randomUUID().toString()));
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/today?logged=");
        UUID entry = UUID.fromString(saved.getResponse().getRedirectedUrl().substring("/today?logged=".length()));
        assertThat(jdbc.sql("SELECT key || '=' || value::int FROM entry_value WHERE practice_id = ? AND entry_id = ? ORDER BY key")
                .params(practice.id(), entry).query(String.class).list()).contains("anxiety=3", "mood=7");
        assertThat(jdbc.sql("SELECT count(*) FROM entry_draft WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).as("the draft is gone once the entry is saved").isZero();

        MvcResult pdf = client.perform(get("/history/entries/" + entry + "/print"));
        assertThat(pdf.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        WebSession clinician = clinic.signIn(practice.clinician());
        String view = clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry))
                .getResponse().getContentAsString();
        assertThat(view).contains("Daily mood and anxiety tracker").contains("mood");
    }

    @Test
    void aCustomWorksheetSurvivesAnEditWithItsOldEntriesIntact() throws Exception {
        clock.advance(java.time.Duration.ofSeconds(31));
        WebSession clinician = clinic.signIn(practice.clinician());
        String v1 = WorksheetDefinitions.toJson(BuiltInWorksheets.get(BuiltInWorksheets.MOOD_TRACKER))
                .replace("\"Daily mood and anxiety tracker\"", "\"Evening check-in\"");
        String created = clinician.perform(post("/api/v1/worksheets").contentType(MediaType.APPLICATION_JSON).content(v1))
                .getResponse().getContentAsString();
        String key = created.replaceAll("(?s).*\"key\":\"([a-z0-9-]+)\".*", "$1");
        Assignment a = assign(key);
        assertThat(a.worksheetVersion()).isEqualTo(1);
        MvcResult saved = client.perform(post("/today/assignments/" + a.id() + "/worksheet").param("mood", "4")
                .param("anxiety", "8").param("submissionId", UUID.randomUUID().toString()));
        UUID entry = UUID.fromString(saved.getResponse().getRedirectedUrl().substring("/today?logged=".length()));

        String v2 = v1.replace("\"Evening check-in\"", "\"Evening check-in, shorter\"");
        MvcResult second = clinician.perform(post("/api/v1/worksheets/" + key + "/versions")
                .contentType(MediaType.APPLICATION_JSON).content(v2));
        assertThat(second.getResponse().getStatus()).isEqualTo(201);

        String view = clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry))
                .getResponse().getContentAsString();
        assertThat(view).as("the old entry still shows in the version it was filled in").contains("Evening check-in")
                .contains("worksheet version 1").doesNotContain("shorter");
        assertThat(clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry + "/print"))
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(assign(key).worksheetVersion()).as("new assignments take the new version").isEqualTo(2);
    }

    @Test
    void answersTypedSoFarAreKeptAndComeBackOnAnotherDevice() throws Exception {
        clock.set(java.time.Instant.parse("2026-05-12T13:02:00Z"));
        Assignment a = assign(BuiltInWorksheets.THOUGHT_RECORD);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        String blank = client.perform(get(path)).getResponse().getContentAsString();
        assertThat(blank).contains("Your answers are kept as you type").doesNotContain("Welcome back");

        // what the page sends a second after typing: the whole form, an answer out of range included
        MvcResult kept = client.perform(post(path + "/draft").header("HX-Request", "true")
                .param("submissionId", UUID.randomUUID().toString())
                .param("situation", "Standing in the queue at the bank")
                .param("thoughts[0].thought", "Everyone is staring at me")
                .param("thoughts[0].belief", "85"));
        assertThat(kept.getResponse().getStatus()).isEqualTo(200);
        assertThat(kept.getResponse().getContentAsString()).contains("Answers kept today at 14:02.");

        WebSession phone = clinic.signIn(practice.client());
        String back = phone.perform(get(path)).getResponse().getContentAsString();
        assertThat(back).as("the draft fills the form on another device")
                .contains("Welcome back. Your answers from today at 14:02 are filled in below")
                .contains(">Standing in the queue at the bank</textarea>")
                .contains(">Everyone is staring at me</textarea>")
                .contains("value=\"85\" checked");

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(phone.perform(get(path)).getResponse().getContentAsString())
                .contains("Your answers from yesterday at 14:02");
        clock.advance(java.time.Duration.ofDays(1));
        assertThat(phone.perform(get(path)).getResponse().getContentAsString())
                .contains("Your answers from Tuesday 12 May at 14:02");
    }

    @Test
    void aDraftSendThatArrivesAfterANewerOneLeavesTheNewerWords() throws Exception {
        Assignment a = assign(BuiltInWorksheets.THOUGHT_RECORD);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        String submission = UUID.randomUUID().toString();
        // the page is left while a send made mid-word is still on its way: the send on leaving (newer, with
        // the whole thought) reaches the server first, the older one after it
        client.perform(post(path + "/draft").param("submissionId", submission).param("draftSentAt", "1765152000900")
                .param("situation", "Standing in the queue at the bank").param("thoughts[0].thought", "Everyone is staring at me"));
        client.perform(post(path + "/draft").param("submissionId", submission).param("draftSentAt", "1765152000100")
                .param("situation", "Standing in the queue at the bank").param("thoughts[0].thought", "Everyone is sta"));
        assertThat(client.perform(get(path)).getResponse().getContentAsString()).contains("Welcome back")
                .contains(">Everyone is staring at me</textarea>").doesNotContain(">Everyone is sta</textarea>");
        // an older send of an emptied form does not remove the newer draft either
        client.perform(post(path + "/draft").param("submissionId", submission).param("draftSentAt", "1765152000200")
                .param("situation", ""));
        assertThat(client.perform(get(path)).getResponse().getContentAsString())
                .contains(">Everyone is staring at me</textarea>");
        // and a newer send still replaces it
        client.perform(post(path + "/draft").param("submissionId", submission).param("draftSentAt", "1765152001000")
                .param("situation", "At the bank, in the queue").param("thoughts[0].thought", "Everyone is staring at me"));
        assertThat(client.perform(get(path)).getResponse().getContentAsString())
                .contains(">At the bank, in the queue</textarea>");
    }

    @Test
    void aDraftSentAfterItsEntryWasSavedKeepsNothingAndAClearedFormDropsTheDraft() throws Exception {
        Assignment a = assign(BuiltInWorksheets.MOOD_TRACKER);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        String submission = UUID.randomUUID().toString();
        client.perform(post(path + "/draft").param("submissionId", submission).param("mood", "5"));
        assertThat(client.perform(post(path).param("mood", "5").param("anxiety", "2").param("submissionId", submission))
                .getResponse().getRedirectedUrl()).startsWith("/today?logged=");
        // the page's send on leaving arrives after the entry was stored
        client.perform(post(path + "/draft").param("submissionId", submission).param("mood", "5").param("anxiety", "2"));
        assertThat(client.perform(get(path)).getResponse().getContentAsString()).doesNotContain("Welcome back")
                .doesNotContain("value=\"5\" checked");

        client.perform(post(path + "/draft").param("submissionId", UUID.randomUUID().toString()).param("mood", "3")
                .param("sleep_hours", "30"));
        assertThat(client.perform(get(path)).getResponse().getContentAsString()).contains("Welcome back")
                .as("an answer that will be refused on saving is kept as typed, to be fixed").contains("value=\"30\"");
        client.perform(post(path + "/draft").param("submissionId", UUID.randomUUID().toString()).param("mood", ""));
        assertThat(client.perform(get(path)).getResponse().getContentAsString())
                .as("emptying every answer leaves nothing to come back to").doesNotContain("Welcome back");
    }

    @Test
    void theThoughtRecordSavesWithOnlyTheSituationAndTheThoughtAsItsInstructionsPromise() throws Exception {
        Assignment a = assign(BuiltInWorksheets.THOUGHT_RECORD);
        String path = "/today/assignments/" + a.id() + "/worksheet";
        String page = client.perform(get(path)).getResponse().getContentAsString();
        assertThat(page).contains("if any other question does not fit, leave it and move on")
                .contains("What facts support the main thought?</span><span class=\"optional\"> (optional)</span>")
                .contains("How much did you believe it at the time?</span><span class=\"optional\"> (optional)</span>")
                .contains("What did you feel, and how strongly?</span><span class=\"optional\"> (optional)</span>");

        MvcResult nothing = client.perform(post(path).param("submissionId", UUID.randomUUID().toString()));
        assertThat(nothing.getResponse().getStatus()).isEqualTo(400);
        assertThat(nothing.getResponse().getContentAsString().split("Please answer this\\.", -1))
                .as("only the situation and the automatic thought are asked for").hasSize(3);

        MvcResult saved = client.perform(post(path).param("submissionId", UUID.randomUUID().toString())
                .param("situation", "Queue at the bank").param("thoughts[0].thought", "Everyone is staring at me"));
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/today?logged=");
    }
}
