package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * The composer's coach in a real browser: picking a worksheet fills in its suggested dose, words that
 * disagree with the dose are flagged, the Why field counts, and the saved assignment shows the same checks.
 */
@CarryoverTest
class CoachJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @Test
    void worksheetDoseMismatchAndWhyInTheLivePanelThenTheSavedChecks(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-03-03T16:40:00Z"));
        TestPractice practice = clinic.practice();
        context.getBean(Goals.class).create(practice.clinician().actor(), practice.client().clientId(), new GoalDraft(
                "Take the bus to work again", "I miss my independence", GoalTarget.Kind.MEASURE, Measure.GAD7,
                GoalTarget.Comparator.BELOW, new BigDecimal("8"), null, new BigDecimal("16"), null));
        String base = "http://localhost:" + port;
        String client = "/clients/" + practice.client().clientId();
        try (Browser clinician = Browser.open(base)) {
            clinic.signIn(clinician, practice.clinician());

            clinician.go(client + "/assignments/new");
            clinician.type("title", "Bus: two stops");
            clinician.click(By.name("goalIds"));
            new Select(clinician.find(By.id("worksheetKey"))).selectByValue("exposure-practice");
            clinician.waitFor("Dose set to the worksheet's suggestion: 4 times a week.");
            assertThat(new Select(clinician.find(By.id("doseKind"))).getFirstSelectedOption().getText()).isEqualTo("a week");
            assertThat(clinician.find(By.id("doseCount")).getAttribute("value")).isEqualTo("4");
            clinician.type("instructions", "Ride the bus two stops off-peak twice a day and note your distress before and after.");
            clinician.waitFor("The instructions say 'twice a day' but the dose is 4 times a week");
            waitForCheck(clinician, "structured", "pass");
            assertThat(check(clinician, "measurable")).isEqualTo("fail");
            assertThat(check(clinician, "structured")).as("the worksheet is the record").isEqualTo("pass");
            assertThat(check(clinician, "rationale")).isEqualTo("fail");
            clinician.screenshot("coach-01-worksheet-dose-and-mismatch");

            clinician.find(By.id("instructions")).clear();
            clinician.type("instructions", "Ride the bus two stops off-peak four times this week and note your distress before and after.");
            clinician.type("rationale", "To learn that the anxiety falls on its own.");
            clinician.waitFor("Specific, measurable and linked");
            waitForCheck(clinician, "rationale", "pass"); // the badge does not depend on the Why: wait for its own request
            assertThat(check(clinician, "measurable")).isEqualTo("pass");
            assertThat(check(clinician, "rationale")).isEqualTo("pass");
            clinician.screenshot("coach-02-all-checks-pass");
            clinician.press("Assign");
            assertThat(clinician.text()).contains("Assigned: Bus: two stops — 4 times a week.");

            clinician.click(By.linkText("Bus: two stops"));
            assertThat(clinician.text()).contains("Quality coach (when assigned)").contains("Specific, measurable and linked")
                    .contains("✓ Linked to the goal or the session's work").contains("✓ Says why, or what to notice")
                    .contains("✓ Steps, or a worksheet or log");
            for (String c : new String[] {"linked", "specific", "measurable", "rationale", "structured"}) {
                assertThat(check(clinician, c)).as(c).isEqualTo("pass");
            }
            clinician.screenshot("coach-03-saved-assignment");
        }
    }

    private static void waitForCheck(Browser b, String name, String state) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> {
            try {
                return state.equals(check(b, name));
            } catch (StaleElementReferenceException swapped) {
                return false;
            }
        });
    }

    private static String check(Browser b, String name) {
        return b.find(By.cssSelector("#coach li[data-check=" + name + "], .checks li[data-check=" + name + "]"))
                .getAttribute("class");
    }
}
