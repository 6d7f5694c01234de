package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * A clinician on a phone builds a small worksheet in the form builder — a rating, a yes/no and a
 * question that appears only after "No" — previews it, saves it, and tries it as the client would.
 * Screenshots go to target/screenshots for a person to look at.
 */
@CarryoverTest
class WorksheetBuilderJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @Test
    void aClinicianBuildsAWorksheetOnAPhoneAndPreviewsItAsTheClientWillSeeIt(Clinic clinic) throws Exception {
        TestPractice practice = clinic.practice();
        try (Browser browser = Browser.phone("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            clinic.signIn(browser, practice.clinician());

            browser.go("/worksheets");
            assertThat(browser.text()).contains("Worksheet library", "Thought record", "Sleep diary");
            browser.screenshot("worksheets-01-library");

            browser.click(By.linkText("New worksheet"));
            browser.type("b-title", "Evening walk").type("b-purpose", "To notice whether a short walk helps your evenings.")
                    .type("b-clientInstructions", "Answer before bed, even on days you did not walk.");
            browser.type("b-items-0-label", "How tense were you this evening?");
            choose(driver, "b-items-0-type", "rating");
            waitForElement(driver, "b-items-0-anchors-min");
            browser.type("b-items-0-anchors-min", "Relaxed").type("b-items-0-anchors-max", "Very tense");
            driver.findElement(By.name("items[0].required")).click();

            browser.click(By.id("b-add-item"));
            waitForElement(driver, "b-items-1-label");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus moves to the new question")
                    .isEqualTo("b-items-1-label");
            browser.type("b-items-1-label", "Did you take a walk?");
            choose(driver, "b-items-1-type", "yes_no");

            browser.click(By.id("b-add-item"));
            waitForElement(driver, "b-items-2-label");
            browser.type("b-items-2-label", "What got in the way?");
            choose(driver, "b-items-2-type", "long_text");
            browser.click(By.xpath("//button[normalize-space()='Add a condition' and @value='add-condition:items[2]']"));
            waitForElement(driver, "b-items-2-showIf-0-item");
            choose(driver, "b-items-2-showIf-0-item", "did_you_take_a_walk");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("b-items-2-showIf-0-value"))
                    .getTagName().equals("select"));
            choose(driver, "b-items-2-showIf-0-value", "false");
            browser.screenshot("worksheets-02-builder-condition");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("worksheets-02-builder-top");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('b-items-0').scrollIntoView()");
            browser.screenshot("worksheets-02-builder-rating");

            browser.press("Preview");
            waitForElement(driver, "builder-preview");
            assertThat(browser.find(By.id("builder-preview")).getText()).contains("How tense were you this evening?",
                    "0 = Relaxed", "10 = Very tense", "Did you take a walk?");
            browser.screenshot("worksheets-03-builder-preview");

            browser.press("Save");
            assertThat(browser.path()).isEqualTo("/worksheets/custom-evening-walk/versions/1");
            assertThat(browser.text()).contains("Saved as a new worksheet", "As your client sees it");
            assertThat(browser.find(By.id("q-what_got_in_the_way")).isDisplayed()).isFalse();
            browser.screenshot("worksheets-04-preview");

            browser.click(By.cssSelector("label[for='q-did_you_take_a_walk-no']"));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("q-what_got_in_the_way")).isDisplayed());
            browser.click(By.cssSelector("label[for='q-how_tense_were_you_this-7']"));
            browser.screenshot("worksheets-05-preview-answered");

            browser.press("Check my answers");
            assertThat(browser.text()).contains("These answers would be accepted");
            assertThat(browser.find(By.id("q-how_tense_were_you_this-7")).isSelected()).isTrue();

            browser.go("/worksheets/custom-evening-walk/versions/1");
            browser.press("Check my answers");
            assertThat(browser.text()).contains("Please check these answers", "Please answer this.");
            browser.screenshot("worksheets-06-preview-errors");

            browser.press("Share with my practice");
            assertThat(browser.text()).contains("every clinician of your practice can now use it");

            browser.go("/worksheets/thought-record/versions/2");
            browser.find(By.id("q-emotions-0-emotion")).sendKeys("anxious" + org.openqa.selenium.Keys.ENTER);
            Thread.sleep(1500);
            assertThat(driver.findElements(By.id("q-emotions-1-emotion"))).as("Enter adds no row").isEmpty();
            assertThat(browser.find(By.id("q-emotions-0-emotion")).getAttribute("value")).isEqualTo("anxious");
            browser.type("q-thoughts-0-thought", "They think I am boring");
            browser.click(By.xpath("//button[@name='_add' and @value='thoughts']"));
            waitForElement(driver, "q-thoughts-1-thought");
            assertThat(browser.find(By.id("q-thoughts-0-thought")).getAttribute("value")).isEqualTo("They think I am boring");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('q-thoughts').scrollIntoView()");
            browser.screenshot("worksheets-07-thought-record-rows");
        }
        clock.advance(Duration.ofSeconds(31));
        try (Browser desk = Browser.open("http://localhost:" + port)) {
            clinic.signIn(desk, practice.clinician());
            desk.go("/worksheets/custom-evening-walk/versions/1");
            assertThat(desk.text()).contains("As your client sees it", "Versions", "Stop sharing");
            desk.screenshot("worksheets-08-preview-desktop");
        }
    }

    private static void choose(WebDriver driver, String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        // the change goes to the server and the builder comes back; wait until the new one has settled
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            Object busy = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return document.querySelector('.htmx-request') !== null");
            return Boolean.FALSE.equals(busy);
        });
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> value.equals(
                new Select(d.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value")));
    }

    private static void waitForElement(WebDriver driver, String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }
}
