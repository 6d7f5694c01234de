package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import com.lowagie.text.pdf.PdfReader;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The library pages as a clinician uses them: every built-in is listed, previews with each of its
 * questions as the client sees them, accepts its filled example through the form, and prints.
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksheetPagesTests {

    /** The current built-in thought record's preview (version 2 since its optional questions became optional). */
    private static final String THOUGHT_RECORD_PREVIEW = "/worksheets/thought-record/versions/"
            + BuiltInWorksheets.get(BuiltInWorksheets.THOUGHT_RECORD).version() + "/preview";

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    Clinic clinic;
    TestPractice practice;
    WebSession clinician;

    @BeforeAll
    void signIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        practice = clinic.practice();
        clinician = clinic.signIn(practice.clinician());
    }

    static Stream<String> keys() {
        return BuiltInWorksheetsTests.keys();
    }

    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = clinician.perform(request);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    @Test
    void theLibraryListsEveryBuiltInWithItsPurposeAndSuggestedDose() throws Exception {
        String html = page(get("/worksheets"), 200);
        for (WorksheetDefinition d : BuiltInWorksheets.all()) {
            assertThat(html).contains(HtmlUtils.htmlEscape(d.title()), HtmlUtils.htmlEscape(d.purpose()),
                    HtmlUtils.htmlEscape(d.suggestedDose().describe()),
                    "/worksheets/" + d.key() + "/versions/" + d.version() + "/print");
        }
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyBuiltInPreviewsWithEachQuestionAsTheClientSeesIt(String key) throws Exception {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        String html = page(get("/worksheets/" + key + "/versions/" + d.version()), 200);
        for (Item item : d.allItems()) {
            assertThat(html).contains(HtmlUtils.htmlEscape(item.label()));
        }
        assertThat(html).contains("id=\"worksheet-form\"", HtmlUtils.htmlEscape(d.clientInstructions()));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyBuiltInAcceptsItsFilledExampleThroughTheForm(String key) throws Exception {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        MockHttpServletRequestBuilder check = post("/worksheets/" + key + "/versions/" + d.version() + "/preview").param("_check", "true");
        for (Map.Entry<String, List<String>> field : FormAnswers.fields(d, BuiltInWorksheets.exampleAnswers(key)).entrySet()) {
            check.param(field.getKey(), field.getValue().toArray(String[]::new));
        }
        String html = page(check, 200);
        assertThat(html).contains("These answers would be accepted");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyBuiltInPrintsABlankCopy(String key) throws Exception {
        int version = BuiltInWorksheets.get(key).version();
        MvcResult result = clinician.perform(get("/worksheets/" + key + "/versions/" + version + "/print"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("inline").contains(key + "-v" + version + ".pdf");
        byte[] pdf = result.getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isPositive();
        } finally {
            reader.close();
        }
    }

    @Test
    void aTappedOptionalRatingCanBeTakenBackButARequiredOneCannot() throws Exception {
        String key = "communication-practice";
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        Map<String, List<String>> example = FormAnswers.fields(d, BuiltInWorksheets.exampleAnswers(key));
        MockHttpServletRequestBuilder tapped = post("/worksheets/" + key + "/versions/1/preview");
        MockHttpServletRequestBuilder takenBack = post("/worksheets/" + key + "/versions/" + d.version() + "/preview").param("_check", "true");
        for (Map.Entry<String, List<String>> field : example.entrySet()) {
            tapped.param(field.getKey(), field.getValue().toArray(String[]::new));
            if (!field.getKey().equals("anxiety_before")) {
                takenBack.param(field.getKey(), field.getValue().toArray(String[]::new));
            }
        }
        String answered = page(tapped.param("anxiety_before", "6"), 200);
        assertThat(answered).containsPattern("id=\"q-anxiety_before-6\"[^>]*checked")
                .containsPattern("id=\"q-anxiety_before-none\"[^>]*value=\"\"")
                .doesNotContainPattern("id=\"q-anxiety_before-none\"[^>]*checked");
        // a required question offers no way back to empty
        assertThat(answered).doesNotContain("id=\"q-goal_met-none\"");

        String cleared = page(takenBack.param("anxiety_before", ""), 200);
        assertThat(cleared).contains("These answers would be accepted")
                .containsPattern("id=\"q-anxiety_before-none\"[^>]*checked")
                .doesNotContainPattern("id=\"q-anxiety_before-6\"[^>]*checked");
    }

    @Test
    void anEmptyCheckShowsEachRequiredQuestionsMessageBesideIt() throws Exception {
        String html = page(post("/worksheets/mood-tracker/versions/1/preview").param("_check", "true"), 400);
        assertThat(html).contains("Please check these answers", "href=\"#q-mood\"",
                "id=\"q-mood-error\"", "aria-describedby=\"q-mood-anchors q-mood-error\"", "aria-invalid=\"true\"",
                "Your mood today: Please answer this.");
    }

    @Test
    void aGroupGrowsAndShrinksByServerRoundTrips() throws Exception {
        String added = page(post(THOUGHT_RECORD_PREVIEW).header("HX-Request", "true")
                .param("thoughts[0].thought", "I will fail").param("_add", "thoughts"), 200);
        assertThat(added.strip()).startsWith("<div id=\"worksheet-form\"");
        assertThat(added).contains("name=\"thoughts[1].thought\"", ">I will fail</textarea>", "Remove entry 2");

        String removed = page(post(THOUGHT_RECORD_PREVIEW).header("HX-Request", "true")
                .param("thoughts[0].thought", "Nobody called").param("thoughts[1].thought", "They forgot me")
                .param("_remove", "thoughts[0]"), 200);
        assertThat(removed).contains(">They forgot me</textarea>").doesNotContain("Nobody called")
                .doesNotContain("thoughts[1].thought");
    }

    @Test
    void anErrorInARowOfAGroupIsShownAtThatRowsField() throws Exception {
        String html = page(post(THOUGHT_RECORD_PREVIEW).param("_check", "true")
                .param("thoughts[0].thought", "They think I am boring").param("thoughts[0].belief", "80")
                .param("thoughts[1].thought", "").param("thoughts[1].belief", "57"), 400);
        assertThat(html).contains("id=\"q-thoughts-1-thought-error\"", "href=\"#q-thoughts-1-thought\"",
                "Entry 2: Automatic thought: Please answer this.", "id=\"q-thoughts-1-belief-error\"");
        assertThat(html).doesNotContain("id=\"q-thoughts-0-thought-error\"");
        assertThat(html).containsPattern("id=\"q-thoughts-0-belief-80\"[^>]*checked");
    }

    @Test
    void otherPeopleCannotSeeTheLibrary() throws Exception {
        clock.advance(Duration.ofSeconds(31));
        WebSession admin = clinic.signIn(practice.admin());
        assertThat(admin.perform(get("/worksheets")).getResponse().getStatus()).isEqualTo(403);
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.perform(get("/worksheets/mood-tracker/versions/1")).getResponse().getStatus()).isEqualTo(403);
    }
}
