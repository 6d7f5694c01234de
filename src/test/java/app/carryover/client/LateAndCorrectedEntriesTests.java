package app.carryover.client;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.ReviewDecision;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * A client logs a missed day late (within the practice's setting, 3 days by default), re-reads and
 * corrects their own worksheet answers until the practice is reviewed (the care team sees what was
 * first recorded), and takes back a removal.
 */
@CarryoverTest
class LateAndCorrectedEntriesTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;
    @Autowired
    Sessions sessions;
    @Autowired
    HomeworkReviews reviews;

    Clinic clinic;
    TestPractice practice;
    WebSession client;

    @BeforeEach
    void signIn(Clinic clinic) throws Exception {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-05-08T09:00:00Z"));
        practice = clinic.practice();
        client = clinic.signIn(practice.client());
    }

    Assignment assign(String title, String worksheet) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), draft(title,
                "Walk for twenty minutes after dinner, then log it here.").rationale("To lift your mood.")
                .worksheet(worksheet).build());
    }

    LocalDate dayOf(String entryId) {
        return jdbc.sql("SELECT local_date FROM practice_entry WHERE practice_id = ? AND id = ?")
                .params(practice.id(), UUID.fromString(entryId)).query(LocalDate.class).single();
    }

    static String loggedId(MvcResult result) {
        return result.getResponse().getRedirectedUrl().substring("/today?logged=".length());
    }

    @Test
    void aMissedDayIsLoggedLateWithinThePracticeSettingAndOlderDaysAreExplained() throws Exception {
        Assignment walk = assign("Evening walk", null);
        clock.set(Instant.parse("2026-05-14T18:30:00Z"));
        String today = client.perform(get("/today")).getResponse().getContentAsString();
        assertThat(today).contains("Missed a day? Log it for an earlier day")
                .contains("Yesterday, Wednesday 13 May").contains("Tuesday 12 May").contains("Monday 11 May")
                .doesNotContain("Sunday 10 May")
                .contains("Your practice lets you log up to 3 days late. For anything older, tell your clinician at your next session.");

        MvcResult late = client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString()).param("day", "2026-05-12"));
        String entry = loggedId(late);
        assertThat(dayOf(entry)).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(client.perform(get(late.getResponse().getRedirectedUrl())).getResponse().getContentAsString())
                .contains("Logged: Evening walk, for Tuesday 12 May.");

        MvcResult tooOld = client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString()).param("day", "2026-05-10"));
        assertThat(tooOld.getResponse().getStatus()).isEqualTo(400);
        assertThat(tooOld.getResponse().getContentAsString())
                .contains("The day is more than 3 days ago; ask your clinician to note it instead")
                .contains("aria-invalid=\"true\"").contains("<details class=\"late\" open=\"open\">");
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWorksheetIsFiledForTheDayItHappened() throws Exception {
        Assignment mood = assign("Mood check", BuiltInWorksheets.MOOD_TRACKER);
        clock.set(Instant.parse("2026-05-14T08:10:00Z"));
        String path = "/today/assignments/" + mood.id() + "/worksheet";
        assertThat(client.perform(get(path)).getResponse().getContentAsString()).contains("Which day was it?")
                .contains("Today, Thursday 14 May").contains("Yesterday, Wednesday 13 May");
        MvcResult saved = client.perform(post(path).param("mood", "6").param("anxiety", "3").param("day", "2026-05-13")
                .param("time", "21:15").param("submissionId", UUID.randomUUID().toString()));
        assertThat(dayOf(loggedId(saved))).isEqualTo(LocalDate.of(2026, 5, 13));
        assertThat(jdbc.sql("SELECT occurred_at FROM practice_entry WHERE practice_id = ?").param(practice.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2026-05-13T20:15:00Z"));
    }

    @Test
    void aClientCorrectsTheirAnswersUntilReviewedAndTheClinicianSeesWhatWasFirstRecorded() throws Exception {
        TherapySession session = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2026, 5, 15, 17, 0), 50);
        Assignment mood = assign("Mood check", BuiltInWorksheets.MOOD_TRACKER);
        String entry = loggedId(client.perform(post("/today/assignments/" + mood.id() + "/worksheet").param("mood", "3")
                .param("anxiety", "8").param("submissionId", UUID.randomUUID().toString())));

        String page = client.perform(get("/history/entries/" + entry)).getResponse().getContentAsString();
        assertThat(page).contains("Your answers: Daily mood and anxiety tracker").contains("Correct your answers");
        String form = client.perform(get("/history/entries/" + entry + "/answers")).getResponse().getContentAsString();
        assertThat(form).contains("Correct your answers: Daily mood and anxiety tracker").contains("value=\"3\" checked")
                .contains("value=\"8\" checked");

        MvcResult refused = client.perform(post("/history/entries/" + entry + "/answers").param("mood", "7").param("anxiety", ""));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Please answer this.").contains("value=\"7\" checked");

        MvcResult corrected = client.perform(post("/history/entries/" + entry + "/answers").param("mood", "7").param("anxiety", "4"));
        assertThat(corrected.getResponse().getRedirectedUrl()).isEqualTo("/history/entries/" + entry);
        assertThat(client.perform(get("/history/entries/" + entry)).getResponse().getContentAsString())
                .contains("changed since you logged it").containsPattern("Your mood[^<]*</dt>\\s*<dd>7");

        WebSession clinician = clinic.signIn(practice.clinician());
        String seen = clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry))
                .getResponse().getContentAsString();
        assertThat(seen).contains("Earlier versions").contains("Version 1, replaced Fri 8 May 2026, 10:00")
                .containsPattern("(?s)Your mood[^<]*</dt>\\s*<dd>7.*Version 1.*Your mood[^<]*</dt>\\s*<dd>3");

        clock.set(Instant.parse("2026-05-15T16:55:00Z"));
        sessions.setStatus(practice.clinician().actor(), practice.client().clientId(), session.id(), SessionStatus.HELD);
        reviews.decide(practice.clinician().actor(), practice.client().clientId(), session.id(), mood.id(),
                new HomeworkReviews.ReviewInput(ReviewDecision.CONTINUE, null, null, List.of(), null, null));
        assertThat(client.perform(get("/history/entries/" + entry)).getResponse().getContentAsString())
                .doesNotContain("Correct your answers")
                .contains("Your clinician has gone through this practice with you, so this entry stays as it is.");
        assertThat(client.perform(get("/history/entries/" + entry + "/answers")).getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void aRemovedEntryCanBeTakenBack() throws Exception {
        Assignment walk = assign("Evening walk", null);
        clock.set(Instant.parse("2026-05-12T19:00:00Z"));
        String entry = loggedId(client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString())));
        MvcResult removed = client.perform(post("/history/entries/" + entry + "/delete"));
        String history = client.perform(get("/history").flashAttrs(removed.getFlashMap())).getResponse().getContentAsString();
        assertThat(history).contains("Removed: Evening walk, Tuesday 12 May.")
                .contains("action=\"/history/entries/" + entry + "/restore\"").contains(">Undo</button>")
                .doesNotContain("href=\"/history/entries/" + entry + "\"");

        MvcResult undone = client.perform(post("/history/entries/" + entry + "/restore"));
        assertThat(client.perform(get("/history").flashAttrs(undone.getFlashMap())).getResponse().getContentAsString())
                .contains("The entry is back.").contains("href=\"/history/entries/" + entry + "\"");

        MvcResult again = client.perform(post("/history/entries/" + entry + "/delete"));
        assertThat(again.getResponse().getRedirectedUrl()).as("removed a second time after the undo").isEqualTo("/history");
        client.perform(post("/history/entries/" + entry + "/restore"));
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ? AND deleted_at IS NULL")
                .param(practice.id()).query(Long.class).single()).isOne();
        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.perform(get("/clients/" + practice.client().clientId() + "/entries/" + entry))
                .getResponse().getContentAsString()).as("a removal undone changed nothing worth showing")
                .doesNotContain("Earlier versions");
    }
}
