package app.carryover.clinician;

import static app.carryover.testing.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditLog;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentStatus;
import app.carryover.homework.Assignments;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.ResponseKind;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.system.ProblemException;

/**
 * Homework as a conversation (issue 21): the client says what they make of a new assignment, the
 * clinician replies before the session, and both appear where each of them looks — Today, the
 * caseload, the brief, the review — with every bad input answered plainly and nothing lost.
 */
@CarryoverTest
class ClientVoicePageTests {

    static final String QUESTION = "Does it count if I walk to work instead of after dinner?";
    static final String REPLY = "Yes: any 20 minutes of walking counts, at whatever time suits you.";

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    ClientVoice voice;
    @Autowired
    Consents consents;
    @Autowired
    Caseload caseload;
    @Autowired
    AuditLog audit;

    Clinic clinic;
    TestPractice practice;
    UUID clientId;
    TherapySession monday;
    TherapySession next;

    @BeforeEach
    void aPracticeWithASession(Clinic clinic) {
        this.clinic = clinic;
        at("2026-12-07T14:00:00Z");
        practice = clinic.practice();
        clientId = clinic.clientId();
        List<TherapySession> weekly = clinic.weeklySessions(LocalDateTime.of(2026, 12, 7, 15, 0), 2);
        monday = weekly.get(0);
        next = weekly.get(1);
        at("2026-12-07T15:45:00Z");
        clinic.held(monday);
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    Assignment walk() {
        return assignments.compose(practice.clinician().actor(), clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.")
                .rationale("Movement lifts mood, and you said evenings are the low point.").inSession(monday.id())
                .build());
    }

    @Test
    void aQuestionFromThePhoneIsAnsweredBeforeTheSessionAndTheReviewShowsBoth() throws Exception {
        Assignment walk = walk();
        at("2026-12-08T08:00:00Z");
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).contains("New from your clinician. Does this make sense to you?")
                .contains("Why: Movement lifts mood").contains("once a day")
                .contains("Due by your session on Monday 14 December at 15:00");
        assertThat(client.read("/today/assignments/" + walk.id() + "/say?kind=QUESTION"))
                .contains("What to do: Walk for 20 minutes after dinner.")
                .contains("Why: Movement lifts mood")
                .contains("Until when: Until your session on Monday 14 December at 15:00.");
        MvcResult sent = client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "QUESTION")
                .param("body", QUESTION));
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/today");
        assertThat(client.read("/today")).contains("You said: I have a question — “" + QUESTION + "”")
                .contains("Your clinician will reply here.").doesNotContain("Does this make sense to you?");

        at("2026-12-08T12:00:00Z");
        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload")).contains("1 question or request from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id() + "/brief"))
                .contains("From the client").contains("Evening walk: Asked (Tue 8 Dec 2026, 08:00): “" + QUESTION + "” not answered yet");
        assertThat(clinician.read("/clients/" + clientId)).contains("1 question(s) or request(s) from the client to answer");

        UUID responseId = voice.voice(practice.clinician().actor(), clientId).responses().get(0).id();
        MvcResult replied = clinician.perform(post("/clients/" + clientId + "/questions/" + responseId + "/reply")
                .param("reply", REPLY));
        assertThat(replied.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + clientId + "/questions");
        assertThat(String.valueOf(replied.getFlashMap().get("notice")))
                .isEqualTo("Saved: Kim Client sees it on Today when they next sign in. No e-mail was sent: Kim Client "
                        + "has not agreed to messages by e-mail (or has withdrawn that consent).");
        assertThat(Mailbox.countTo(practice.client().email())).isZero();
        assertThat(clinician.read("/caseload")).doesNotContain("from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id() + "/brief"))
                .contains("Chris Primary replied (Tue 8 Dec 2026, 12:00): “" + REPLY + "”")
                .doesNotContain("not answered yet");

        assertThat(client.read("/today")).contains("Chris Primary replied: " + REPLY);

        at("2026-12-14T15:01:00Z");
        clinician = clinic.signIn(practice.clinician());
        clinician.perform(post("/clients/" + clientId + "/sessions/" + next.id() + "/status").param("status", "HELD"));
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id()))
                .contains("What the client said when it was set:")
                .contains("Asked (Tue 8 Dec 2026, 08:00): “" + QUESTION + "”")
                .contains("Chris Primary replied (Tue 8 Dec 2026, 12:00): “" + REPLY + "”");

        List<String> changes = audit.browse(practice.admin().actor(), new AuditLog.Filter(null, clientId, AuditAction.CHANGE,
                null, null), 100).stream().map(AuditLog.Row::subject).toList();
        assertThat(changes).contains("response to an assignment", "reply to the client's response");
    }

    @Test
    void gotItIsOneTapAndNeedsNoReply() throws Exception {
        Assignment walk = walk();
        WebSession client = clinic.signIn(practice.client());
        client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "GOT_IT"));
        assertThat(client.read("/today")).contains("You said: Got it").doesNotContain("Your clinician will reply here.");
        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload")).doesNotContain("from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id() + "/brief"))
                .contains("Evening walk: got it (Mon 7 Dec 2026, 15:45)");
    }

    @Test
    void emptyOrEnormousWordsAreRefusedBesideTheBoxWithTheWordsKept() throws Exception {
        Assignment walk = walk();
        WebSession client = clinic.signIn(practice.client());
        MvcResult empty = client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "QUESTION")
                .param("body", "   "));
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(empty)).contains("Not sent: please check below.")
                .contains("Your words: write your question, so your clinician can answer it");
        String enormous = "Why ".repeat(600).strip();
        MvcResult tooLong = client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "CHANGE")
                .param("body", enormous));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(tooLong)).contains("Your words: is 2,399 characters; please keep it to 2,000");
        assertThat(tooLong.getResponse().getContentAsString()).contains(enormous);
        assertThat(voice.voice(practice.client().actor(), clientId).responses()).isEmpty();

        MvcResult api = client.perform(post("/api/v1/me/assignments/" + walk.id() + "/responses")
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"QUESTION\",\"body\":\"\"}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.getResponse().getContentAsString()).contains("\"field\":\"body\"");

        WebSession clinician = clinic.signIn(practice.clinician());
        client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "TOO_HARD"));
        UUID responseId = voice.voice(practice.clinician().actor(), clientId).responses().get(0).id();
        MvcResult noReply = clinician.perform(post("/clients/" + clientId + "/questions/" + responseId + "/reply")
                .param("reply", ""));
        assertThat(noReply.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(noReply)).contains("Reply: write a short reply; the client reads it on their Today page");
        assertThat(client.read("/today")).contains("You said: This seems too hard").contains("Your clinician will reply here.");
    }

    @Test
    void aQuestionOnAnAssignmentClosedMeanwhileIsNotSentAndKeepsItsWords() throws Exception {
        Assignment walk = walk();
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today/assignments/" + walk.id() + "/say?kind=QUESTION")).contains("Evening walk");
        assignments.setStatus(practice.clinician().actor(), clientId, walk.id(), AssignmentStatus.COMPLETED);
        MvcResult late = client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "QUESTION")
                .param("body", QUESTION));
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(WebSession.textOf(late)).contains("“Evening walk” has been completed by your clinician since you opened it, "
                + "so this was not sent. Your words are kept below").contains(QUESTION);
        assertThat(voice.voice(practice.client().actor(), clientId).responses()).isEmpty();
    }

    @Test
    void aDischargedClientsRequestIsRefusedPlainly() throws Exception {
        WebSession client = clinic.signIn(practice.client());
        caseload.discharge(practice.clinician().actor(), clientId, "Finished treatment");
        MvcResult page = client.perform(post("/today/ask").param("topic", "Sleep"));
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/closed");
        MvcResult api = client.perform(post("/api/v1/me/homework-requests").contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\":\"Sleep\"}"));
        assertThat(api.getResponse().getStatus()).isEqualTo(403);
        assertThat(api.getResponse().getContentAsString()).contains("Your care with this practice has ended");
        assertThatThrownBy(() -> voice.ask(practice.client().actor(), "Sleep")).isInstanceOf(ProblemException.class)
                .hasMessage("Your care at this practice has ended, so messages can no longer be sent here. Nothing was sent. "
                        + "Please contact the practice directly.");
        assertThat(voice.voice(practice.clinician().actor(), clientId).requests()).isEmpty();
    }

    @Test
    void aReplyIsAnnouncedByMailWithoutItsWordsOnlyWithConsent() throws Exception {
        Assignment walk = walk();
        consents.decide(practice.client().actor(), ConsentKind.EMAIL_MESSAGES, true);
        voice.respond(practice.client().actor(), walk.id(), ResponseKind.QUESTION, QUESTION);
        UUID first = voice.voice(practice.client().actor(), clientId).responses().get(0).id();
        ClientVoice.Replied mailed = voice.reply(practice.clinician().actor(), clientId, first, REPLY);
        assertThat(mailed.mailed()).isTrue();
        assertThat(mailed.delivery()).contains("an e-mail (without your words) told them there is a reply");
        String body = Mailbox.body(Mailbox.latestTo(practice.client().email()));
        assertThat(body).contains("Your clinician has replied to you on Carryover").contains("/today")
                .doesNotContain("walk").doesNotContain("Walk");

        consents.decide(practice.client().actor(), ConsentKind.EMAIL_MESSAGES, false);
        voice.respond(practice.client().actor(), walk.id(), ResponseKind.TOO_EASY, null);
        UUID second = voice.voice(practice.client().actor(), clientId).responses().get(0).id();
        long before = Mailbox.countTo(practice.client().email());
        ClientVoice.Replied kept = voice.reply(practice.clinician().actor(), clientId, second, "Then try 30 minutes.");
        assertThat(kept.mailed()).isFalse();
        assertThat(kept.delivery()).contains("No e-mail was sent");
        assertThat(Mailbox.countTo(practice.client().email())).isEqualTo(before);
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).contains("Chris Primary replied: Then try 30 minutes.");
    }

    @Test
    void aRequestForHomeworkStaysOnTheCaseloadAndBriefUntilANewAssignmentAnswersIt() throws Exception {
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).contains("Would you like something to practise?");
        client.perform(post("/today/ask").param("topic", "Getting to sleep before midnight"));
        assertThat(client.read("/today")).contains("You asked for something to practise: “Getting to sleep before midnight”")
                .contains("Your clinician will reply here, or set you something new.");

        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload")).contains("1 question or request from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/sessions/" + next.id() + "/brief"))
                .contains("Asked for something to practise (Mon 7 Dec 2026, 15:45): “Getting to sleep before midnight” not answered yet");
        at("2026-12-07T16:00:00Z");
        walk();
        assertThat(clinician.read("/caseload")).doesNotContain("from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/questions")).contains("Answered by a new assignment: Evening walk");
    }

    @Test
    void changingTheAssignmentAnswersTooHard() throws Exception {
        Assignment walk = walk();
        voice.respond(practice.client().actor(), walk.id(), ResponseKind.TOO_HARD, "Twenty minutes is a lot after work");
        WebSession clinician = clinic.signIn(practice.clinician());
        assertThat(clinician.read("/caseload")).contains("1 question or request from the client to answer");
        at("2026-12-08T09:00:00Z");
        assignments.edit(practice.clinician().actor(), clientId, walk.id(), draft("Evening walk",
                "Walk for 10 minutes after dinner.").rationale(walk.rationale()).inSession(monday.id()).difficulty(2)
                .build(), null, "Shorter, as Kim asked");
        assertThat(clinician.read("/caseload")).doesNotContain("from the client to answer");
        assertThat(clinician.read("/clients/" + clientId + "/questions"))
                .contains("Said it seems too hard (Mon 7 Dec 2026, 15:45): “Twenty minutes is a lot after work”")
                .contains("Answered by changing the assignment (Tue 8 Dec 2026, 09:00)");
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.read("/today")).contains("Walk for 10 minutes after dinner.")
                .contains("Your clinician changed this practice since: what to do above is the new version.")
                .doesNotContain("Your clinician will reply here.");
    }

    @Test
    void anotherClientNeverSeesTheQuestion() throws Exception {
        Assignment walk = walk();
        voice.respond(practice.client().actor(), walk.id(), ResponseKind.QUESTION, QUESTION);
        WebSession other = clinic.signIn(practice.otherClient());
        assertThat(other.perform(get("/today/assignments/" + walk.id() + "/say")).getResponse().getStatus()).isEqualTo(404);
        assertThat(other.read("/today")).doesNotContain(QUESTION);
        assertThat(other.perform(get("/api/v1/me/voice")).getResponse().getContentAsString()).doesNotContain(QUESTION);
    }

    @Test
    void changingTheAssignmentFromAQuestionOpensTheFormWithTheQuestionBesideIt() throws Exception {
        Assignment walk = walk();
        at("2026-12-08T08:00:00Z");
        var asked = voice.respond(practice.client().actor(), walk.id(), ResponseKind.QUESTION, QUESTION);
        at("2026-12-08T12:00:00Z");
        WebSession clinician = clinic.signIn(practice.clinician());
        String edit = "/clients/" + clientId + "/assignments/" + walk.id() + "/edit?response=" + asked.id();
        assertThat(clinician.perform(get("/clients/" + clientId + "/questions")).getResponse().getContentAsString())
                .contains("href=\"" + edit + "\">change the assignment</a>");
        String form = clinician.read(edit);
        assertThat(form).contains("Change: Evening walk").contains("What the client said about it")
                .contains("Asked (Tue 8 Dec 2026, 08:00): “" + QUESTION + "” not answered yet")
                .contains("Saving a change counts as an answer");
        assertThat(clinician.perform(get(edit)).getResponse().getContentAsString())
                .contains("name=\"response\" value=\"" + asked.id() + "\"");

        MvcResult saved = clinician.perform(post("/clients/" + clientId + "/assignments/" + walk.id() + "/edit")
                .param("revision", "1").param("response", asked.id().toString()).param("note", "Walking to work counts too")
                .param("title", "Evening walk").param("instructions", "Walk for 20 minutes: after dinner, or on the way to work.")
                .param("rationale", "Movement lifts mood, and you said evenings are the low point.").param("general", "true")
                .param("doseKind", "PER_DAY").param("doseCount", "1").param("difficulty", "3")
                .param("sessionId", monday.id().toString()));
        assertThat(saved.getResponse().getRedirectedUrl())
                .isEqualTo("/clients/" + clientId + "/questions#response-" + asked.id());
        assertThat(clinician.follow(saved)).contains("You may reply below to tell them what changed.")
                .contains("Answered by changing the assignment (Tue 8 Dec 2026, 12:00)")
                .contains("The assignment was changed after this; you may still reply to say what changed.");

        // Someone else's question id shows nothing beside the form.
        assertThat(clinician.read("/clients/" + clientId + "/assignments/" + walk.id() + "/edit?response=" + UUID.randomUUID()))
                .contains("Change: Evening walk").doesNotContain("What the client said about it");
    }
}
