package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * axe-core (Deque) finds no WCAG 2 A or AA violations on the pages people use most: sign-in, the
 * client's Today and a worksheet on a phone, and the clinician's client and session screens.
 */
@CarryoverTest
class AccessibilityTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;

    @Test
    void theMainPagesHaveNoWcagViolations(Clinic clinic) throws Exception {
        clock.set(Instant.now());
        TestPractice practice = clinic.practice();
        Assignment thoughts = assignments.compose(practice.clinician().actor(), practice.client().clientId(),
                draft("Thought record", "Fill in a thought record after a tense moment, the same day.")
                        .rationale("To catch the thought behind the feeling.")
                        .worksheet(BuiltInWorksheets.THOUGHT_RECORD)
                        .dose(new Dose(Dose.Kind.PER_WEEK, 3, null, null, null)).difficulty(4).build());
        String base = "http://localhost:" + port;
        try (Browser phone = Browser.phone(base)) {
            phone.go("/signin");
            assertNoViolations(phone, "sign-in");
            phone.type("email", practice.client().email()).type("password", Fixtures.PASSWORD).press("Sign in");
            assertNoViolations(phone, "Today");
            phone.go("/today/assignments/" + thoughts.id() + "/worksheet");
            assertNoViolations(phone, "thought record");
            phone.go("/today/assignments/" + thoughts.id() + "/reflection");
            assertNoViolations(phone, "reflection");
        }
        try (Browser desk = Browser.open(base)) {
            clinic.signIn(desk, practice.clinician());
            assertNoViolations(desk, "caseload");
            desk.go("/clients/" + practice.client().clientId());
            assertNoViolations(desk, "client overview");
            desk.go("/clients/" + practice.client().clientId() + "/assignments/new");
            assertNoViolations(desk, "composer");
        }
    }

    private static void assertNoViolations(Browser browser, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        String found = results.getViolations().stream().map(AccessibilityTests::describe).collect(Collectors.joining("\n"));
        assertThat(results.getPasses()).as("axe ran its rules on %s", page).hasSizeGreaterThan(10);
        assertThat(results.getViolations()).as("accessibility violations on %s:%n%s", page, found).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }
}
