package app.carryover.homework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * The coach's verdicts as the clinician sees them: the composer's live panel as the form is typed (the Why
 * field, the dose against the words, a worksheet's suggested dose) and the saved assignment's page, check by
 * check.
 */
@CarryoverTest
public class CoachPanelTests {

    public static final String[] ALL = {"linked", "specific", "measurable", "rationale", "structured"};

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    TestPractice practice;
    UUID clientId;
    WebSession clinician;
    UUID goal;

    @BeforeEach
    void aSignedInClinician(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-03-03T16:00:00Z"));
        practice = clinic.practice();
        clientId = practice.client().clientId();
        clinician = clinic.signIn(practice.clinician());
        goal = context.getBean(Goals.class).create(practice.clinician().actor(), clientId, new GoalDraft("Feel calmer at work",
                "So I can enjoy my job again", GoalTarget.Kind.MEASURE, Measure.GAD7, GoalTarget.Comparator.BELOW,
                new BigDecimal("10"), null, new BigDecimal("15"), null)).id();
    }

    /** The five checks of a coach panel on a page: name to passed. */
    public static Map<String, Boolean> checks(String html) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<li ([^>]*data-check=\"(\\w+)\"[^>]*)>\\s*<span>(.)</span>").matcher(html);
        while (m.find()) {
            boolean pass = m.group(1).contains("class=\"pass\"");
            assertThat(m.group(3)).as("mark of %s", m.group(2)).isEqualTo(pass ? "✓" : "•");
            out.put(m.group(2), pass);
        }
        assertThat(out).as("the five checks are shown").containsOnlyKeys(ALL);
        return out;
    }

    MockHttpServletRequestBuilder composed(String path, String title, String instructions, String why) {
        return post(path).param("title", title).param("instructions", instructions).param("rationale", why)
                .param("goalIds", goal.toString()).param("doseKind", "PER_DAY").param("doseCount", "1");
    }

    String panel(MockHttpServletRequestBuilder form) throws Exception {
        var response = clinician.perform(form).getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    String coachPath() {
        return "/clients/" + clientId + "/assignments/coach";
    }

    @Test
    void aFilledWhyFieldPassesSaysWhyInTheLivePanel() throws Exception {
        String instructions = "Every evening, breathe in for 4 and out for 6 for five minutes and tick it on the practice log.";
        assertThat(checks(panel(composed(coachPath(), "Slow breathing", instructions, ""))))
                .containsEntry("rationale", false).containsEntry("specific", true).containsEntry("measurable", true);
        String withWhy = panel(composed(coachPath(), "Slow breathing", instructions, "Slowing the breath calms the alarm."));
        assertThat(checks(withWhy)).containsEntry("rationale", true);
        assertThat(withWhy).doesNotContain("Say why, or what to notice, in one sentence");
    }

    @Test
    void wordsThatDisagreeWithTheDoseAreFlaggedAndAgreeingOnesPass() throws Exception {
        String instructions = "Do the slow breathing twice a day for five minutes and tick it on the practice log.";
        String weekly = panel(post(coachPath()).param("title", "Slow breathing").param("instructions", instructions)
                .param("rationale", "It calms the alarm.").param("goalIds", goal.toString()).param("doseKind", "PER_WEEK")
                .param("doseCount", "1"));
        assertThat(checks(weekly)).containsEntry("measurable", false).containsEntry("specific", true);
        assertThat(weekly).contains(HtmlUtils.htmlEscape("The instructions say 'twice a day' but the dose is once a week: "
                + "make them say the same, so the client knows how often.")).contains("Needs a little more");
        String daily = panel(post(coachPath()).param("title", "Slow breathing").param("instructions", instructions)
                .param("rationale", "It calms the alarm.").param("goalIds", goal.toString()).param("doseKind", "PER_DAY")
                .param("doseCount", "2"));
        assertThat(checks(daily)).containsEntry("measurable", true);
        assertThat(daily).contains("Specific, measurable and linked").doesNotContain("make them say the same");
    }

    @Test
    void theDefaultDoseDoesNotMakeAnAttitudeCountAsHowOften() throws Exception {
        String relax = panel(post(coachPath()).param("title", "Relax").param("instructions", "Try to relax more.")
                .param("goalIds", goal.toString()));
        assertThat(relax).contains("Dose: once a day").contains("Vague: clients rarely do this kind of homework")
                .contains("there is nothing concrete to count yet");
        assertThat(checks(relax)).containsEntry("measurable", false).containsEntry("specific", false)
                .containsEntry("structured", false);
    }

    @Test
    void pickingAWorksheetAppliesItsSuggestedDoseOnceAndKeepsLaterChanges() throws Exception {
        String picked = panel(post(coachPath()).param("title", "Bus exposure").param("instructions",
                "Ride the bus two stops and record your distress before, at the peak and after.").param("goalIds", goal.toString())
                .param("worksheetKey", BuiltInWorksheets.EXPOSURE_PRACTICE).param("doseWorksheet", "")
                .param("doseKind", "PER_DAY").param("doseCount", "1"));
        assertThat(picked).contains("hx-swap-oob=\"true\"").contains("id=\"dose\"")
                .contains(HtmlUtils.htmlEscape("Dose set to the worksheet's suggestion: 4 times a week."))
                .containsPattern("<option value=\"PER_WEEK\" selected=\"selected\">a week</option>")
                .containsPattern("id=\"doseCount\" name=\"doseCount\"[^>]*value=\"4\"")
                .contains("name=\"doseWorksheet\" value=\"" + BuiltInWorksheets.EXPOSURE_PRACTICE + "\"")
                .contains("Dose: 4 times a week");
        assertThat(checks(picked)).containsEntry("measurable", true).containsEntry("structured", true);

        String changedAfter = panel(post(coachPath()).param("title", "Bus exposure").param("instructions",
                "Ride the bus two stops and record your distress before, at the peak and after.").param("goalIds", goal.toString())
                .param("worksheetKey", BuiltInWorksheets.EXPOSURE_PRACTICE)
                .param("doseWorksheet", BuiltInWorksheets.EXPOSURE_PRACTICE).param("doseKind", "PER_WEEK").param("doseCount", "2"));
        assertThat(changedAfter).as("the clinician's own dose stays").doesNotContain("hx-swap-oob").contains("Dose: twice a week");
    }

    @Test
    void theSavedAssignmentShowsEachCheckAsTheCoachJudgedIt() throws Exception {
        String path = "/clients/" + clientId + "/assignments";
        var good = clinician.perform(composed(path, "Slow breathing", "Every evening, breathe in for 4 and out for 6 for "
                + "five minutes and tick it on the practice log.", "Slowing the breath calms the alarm."));
        assertThat(good.getResponse().getStatus()).isEqualTo(302);
        var vague = clinician.perform(composed(path, "Relax", "Try to relax more.", ""));
        assertThat(vague.getResponse().getStatus()).isEqualTo(302);

        String goodPage = page("Slow breathing");
        assertThat(checks(goodPage)).isEqualTo(ordered(true, true, true, true, true));
        assertThat(goodPage).contains("Specific, measurable and linked");
        String vaguePage = page("Relax");
        assertThat(checks(vaguePage)).isEqualTo(ordered(true, false, false, false, false));
        assertThat(vaguePage).contains("Vague: clients rarely do this kind of homework");
    }

    static Map<String, Boolean> ordered(boolean... passed) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < ALL.length; i++) {
            out.put(ALL[i], passed[i]);
        }
        return out;
    }

    String page(String title) throws Exception {
        UUID id = jdbc.sql("SELECT id FROM assignment WHERE practice_id = ? AND title = ?").params(practice.id(), title)
                .query(UUID.class).single();
        var response = clinician.perform(get("/clients/" + clientId + "/assignments/" + id)).getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
