package app.carryover.journeys;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.EntryDrafts;
import app.carryover.homework.HomeworkReviews;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * The worksheets issue's "done when", for every built-in: it can be assigned, filled in a
 * phone-sized browser, printed and reviewed.
 */
@CarryoverTest
class BuiltInWorksheetsJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Assignments assignments;
    @Autowired
    EntryDrafts drafts;
    @Autowired
    Sessions sessions;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBuiltInIsAssignedFilledOnAPhonePrintedAndReviewed(Clinic clinic) throws Exception {
        clock.set(Instant.parse("2026-04-07T09:00:00Z"));
        TestPractice practice = clinic.practice();
        UUID clientId = practice.client().clientId();
        TherapySession next = sessions.schedule(practice.clinician().actor(), clientId,
                java.time.LocalDateTime.of(2026, 4, 8, 17, 0), 50);
        List<Assignment> assigned = new ArrayList<>();
        for (WorksheetDefinition d : BuiltInWorksheets.all()) {
            assigned.add(assignments.compose(practice.clinician().actor(), clientId, draft(d.title(),
                    "Fill in the " + d.title().toLowerCase() + " as we practised.").rationale("To see what helps.")
                    .worksheet(d.key()).build()));
        }
        clock.set(Instant.parse("2026-04-07T19:00:00Z"));
        try (Browser phone = Browser.phone("http://localhost:" + port)) {
            clinic.signIn(phone, practice.client());
            for (Assignment a : assigned) {
                // The client's answers come back as a saved draft; the page must render and send every item type.
                drafts.save(practice.client().actor(), a.id(), BuiltInWorksheets.exampleAnswers(a.worksheetKey()).toJson());
                phone.go("/today/assignments/" + a.id() + "/worksheet");
                assertThat(phone.text()).as(a.worksheetKey()).contains(a.title());
                if (a.worksheetKey().equals(BuiltInWorksheets.THOUGHT_RECORD)) {
                    phone.screenshot("worksheet-thought-record-phone");
                }
                phone.press("Save this entry");
                assertThat(phone.text()).as("%s saved from the phone", a.worksheetKey()).contains("Logged");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ? AND answers IS NOT NULL")
                .param(practice.id()).query(Long.class).single()).isEqualTo(BuiltInWorksheets.all().size());

        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        for (Assignment a : assigned) {
            String entry = jdbc.sql("SELECT id::text FROM practice_entry WHERE practice_id = ? AND assignment_id = ?")
                    .params(practice.id(), a.id()).query(String.class).single();
            var pdf = clinician.perform(get("/clients/" + clientId + "/entries/" + entry + "/print")).getResponse();
            assertThat(pdf.getStatus()).as(a.worksheetKey() + " prints").isEqualTo(200);
            assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        }
        clock.set(Instant.parse("2026-04-08T17:05:00Z"));
        sessions.setStatus(practice.clinician().actor(), clientId, next.id(), SessionStatus.HELD);
        HomeworkReviews.ReviewScreen screen = reviews.screen(practice.clinician().actor(), clientId, next.id());
        assertThat(screen.toReview()).hasSize(BuiltInWorksheets.all().size())
                .allMatch(item -> item.entries().size() == 1 && item.entries().get(0).answers() != null);
    }
}
