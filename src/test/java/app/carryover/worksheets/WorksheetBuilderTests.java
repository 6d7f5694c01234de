package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.system.ProblemException;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The form builder against the real database: a clinician makes a worksheet without typing JSON,
 * edits it into a new version while the old one stays whole, is refused a broken one with each
 * problem at its field, and shares it with the practice (and with no one else).
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksheetBuilderTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorksheetLibrary library;

    TestPractice practice;
    TestPractice foreign;
    WebSession clinician;
    WebSession colleague;
    WebSession stranger;
    int counter;

    @BeforeAll
    void signIn(Clinic clinic) throws Exception {
        practice = clinic.practice();
        foreign = Fixtures.practice(context);
        clinician = clinic.signIn(practice.clinician());
        colleague = clinic.signIn(practice.otherClinician());
        stranger = clinic.signIn(foreign.clinician());
        clock.advance(Duration.ofSeconds(31));
    }

    /** A small worksheet as the builder posts it: a rating, a yes/no, a question shown on "no", a group. */
    Map<String, String> checkIn(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("category", "monitoring");
        f.put("purpose", "To notice how evenings go.");
        f.put("clientInstructions", "Fill this in before bed.");
        f.put("suggestedDose.kind", "per_day");
        f.put("suggestedDose.count", "1");
        f.put("suggestedDose.times", "21:00");
        f.put("items[0].type", "rating");
        f.put("items[0].label", "How anxious were you this evening?");
        f.put("items[0].required", "true");
        f.put("items[0].max", "10");
        f.put("items[0].anchors.min", "Calm");
        f.put("items[0].anchors.max", "Extremely anxious");
        f.put("items[1].id", "practised");
        f.put("items[1].type", "yes_no");
        f.put("items[1].label", "Did you practise the breathing exercise?");
        f.put("items[2].type", "long_text");
        f.put("items[2].label", "What got in the way?");
        f.put("items[2].showIf[0].item", "practised");
        f.put("items[2].showIf[0].operator", "equals");
        f.put("items[2].showIf[0].value", "false");
        f.put("items[3].type", "group");
        f.put("items[3].label", "Worries that came up");
        f.put("items[3].items[0].type", "short_text");
        f.put("items[3].items[0].label", "Worry");
        f.put("items[3].items[1].type", "rating");
        f.put("items[3].items[1].label", "How strong was it?");
        f.put("items[3].items[1].max", "100");
        f.put("items[3].items[1].step", "5");
        f.put("items[3].items[1].anchors.min", "Hardly");
        f.put("items[3].items[1].anchors.max", "Overwhelming");
        return f;
    }

    static MockHttpServletRequestBuilder form(String url, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(url);
        fields.forEach(request::param);
        return request;
    }

    String saved(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as(html(result)).isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    static String html(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    String create(String title) throws Exception {
        String location = saved(clinician.perform(form("/worksheets", checkIn(title))));
        return location.replaceAll("^/worksheets/([a-z0-9-]+)/versions/1$", "$1");
    }

    long versionsStored() {
        return jdbc.sql("SELECT count(*) FROM worksheet_version WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single();
    }

    @Test
    void theBuilderMakesACustomWorksheetThatPreviewsAsTheClientWillSeeIt() throws Exception {
        String key = create("Evening check-in " + (++counter));
        assertThat(key).startsWith("custom-evening-check-in");
        WorksheetDefinition d = library.get(practice.id(), key, 1);
        assertThat(d.items()).extracting(Item::id).containsExactly("how_anxious_were_you_this", "practised",
                "what_got_in_the_way", "worries_that_came_up");
        assertThat(d.items().get(2).showIf()).containsExactly(Condition.equalTo("practised", false));
        assertThat(d.suggestedDose().describe()).isEqualTo("once a day at 21:00");

        String preview = html(clinician.perform(get("/worksheets/" + key + "/versions/1")));
        assertThat(preview).contains("How anxious were you this evening?", "0 = Calm", "10 = Extremely anxious",
                "name=\"worries_that_came_up[0].worry\"", "Add another", "Share with my practice");
        // shown only when "No" is chosen: present but hidden, and shown once the answer is posted
        assertThat(preview).containsPattern("<div class=\"question\"\\s+hidden=\"hidden\">\\s*[^$]*?What got in the way");
        String refreshed = html(clinician.perform(post("/worksheets/" + key + "/versions/1/preview")
                .header("HX-Request", "true").param("practised", "false")));
        assertThat(refreshed.strip()).startsWith("<div id=\"worksheet-form\"").doesNotContain("hidden=\"hidden\"")
                .contains("What got in the way");
    }

    @Test
    void anEditMakesVersionTwoAndVersionOneStaysLoadableAndRenders() throws Exception {
        String key = create("Evening check-in " + (++counter));
        String editPage = html(clinician.perform(get("/worksheets/" + key + "/edit")));
        assertThat(editPage).contains("saving makes version 2", "value=\"practised\"", "name=\"basedOn\" value=\"1\"");

        Map<String, String> edited = checkIn("Evening check-in, revised");
        edited.put("items[0].id", "how_anxious_were_you_this");
        edited.put("items[0].label", "How tense were you this evening?");
        edited.put("basedOn", "1");
        assertThat(saved(clinician.perform(form("/worksheets/" + key + "/versions", edited))))
                .isEqualTo("/worksheets/" + key + "/versions/2");

        assertThat(library.get(practice.id(), key, 1).items().get(0).label()).isEqualTo("How anxious were you this evening?");
        assertThat(library.get(practice.id(), key, 2).items().get(0).label()).isEqualTo("How tense were you this evening?");
        assertThat(library.latest(practice.id(), key).version()).isEqualTo(2);
        assertThat(library.findLatest(practice.id(), key)).get().extracting(WorksheetDefinition::version).isEqualTo(2);
        assertThat(library.findLatest(foreign.id(), key)).isEmpty();
        assertThat(library.get(practice.id(), key, 2).items().get(0).id())
                .as("answer keys stay across versions").isEqualTo("how_anxious_were_you_this");
        assertThat(html(clinician.perform(get("/worksheets/" + key + "/versions/1"))))
                .contains("How anxious were you this evening?", "an older version; the latest is 2");
        assertThat(html(clinician.perform(get("/worksheets/" + key + "/versions/2"))))
                .contains("How tense were you this evening?", "Version 1", "Version 2");
        assertThat(clinician.perform(get("/worksheets/" + key + "/versions/1/print")).getResponse().getStatus())
                .isEqualTo(200);

        MvcResult stale = clinician.perform(form("/worksheets/" + key + "/versions", edited));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(html(stale)).contains("saved again after you opened version 1", "How tense were you this evening?");
        assertThat(library.latest(practice.id(), key).version()).isEqualTo(2);
        assertThat(library.findLatest(practice.id(), key)).get().extracting(WorksheetDefinition::version).isEqualTo(2);
        assertThat(library.findLatest(foreign.id(), key)).isEmpty();
    }

    @Test
    void duplicateIdsAreRefusedAtTheFieldAndNothingIsStored() throws Exception {
        long before = versionsStored();
        Map<String, String> f = checkIn("Duplicates");
        f.put("items[0].id", "practised");
        MvcResult refused = clinician.perform(form("/worksheets", f));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("Not saved yet", "href=\"#b-items-1-id\"", "id=\"b-items-1-id-error\"",
                "Duplicate item id &#39;practised&#39; (also used at items[0])", "aria-invalid=\"true\"",
                "How anxious were you this evening?");
        assertThat(versionsStored()).isEqualTo(before);
    }

    @Test
    void aMinimumAboveTheMaximumIsRefusedAtTheField() throws Exception {
        long before = versionsStored();
        Map<String, String> f = checkIn("Bounds");
        f.put("items[4].type", "number");
        f.put("items[4].label", "Cups of coffee");
        f.put("items[4].min", "10");
        f.put("items[4].max", "5");
        MvcResult refused = clinician.perform(form("/worksheets", f));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("id=\"b-items-4-min-error\"", "Min (10) is above max (5).",
                "Question 5, lowest: Min (10) is above max (5).");
        assertThat(versionsStored()).isEqualTo(before);
    }

    @Test
    void conditionsThatDependOnEachOtherAreRefusedAtTheConditions() throws Exception {
        long before = versionsStored();
        Map<String, String> f = checkIn("Cycle");
        f.put("items[1].showIf[0].item", "what_got_in_the_way");
        f.put("items[1].showIf[0].operator", "answered");
        f.put("items[2].id", "what_got_in_the_way");
        MvcResult refused = clinician.perform(form("/worksheets", f));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String html = html(refused);
        String conditions = html.substring(html.indexOf("id=\"b-items-1-showIf\""));
        conditions = conditions.substring(0, conditions.indexOf("</fieldset>"));
        assertThat(conditions).contains("id=\"b-items-1-showIf-error\"",
                "Conditions form a cycle: practised -&gt; what_got_in_the_way -&gt; practised.");
        assertThat(versionsStored()).isEqualTo(before);
    }

    @Test
    void aQuestionsAnswerIsChartedWithoutTypingAFormulaAndTheFormulaFollowsARenamedQuestion() throws Exception {
        Map<String, String> f = checkIn("Charted " + (++counter));
        f.put("action", "track:items[0]");
        String tracked = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(tracked).contains("Chart this answer", "Chart the average of this answer", "data-focus=\"b-values-0-label\"")
                .containsPattern("name=\"values\\[0]\\.formula\"[^>]*value=\"how_anxious_were_you_this\"")
                .containsPattern("name=\"values\\[0]\\.unit\"[^>]*value=\"0-10\"");
        // a yes/no or text question offers no chart button
        assertThat(tracked).doesNotContain("id=\"b-items-1-track\"").doesNotContain("id=\"b-items-2-track\"");

        f.put("values[0].key", "how_anxious_were_you_this");
        f.put("values[0].label", "How anxious were you this evening?");
        f.put("values[0].unit", "0-10");
        f.put("values[0].formula", "how_anxious_were_you_this");
        f.put("action", "track:items[3].items[1]");
        String averaged = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(averaged).containsPattern("name=\"values\\[1]\\.key\"[^>]*value=\"avg_how_strong_was_it\"")
                .containsPattern("name=\"values\\[1]\\.label\"[^>]*value=\"Average: How strong was it\\?\"")
                .containsPattern("name=\"values\\[1]\\.formula\"[^>]*value=\"avg\\(worries_that_came_up\\.how_strong_was_it\\)\"")
                .containsPattern("name=\"values\\[1]\\.unit\"[^>]*value=\"0-100\"");
        // tracking the same answer twice adds nothing
        f.put("action", "track:items[0]");
        assertThat(html(clinician.perform(form("/worksheets/builder", f)))).doesNotContain("name=\"values[1].formula\"");

        // the question is reworded: its builder-made key follows the label, and the formula follows the key
        f.put("items[0].id", "how_anxious_were_you_this");
        f.put("items[0].autoId", "how_anxious_were_you_this");
        f.put("items[0].label", "How tense did you feel tonight?");
        f.put("action", "refresh");
        String renamed = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(renamed).containsPattern("name=\"values\\[0]\\.formula\"[^>]*value=\"how_tense_did_you_feel_tonight\"");

        f.remove("action");
        f.put("values[0].formula", "how_tense_did_you_feel_tonight");
        // as the page posts it back: the average the second button added
        f.put("values[1].key", "avg_how_strong_was_it");
        f.put("values[1].label", "Average: How strong was it?");
        f.put("values[1].unit", "0-100");
        f.put("values[1].formula", "avg(worries_that_came_up.how_strong_was_it)");
        String key = saved(clinician.perform(form("/worksheets", f))).replaceAll("^/worksheets/([a-z0-9-]+)/versions/1$", "$1");
        WorksheetDefinition d = library.get(practice.id(), key, 1);
        assertThat(d.values()).extracting(ValueDefinition::formula).containsExactly("how_tense_did_you_feel_tonight",
                "avg(worries_that_came_up.how_strong_was_it)");
    }

    @Test
    void versionDatesAreShownInThePracticesTimeZone() throws Exception {
        java.time.Instant before = clock.instant();
        clock.set(java.time.Instant.parse("2026-06-30T23:30:00Z")); // 00:30 on 1 July in London, the practice's zone
        try {
            String key = create("Late night " + (++counter));
            assertThat(html(clinician.perform(get("/worksheets/" + key + "/versions/1")))).contains("1 Jul 2026")
                    .doesNotContain("30 Jun 2026");
        } finally {
            clock.set(before);
        }
    }

    @Test
    void theButtonsChangeTheFormAndStoreNothing() throws Exception {
        long before = versionsStored();
        Map<String, String> f = checkIn("Buttons");
        f.put("action", "add-item");
        String added = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(added).contains("name=\"items[4].label\"", "data-focus=\"b-items-4-label\"",
                "value=\"how_anxious_were_you_this\"");

        f.put("action", "up:items[1]");
        String moved = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(moved.indexOf("Did you practise the breathing exercise?"))
                .isLessThan(moved.indexOf("How anxious were you this evening?"));

        f.put("action", "remove:items[3]");
        assertThat(html(clinician.perform(form("/worksheets/builder", f)))).doesNotContain("Worries that came up");

        f.put("action", "add-child:items[3]");
        assertThat(html(clinician.perform(form("/worksheets/builder", f)))).contains("name=\"items[3].items[2].label\"");

        f.put("items[1].type", "single_choice");
        f.put("action", "add-option:items[1]");
        String options = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(options).contains("name=\"items[1].options[0].label\"", "Add an option");

        f.put("action", "preview");
        f.put("items[1].type", "yes_no");
        String preview = html(clinician.perform(form("/worksheets/builder", f)));
        assertThat(preview).contains("id=\"builder-preview\"", "As your client will see it", "name=\"practised\"");
        assertThat(versionsStored()).isEqualTo(before);
    }

    @Test
    void aCopyOfABuiltInKeepsItsQuestionsAndRemembersWhereItCameFrom() throws Exception {
        String page = html(clinician.perform(get("/worksheets/thought-record/versions/2/copy")));
        assertThat(page).contains("Your copy of “Thought record”", "name=\"copiedFromKey\" value=\"thought-record\"",
                "value=\"evidence_for\"");
        Map<String, String> f = checkIn("My thought record " + (++counter));
        f.put("copiedFromKey", "thought-record");
        f.put("copiedFromVersion", "2");
        String location = saved(clinician.perform(form("/worksheets", f)));
        String key = location.replaceAll("^/worksheets/([a-z0-9-]+)/versions/1$", "$1");
        WorksheetSummary summary = library.summary(practice.clinician().actor(), key);
        assertThat(summary.copiedFromKey()).isEqualTo("thought-record");
        assertThat(summary.copiedFromVersion()).isEqualTo(2);
        assertThat(clinician.perform(get("/worksheets/thought-record/edit")).getResponse().getStatus())
                .as("built-ins do not change").isEqualTo(403);
    }

    @Test
    void sharingShowsItToColleaguesButNeverToAnotherPractice() throws Exception {
        String key = create("Shared check-in " + (++counter));
        String preview = "/worksheets/" + key + "/versions/1";
        assertThat(colleague.perform(get(preview)).getResponse().getStatus()).isEqualTo(404);
        assertThat(html(colleague.perform(get("/worksheets")))).doesNotContain(key);
        assertThat(library.find(practice.id(), key, 1)).as("assignments may use it unshared").isPresent();

        saved(clinician.perform(post("/worksheets/" + key + "/share").param("shared", "true")));
        assertThat(colleague.perform(get(preview)).getResponse().getStatus()).isEqualTo(200);
        assertThat(html(colleague.perform(get("/worksheets")))).contains(key, "Shared in your practice");
        assertThat(colleague.perform(get("/worksheets/" + key + "/edit")).getResponse().getStatus())
                .as("only the owner saves versions").isEqualTo(403);
        assertThat(colleague.perform(form("/worksheets/" + key + "/versions", checkIn("Hijack"))).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(colleague.perform(get("/worksheets/" + key + "/versions/1/copy")).getResponse().getStatus())
                .isEqualTo(200);

        assertThat(stranger.perform(get(preview)).getResponse().getStatus()).isEqualTo(404);
        assertThat(stranger.perform(get(preview + "/print")).getResponse().getStatus()).isEqualTo(404);
        assertThat(html(stranger.perform(get("/worksheets")))).doesNotContain(key);
        assertThat(library.find(foreign.id(), key, 1)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND subject = 'worksheet'")
                .param(practice.id()).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        saved(clinician.perform(post("/worksheets/" + key + "/share").param("shared", "false")));
        assertThat(colleague.perform(get(preview)).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theLibraryServiceAnswersForAPracticeAndForAPerson() throws Exception {
        String key = create("Private check-in " + (++counter));
        assertThat(library.available(practice.clinician().actor())).extracting(WorksheetSummary::key)
                .contains(key, "thought-record", "sleep-diary");
        assertThat(library.available(practice.otherClinician().actor())).extracting(WorksheetSummary::key)
                .doesNotContain(key).contains("thought-record");
        assertThat(library.latest(practice.id(), "mood-tracker")).isEqualTo(BuiltInWorksheets.get("mood-tracker"));
        assertThat(library.find(practice.id(), "mood-tracker", 2)).isEmpty();
        assertThat(library.find(practice.id(), "Not A Key", 1)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> library.latest(practice.otherClinician().actor(), key))
                .isInstanceOf(ProblemException.class).hasMessageContaining("not found");
    }
}
