package app.carryover.system;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * A form the server refuses — too long, not a number, missing — shows again with the text as typed
 * and a plain message at the field, never a bare error page: in place where its handler shows it,
 * otherwise back on the page the form came from (its {@code _form} field). Text that fits its box in
 * the browser, line breaks counted once, fits on the server too.
 */
@CarryoverTest
class RefusedFormsTests {

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

    Clinic clinic;
    TestPractice practice;

    @BeforeEach
    void practice(Clinic clinic) {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-06-02T09:00:00Z"));
        practice = clinic.practice();
    }

    /** A form's origin as the page wrote it. */
    static String origin(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("(?s).*name=\"_form\" value=\"([^\"]*)\".*", "$1"));
    }

    @Test
    void textThatFitsItsBoxWithItsLineBreaksFitsOnTheServer() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        String line = "x".repeat(199);
        String typed = String.join("\r\n", java.util.Collections.nCopies(10, line));
        assertThat(typed.replace("\r\n", "\n")).as("what the browser counts against maxlength 2000").hasSize(1999);
        MvcResult saved = admin.perform(post("/admin/settings").param("name", "Practice two").param("timeZone", "Europe/London")
                .param("requireSecondFactor", "true").param("backdateDays", "3").param("emergencyContacts", typed));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
        assertThat(jdbc.sql("SELECT emergency_contacts FROM practice WHERE id = ?").param(practice.id()).query(String.class)
                .single()).as("one kind of line break is stored").isEqualTo(typed.replace("\r\n", "\n"));
    }

    @Test
    void anOverLongNameShowsTheFormAgainWithWhatWasTypedAndTheMessageAtTheField() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        String longName = "Harbour ".repeat(26).strip();
        String settings = admin.perform(get("/admin/settings")).getResponse().getContentAsString();
        assertThat(origin(settings)).isEqualTo("/admin/settings");
        MvcResult refused = admin.perform(post("/admin/settings").param("name", longName).param("timeZone", "Europe/Paris")
                .param("backdateDays", "5").param("emergencyContacts", "Call the duty line on 0100 000 000.")
                .param("_form", "/admin/settings"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("Practice name must be 1 to 200 characters")
                .contains("id=\"name\" name=\"name\" value=\"" + longName + "\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"name-error\"")
                .contains(">Call the duty line on 0100 000 000.</textarea>")
                .contains("<option value=\"Europe/Paris\" selected=\"selected\">").contains("value=\"5\"")
                .as("the second factor box was not ticked in what was sent").doesNotContainPattern("requireSecondFactor\" value=\"true\" checked");
    }

    @Test
    void termsTooLongKeepTheTextTheAdminWrote() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        String body = "We keep your records safe.\n\n" + "Each paragraph says what happens to your data. ".repeat(1100);
        MvcResult refused = admin.perform(post("/admin/terms").param("body", body));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("The text must be")
                .contains(">" + body + "</textarea>");
    }

    @Test
    void aNoteTooLongAfterDoneGoesBackToTodayWithTheNoteAndRatingKept() throws Exception {
        Assignment walk = assignments.compose(practice.clinician().actor(), practice.client().clientId(),
                draft("Evening walk", "Walk twenty minutes after dinner.").rationale("To lift your mood.").build());
        WebSession client = clinic.signIn(practice.client());
        String done = client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString())).getResponse().getRedirectedUrl();
        String today = client.perform(get(done)).getResponse().getContentAsString();
        String entry = done.substring("/today?logged=".length());
        assertThat(origin(today)).isEqualTo(done);

        String note = "It rained, so I walked in the shopping centre instead. ".repeat(40);
        MvcResult refused = client.perform(post("/today/entries/" + entry).param("rating", "7").param("note", note)
                .param("_form", origin(today)));
        assertThat(refused.getResponse().getStatus()).isEqualTo(303);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(done);
        assertThat(refused.getFlashMap().get("errors")).asString().isEqualTo("{note=must be at most 2,000 characters}");
        String shown = client.perform(get(done).flashAttrs(refused.getFlashMap())).getResponse().getContentAsString();
        assertThat(shown).contains("Logged: Evening walk, today.")
                .contains("A note for your clinician must be at most 2,000 characters")
                .contains("value=\"" + note + "\"").contains("aria-invalid=\"true\"")
                .containsPattern("name=\"rating\" value=\"7\" checked");
        assertThat(jdbc.sql("SELECT count(*) FROM practice_entry WHERE practice_id = ? AND note IS NULL AND rating IS NULL")
                .param(practice.id()).query(Long.class).single()).as("nothing half-written").isOne();
    }

    @Test
    void aRatingThatIsNotANumberIsRefusedAtItsFieldNotAsAMissingPage() throws Exception {
        Assignment walk = assignments.compose(practice.clinician().actor(), practice.client().clientId(),
                draft("Evening walk", "Walk twenty minutes after dinner.").rationale("To lift your mood.").build());
        WebSession client = clinic.signIn(practice.client());
        String done = client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString())).getResponse().getRedirectedUrl();
        String entry = "/history/entries/" + done.substring("/today?logged=".length());
        MvcResult refused = client.perform(post(entry).param("rating", "seven").param("note", "Felt lighter afterwards")
                .param("_form", entry));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(entry);
        assertThat(client.perform(get(entry).flashAttrs(refused.getFlashMap())).getResponse().getContentAsString())
                .contains("The rating is not valid").contains("value=\"Felt lighter afterwards\"")
                .doesNotContain("This page does not exist");
    }

    @Test
    void aRefusalNoHandlerCaughtGoesBackToItsFormInAnyModule() throws Exception {
        TherapySession session = sessions.schedule(practice.clinician().actor(), practice.client().clientId(),
                LocalDateTime.of(2026, 6, 2, 11, 0), 50);
        WebSession clinician = clinic.signIn(practice.clinician());
        String page = "/clients/" + practice.client().clientId() + "/sessions/" + session.id();
        String notes = "Talked through the week. ".repeat(1000);
        MvcResult refused = clinician.perform(post(page + "/notes").param("notes", notes).param("_form", page));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(refused.getFlashMap().get("errors")).asString().contains("notes=must be at most 20,000 characters");
        assertThat(((TypedForm) refused.getFlashMap().get("typed")).or("notes", null)).isEqualTo(notes);
        String back = clinician.perform(get(page).flashAttrs(refused.getFlashMap())).getResponse().getContentAsString();
        assertThat(back).as("the page it came back to says it was not saved and keeps the text, whatever its own form shows")
                .contains("<h2>Not saved</h2>").contains("Notes must be at most 20,000 characters.")
                .contains("Your text for “Notes”, as you typed it").contains(">" + notes + "</textarea>");
        assertThat(clinician.perform(get(page)).getResponse().getContentAsString()).as("once only").doesNotContain("Not saved");

        MvcResult elsewhere = clinician.perform(post(page + "/notes").param("notes", notes).param("_form", "//evil.example/x"));
        assertThat(elsewhere.getResponse().getStatus()).as("an origin off this site is never followed").isEqualTo(400);
        assertThat(elsewhere.getResponse().getContentAsString()).contains("must be at most 20,000 characters");
    }
}
