package app.carryover.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.practice.ApiTokens;
import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.EntryInput;
import app.carryover.homework.ResponseKind;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Instruments;
import app.carryover.measures.MeasureSchedule;
import app.carryover.measures.MeasureSchedules;
import app.carryover.measures.Measures;
import app.carryover.practice.Invitations;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.system.Role;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.BuiltInWorksheets;
import app.carryover.worksheets.WorksheetDefinitions;

/**
 * The endpoint walk's world: a practice whose client's objects every handler is called about, a
 * second practice, a signed-in session for every caller, and the ids of real objects named in
 * paths.
 */
final class World {

    final ApplicationContext context;
    final TestClock clock;
    final TestPractice practice;
    final TestPractice foreign;
    final Person foreignStaff;
    final Map<Caller, Person> people = new EnumMap<>(Caller.class);
    final Map<Caller, WebSession> sessions = new EnumMap<>(Caller.class);
    /** Path variable name → the id (or value) of a real object of the practice. */
    final Map<String, String> ids = new HashMap<>();
    /** Path variables naming objects that belong to the client's record. */
    static final Set<String> CLIENT_OBJECTS = Set.of("clientId", "goalId", "sessionId", "assignmentId", "entryId",
            "transcriptId", "detectionId", "hierarchyId", "scheduleId", "alertId", "responseId", "requestId", "id");
    /** Path variables naming objects of the practice that belong to no client. */
    static final Set<String> PRACTICE_OBJECTS = Set.of("accountId", "tokenId", "clinicianId", "worksheetKey",
            "customMeasureId", "accessAlertId");
    /** Path variables that are values, not objects (any caller may name them). */
    static final Set<String> VALUES = Set.of("kind", "version", "instrumentKey", "chart", "type");

    private int counter;
    private final MockMvc signInMvc;

    World(ApplicationContext context, MockMvc mvc, TestClock clock) throws Exception {
        this.context = context;
        this.clock = clock;
        this.signInMvc = mvc;
        practice = Fixtures.practice(context);
        foreign = Fixtures.practice(context);
        foreignStaff = Fixtures.staff(context, foreign.id(), EnumSet.of(Role.ADMIN, Role.CLINICIAN), "Fran Foreign");
        people.put(Caller.ADMIN_OFF_TEAM, practice.admin());
        people.put(Caller.PRIMARY, practice.clinician());
        people.put(Caller.SUPERVISOR, practice.supervisor());
        people.put(Caller.OTHER_CLINICIAN, practice.otherClinician());
        people.put(Caller.CLIENT, practice.client());
        people.put(Caller.OTHER_CLIENT, practice.otherClient());
        people.put(Caller.FOREIGN_STAFF, foreignStaff);
        people.put(Caller.FOREIGN_CLIENT, foreign.client());
        for (Caller caller : Caller.values()) {
            sessions.put(caller, WebSession.signIn(mvc, people.get(caller), clock));
        }
        ids.put("clientId", practice.client().clientId().toString());
        ids.put("clinicianId", practice.supervisor().accountId().toString());
        ids.put("kind", ConsentKind.EMAIL_MESSAGES.name());
        ids.put("accountId", context.getBean(Invitations.class).invite(practice.admin().actor(),
                "walk-invited-" + practice.id() + "@example.org", "Ivy Invited", EnumSet.of(Role.CLINICIAN)).accountId().toString());
        ids.put("tokenId", context.getBean(ApiTokens.class).create(practice.clinician().actor(), "walk token", 30, false,
                freshCode(Caller.PRIMARY)).token().id().toString());
        UUID client = practice.client().clientId();
        ids.put("goalId", context.getBean(Goals.class).create(practice.clinician().actor(), client, new GoalDraft(
                "Sleep through the night", null, GoalTarget.Kind.METRIC, null, GoalTarget.Comparator.AT_LEAST,
                new java.math.BigDecimal("5"), "nights a week slept through", new java.math.BigDecimal("1"), null))
                .id().toString());
        ids.put("type", "Goal"); // the FHIR API's /fhir/r4/{type}/{id}: the goal as a FHIR Goal
        ids.put("id", ids.get("goalId"));
        Sessions sessions = context.getBean(Sessions.class);
        java.time.LocalDateTime earlier = clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime()
                .minusHours(2).withSecond(0).withNano(0);
        UUID session = sessions.schedule(practice.clinician().actor(), client, earlier, 50).id();
        sessions.setStatus(practice.clinician().actor(), client, session, SessionStatus.HELD);
        ids.put("sessionId", session.toString());
        freshAssignment();
        freshEntry();
        ids.put("hierarchyId", context.getBean(app.carryover.homework.ExposureHierarchies.class).create(
                practice.clinician().actor(), client, "Walked places", java.util.List.of(
                        new app.carryover.homework.ExposureHierarchies.StepInput("Busy shop", 40))).id().toString());
        ids.put("worksheetKey", sharedWorksheet(mvc));
        ids.put("version", "1");
        context.getBean(Consents.class).decide(practice.client().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        freshTranscript();
        ids.put("instrumentKey", "PHQ9");
        ids.put("chart", "PHQ9");
        freshSchedule();
        freshCustomMeasure();
        freshAlert();
        freshResponse();
        freshRequest();
        accessAlert();
    }

    /**
     * An unusual access alert of the practice, named by {accessAlertId}: the other clinician's account
     * appears in the audit reading six clients within minutes, against a floor of five.
     */
    private void accessAlert() {
        app.carryover.practice.UnusualAccess unusual = context.getBean(app.carryover.practice.UnusualAccess.class);
        unusual.setPolicy(practice.admin().actor(), 60, 2, 5, 28);
        app.carryover.audit.AuditTrail trail = context.getBean(app.carryover.audit.AuditTrail.class);
        for (int i = 0; i < 6; i++) {
            trail.record(app.carryover.audit.AuditEntry.by(practice.otherClinician().actor(), UUID.randomUUID(),
                    app.carryover.audit.AuditAction.READ, "client record", null, "walk"));
        }
        ids.put("accessAlertId", unusual.check(practice.id()).get(0).id().toString());
    }

    /** A question of the client's on a new open assignment, not yet answered, named by {responseId} from now on. */
    void freshResponse() {
        freshAssignment();
        ClientVoice voice = context.getBean(ClientVoice.class);
        ids.put("responseId", voice.respond(practice.client().actor(), UUID.fromString(ids.get("assignmentId")),
                ResponseKind.QUESTION, "Does walking to work count?").id().toString());
    }

    /** A request of the client's for something to practise, not yet answered, named by {requestId} from now on. */
    void freshRequest() {
        ids.put("requestId", context.getBean(ClientVoice.class).ask(practice.client().actor(), "Sleep").id().toString());
    }

    /** A new open risk alert of the client (a PHQ-9 with "several days" on question 9), named by {alertId} from now on. */
    void freshAlert() {
        java.util.List<Integer> answers = new java.util.ArrayList<>(java.util.List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
        answers.add(null);
        context.getBean(Measures.class).answer(practice.client().actor(), "PHQ9",
                new Measures.AnswerInput(UUID.randomUUID(), answers, null));
        ids.put("alertId", context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT id::text FROM risk_alert WHERE practice_id = ? ORDER BY raised_at DESC, id DESC LIMIT 1")
                .param(practice.id()).query(String.class).single());
    }

    /** An active PHQ-8 schedule of the client (intake and end), named by {scheduleId} from now on; any earlier one is stopped. */
    void freshSchedule() {
        MeasureSchedules schedules = context.getBean(MeasureSchedules.class);
        UUID client = practice.client().clientId();
        if (ids.containsKey("scheduleId")) {
            try {
                schedules.stop(practice.clinician().actor(), client, UUID.fromString(ids.get("scheduleId")));
            } catch (app.carryover.system.ProblemException alreadyStopped) {
                // a walked call stopped it
            }
        }
        ids.put("scheduleId", schedules.schedule(practice.clinician().actor(), client, new MeasureSchedules.ScheduleInput(
                "PHQ8", MeasureSchedule.Kind.AT_INTAKE_AND_DISCHARGE, null, null, null)).id().toString());
    }

    /** A new active custom rating of the practice, named by {customMeasureId} from now on. */
    void freshCustomMeasure() {
        ids.put("customMeasureId", context.getBean(Instruments.class).addCustom(practice.admin().actor(),
                new Instruments.CustomInput("Walk rating " + (++counter), "How was it?", 0, 10, "bad", "good", false, null))
                .id().toString());
    }

    /** A session transcript in the walk's plain-text form (a review, then a thought record set for the week). */
    static final String TRANSCRIPT = "T: How did the breathing practice go this week?\nC: I did it most mornings.\n"
            + "T: Great. This week, I'd like you to keep a thought record every evening before bed.\nC: Okay.\n";

    /** The transcript's id and its first detected assignment's id in the upload's answer. */
    private static final Pattern ASSIGNMENT_FOUND = Pattern.compile(
            "^\\{\"id\":\"([^\"]+)\".*\"assignments\":\\[\\{\"id\":\"([^\"]+)\"");

    /**
     * A new transcript of the held session, uploaded by the primary clinician, named by {transcriptId}
     * from now on, and its first detected assignment (still waiting for a decision) by {detectionId}.
     */
    void freshTranscript() {
        try {
            String path = "/api/v1/clients/" + ids.get("clientId") + "/sessions/" + ids.get("sessionId") + "/transcripts";
            String body = sessions.get(Caller.PRIMARY).perform(MockMvcRequestBuilders.post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"fileName\":\"walk.txt\",\"text\":\"" + TRANSCRIPT.replace("\n", "\\n") + "\"}"))
                    .getResponse().getContentAsString();
            Matcher m = ASSIGNMENT_FOUND.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("the walk's transcript found no assignment: " + body);
            }
            ids.put("transcriptId", m.group(1));
            ids.put("detectionId", m.group(2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh transcript whose detected assignment {detectionId} the primary clinician has dismissed. */
    void dismissedDetection() {
        freshTranscript();
        try {
            int status = sessions.get(Caller.PRIMARY).perform(MockMvcRequestBuilders.post("/api/v1/clients/"
                    + ids.get("clientId") + "/transcripts/" + ids.get("transcriptId") + "/detections/"
                    + ids.get("detectionId") + "/dismissal")).getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException("the walk's detection could not be dismissed: " + status);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new open assignment of the client, named by {assignmentId} from now on (reviews close the old one). */
    void freshAssignment() {
        ids.put("assignmentId", context.getBean(Assignments.class).compose(practice.clinician().actor(),
                practice.client().clientId(), new AssignmentDraft("Walk practice", "Walk for ten minutes after lunch.",
                        "To notice how movement changes mood.", true, java.util.List.of(), null, null, Dose.perDay(1),
                        null, null, 3, null)).id().toString());
    }

    /** An open assignment using the built-in mood tracker, named by {assignmentId} from now on. */
    void worksheetAssignment() {
        ids.put("assignmentId", context.getBean(Assignments.class).compose(practice.clinician().actor(),
                practice.client().clientId(), new AssignmentDraft("Mood tracker", "Fill in the mood tracker each evening.",
                        "To see how mood moves with the day.", true, java.util.List.of(), null, "mood-tracker",
                        Dose.perDay(1), null, null, 3, null)).id().toString());
    }

    /** A filled mood tracker of the client, named by {entryId} from now on. */
    void worksheetEntry() {
        worksheetAssignment();
        ids.put("entryId", context.getBean(PracticeLog.class).log(practice.client().actor(),
                UUID.fromString(ids.get("assignmentId")), new EntryInput(UUID.randomUUID(), null, null, null,
                        "{\"mood\":5,\"anxiety\":4}")).entry().id().toString());
    }

    /** Waits until every published event has been handled (discharge closes homework asynchronously). */
    void awaitEvents() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        for (int i = 0; i < 100; i++) {
            if (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("events still being handled after 5 seconds");
    }

    /** Back to a plain assignment and a quick-log entry. */
    void plainAgain() {
        freshAssignment();
        freshEntry();
    }

    /** A new entry of the client on the current assignment, named by {entryId} from now on. */
    void freshEntry() {
        ids.put("entryId", context.getBean(PracticeLog.class).log(practice.client().actor(),
                UUID.fromString(ids.get("assignmentId")), new EntryInput(UUID.randomUUID(), null, 6, "walk", null))
                .entry().id().toString());
    }

    /** The client removes their entry {entryId}, so it can be put back. */
    void removeEntry() {
        context.getBean(PracticeLog.class).delete(practice.client().actor(), UUID.fromString(ids.get("entryId")));
    }

    /** A custom worksheet of the primary clinician, shared with the practice (so colleagues see it, strangers do not). */
    private String sharedWorksheet(MockMvc mvc) throws Exception {
        WebSession owner = sessions.get(Caller.PRIMARY);
        String created = owner.perform(post("/api/v1/worksheets").contentType(MediaType.APPLICATION_JSON)
                .content(worksheetDocument("Walked mood tracker " + practice.id().toString().substring(0, 8))))
                .getResponse().getContentAsString();
        String key = created.replaceAll("(?s).*\"key\":\"([a-z0-9-]+)\".*", "$1");
        owner.perform(put("/api/v1/worksheets/" + key + "/shared").contentType(MediaType.APPLICATION_JSON)
                .content("{\"shared\":true}"));
        return key;
    }

    /**
     * A valid worksheet definition document: the built-in mood tracker under another title. Keys are
     * made from titles within a practice, so the world's worksheet has a title no walked call uses.
     */
    static String worksheetDocument(String title) {
        return WorksheetDefinitions.toJson(BuiltInWorksheets.get(BuiltInWorksheets.MOOD_TRACKER))
                .replace("\"Daily mood and anxiety tracker\"", "\"" + title + "\"");
    }

    /** A second-factor code for the caller that no earlier call has used (the clock moves past the last step). */
    String freshCode(Caller caller) {
        clock.advance(Duration.ofSeconds(31));
        Person person = people.get(caller);
        return person.totpSecret() == null ? "000000" : TestTotp.code(person.totpSecret(), clock.instant());
    }

    /** Signs in again every caller whose session has ended (after "sign out everywhere"). */
    void signInAgainWhereEnded() {
        try {
            for (Caller caller : Caller.values()) {
                int status = sessions.get(caller).perform(MockMvcRequestBuilders.get("/settings/account")).getResponse()
                        .getStatus();
                if (status != 200) {
                    clock.advance(Duration.ofSeconds(31));
                    sessions.put(caller, WebSession.signIn(signInMvc, people.get(caller), clock));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names this account as {accountId}. */
    void withAccount(java.util.UUID accountId) {
        ids.put("accountId", accountId.toString());
    }

    /** Names a new, not yet accepted staff invitation as {accountId} (the walk's usual one). */
    void withInvitedAccount() {
        withAccount(context.getBean(app.carryover.practice.Invitations.class).invite(practice.admin().actor(), newEmail(),
                "Walk Invitee", EnumSet.of(Role.CLINICIAN)).accountId());
    }

    /** An active clinician of the practice, made for a handler that switches accounts off. */
    java.util.UUID activeStaff() {
        return Fixtures.staff(context, practice.id(), EnumSet.of(Role.CLINICIAN), "Walk Staff").accountId();
    }

    /** A disabled clinician of the practice. */
    java.util.UUID disabledStaff() {
        java.util.UUID id = activeStaff();
        context.getBean(app.carryover.practice.AccountLifecycle.class).disable(practice.admin().actor(), id);
        return id;
    }

    /** A date of its own for each call that schedules, so no two walked calls book the same hour. */
    String newSessionDate() {
        return java.time.LocalDate.of(2031, 1, 7).plusWeeks(3L * (++counter)).toString();
    }

    /** A new scheduled session of the client, named by {sessionId} until {@link #heldSessionAgain()}. */
    void freshScheduledSession() {
        ids.putIfAbsent("heldSessionId", ids.get("sessionId"));
        ids.put("sessionId", context.getBean(Sessions.class).schedule(practice.clinician().actor(),
                practice.client().clientId(), java.time.LocalDate.parse(newSessionDate()).atTime(9, 0), 50).id().toString());
    }

    /** {sessionId} names the held session again. */
    void heldSessionAgain() {
        if (ids.containsKey("heldSessionId")) {
            ids.put("sessionId", ids.remove("heldSessionId"));
        }
    }

    /** A new e-mail address, for handlers that invite someone. */
    String newEmail() {
        return "walk-" + (++counter) + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    }

    /** Every fixture client, in both practices, accepts their practice's current terms again. */
    void reacceptTerms() {
        Consents consents = context.getBean(Consents.class);
        for (Person client : new Person[] {practice.client(), practice.otherClient(), foreign.client(), foreign.otherClient()}) {
            if (!consents.hasAcceptedCurrentTerms(client.practiceId(), client.clientId())) {
                consents.decide(client.actor(), ConsentKind.TERMS, true);
            }
        }
    }
}
