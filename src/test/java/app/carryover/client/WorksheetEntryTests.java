package app.carryover.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinitions;

/** Clients fill worksheets on their pages: drafts kept, answers checked at each field, values extracted. */
@CarryoverTest
class WorksheetEntryTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;

    TestPractice practice;
    WebSession client;

    @BeforeEach
    void signIn() throws Exception {
        practice = Fixtures.practice(context);
        client = WebSession.signIn(mvc, practice.client(), clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Assignment assign(String worksheetKey) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(
                "Fill the sheet", "Fill it in each evening after dinner.", "To notice patterns.", true, List.of(), null,
                worksheetKey, Dose.perDay(1), null, null, 3, null));
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
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        String view = clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry))
                .getResponse().getContentAsString();
        assertThat(view).contains("Daily mood and anxiety tracker").contains("mood");
    }

    @Test
    void aCustomWorksheetSurvivesAnEditWithItsOldEntriesIntact() throws Exception {
        clock.advance(java.time.Duration.ofSeconds(31));
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
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
}
