package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.transcripts.SampleTranscripts;

/**
 * A transcript in a real browser: the clinician uploads the session's transcript from the session
 * screen, reads what was found with the deciding words marked, turns one detected assignment into an
 * assignment through the composer (with the coach beside it) and dismisses the other, after which the
 * text is deleted under the default rule; then the audit of their own sessions.
 */
@CarryoverTest
class TranscriptJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Consents consents;

    @Test
    void uploadATranscriptOnASessionAndTurnADetectionIntoAnAssignment(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-03-03T16:40:00Z"));
        TestPractice practice = clinic.practice();
        TherapySession session = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2026, 3, 3, 17, 0), 50);
        clock.set(Instant.parse("2026-03-03T17:55:00Z"));
        sessions.setStatus(practice.clinician().actor(), practice.client().clientId(), session.id(), SessionStatus.HELD);
        consents.decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        clock.set(Instant.parse("2026-03-03T18:10:00Z"));
        Path file = Files.createTempDirectory("transcript").resolve("session-2026-03-03.txt");
        Files.writeString(file, SampleTranscripts.PLAIN, StandardCharsets.UTF_8);

        try (Browser clinician = Browser.open("http://localhost:" + port)) {
            clinic.signIn(clinician, practice.clinician());

            clinician.go("/clients/" + practice.client().clientId() + "/sessions/" + session.id() + "#transcript");
            assertThat(clinician.text()).contains("Upload the session's transcript");
            Path big = file.resolveSibling("whole-day.txt");
            Files.write(big, new byte[6 * 1024 * 1024]);
            clinician.find(By.id("transcript-file")).sendKeys(big.toAbsolutePath().toString());
            assertThat(clinician.find(By.id("transcript-file")).getDomProperty("validationMessage"))
                    .isEqualTo("The file is 6.0 MB; a session transcript may be at most 5 MB (a 50-minute session is about 50 kB),"
                            + " so upload one session at a time.");
            Files.delete(big);
            clinician.find(By.id("transcript-file")).sendKeys(file.toAbsolutePath().toString());
            assertThat(clinician.find(By.id("transcript-file")).getDomProperty("validationMessage")).isEmpty();
            clinician.screenshot("transcripts-01-session-upload");
            clinician.press("Upload and find homework");
            String found = clinician.text();
            assertThat(found).contains("Transcript read").contains("Homework assigned").contains("Earlier homework reviewed")
                    .contains("keep a thought record every evening before bed")
                    .contains("keep doing the slow breathing twice a day").contains("Homework reviewed");
            assertThat(clinician.find(By.cssSelector("article mark")).getText()).isNotBlank();
            clinician.screenshot("transcripts-02-detections");

            clinician.click(By.xpath("//article[contains(., 'slow breathing')]//a[normalize-space()='Use as draft']"));
            assertThat(clinician.text()).contains("Assign the homework found in the transcript").contains("Quality coach")
                    .contains("Dose read from the words “twice a day”");
            // the title names the task; the dose has its own fields (issue 11 item 15)
            assertThat(clinician.find(By.id("title")).getAttribute("value")).isEqualTo("Keep doing the slow breathing");
            clinician.click(By.name("general"));
            clinician.type("rationale", "So you notice that slowing your breath lowers the alarm.");
            clinician.waitFor("✓ Says why, or what to notice");
            assertThat(clinician.text()).contains("Dose: twice a day, after breakfast and before bed");
            clinician.screenshot("transcripts-03-draft-in-composer");
            clinician.press("Assign");
            assertThat(clinician.text()).contains("Assigned: Keep doing the slow breathing — twice a day, after "
                    + "breakfast and before bed. The detected assignment is confirmed and linked to it.")
                    .contains("assigned as");

            clinician.click(By.xpath("//article[contains(., 'thought record')]//button[starts-with(normalize-space(), 'Dismiss')]"));
            assertThat(clinician.text()).contains("Dismissed: nothing was assigned from it.")
                    .contains("The transcript text was deleted on Tue 3 Mar 2026, 18:10: every detected assignment was "
                            + "confirmed or dismissed");
            clinician.screenshot("transcripts-04-decided-text-deleted");
            // a mistaken dismissal is taken back: the detection waits again (the deleted text stays deleted)
            clinician.click(By.xpath("//article[contains(., 'thought record')]//button[starts-with(normalize-space(), 'Take back the dismissal')]"));
            assertThat(clinician.text()).contains("Dismissal taken back: the detected assignment waits for your decision again.");
            assertThat(clinician.find(By.xpath("//article[contains(., 'thought record')]//a[normalize-space()='Use as draft']"))
                    .isDisplayed()).isTrue();

            clinician.go("/transcripts/audit");
            assertThat(clinician.text()).contains("Your own sessions").contains("(your sessions)");
            clinician.screenshot("transcripts-05-audit");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
