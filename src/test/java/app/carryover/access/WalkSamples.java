package app.carryover.access;

import static app.carryover.access.Caller.ADMIN_OFF_TEAM;
import static app.carryover.access.Caller.CLIENT;
import static app.carryover.access.Caller.FOREIGN_CLIENT;
import static app.carryover.access.Caller.FOREIGN_STAFF;
import static app.carryover.access.Caller.OTHER_CLIENT;
import static app.carryover.access.Caller.OTHER_CLINICIAN;
import static app.carryover.access.Caller.PRIMARY;
import static app.carryover.access.Caller.SUPERVISOR;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.carryover.caseload.CareTeams;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.TeamRole;
import app.carryover.practice.AccountLifecycle;
import app.carryover.testing.Fixtures;

/**
 * A valid request for every handler that takes input, keyed "METHOD /pattern". The walk fails
 * for a handler that changes data and has no sample here, so a new handler cannot slip past it.
 */
final class WalkSamples {

    private WalkSamples() {
    }

    static Map<String, Sample> all() {
        Map<String, Sample> samples = new HashMap<>();

        // practice: admin pages and API
        samples.put("POST /admin/people/invite", Sample.form((w, c) -> Map.of("displayName", "Walk Invitee",
                "email", w.newEmail(), "roles", "CLINICIAN")));
        samples.put("POST /admin/people/{accountId}/resend", Sample.none());
        samples.put("POST /admin/settings", Sample.form((w, c) -> Map.of("name", "Walked Practice",
                "timeZone", "Europe/London", "requireSecondFactor", "true")));
        samples.put("PUT /api/v1/practice/settings", Sample.json((w, c) ->
                "{\"name\":\"Walked Practice\",\"timeZone\":\"Europe/London\",\"requireSecondFactor\":true}"));
        samples.put("POST /api/v1/staff/invitations", Sample.json((w, c) ->
                "{\"email\":\"" + w.newEmail() + "\",\"displayName\":\"Walk Staff\",\"roles\":[\"CLINICIAN\"]}"));

        // practice: a person's own tokens and second factor (everyone has settings; clients have no second factor)
        samples.put("POST /settings/tokens", Sample.form((w, c) -> Map.of("name", "walk", "days", "10",
                "code", w.freshCode(c)))
                .expect(Expect.BAD_REQUEST, "clients have no second factor, which creating a token needs",
                        CLIENT, OTHER_CLIENT, FOREIGN_CLIENT));
        samples.put("POST /api/v1/tokens", Sample.json((w, c) ->
                "{\"name\":\"walk\",\"days\":10,\"readOnly\":true,\"code\":\"" + w.freshCode(c) + "\"}")
                .expect(Expect.BAD_REQUEST, "clients have no second factor", CLIENT, OTHER_CLIENT, FOREIGN_CLIENT));
        Sample revoke = Sample.none()
                .expect(Expect.NOT_FOUND, "the token is the primary clinician's; only they and their admin may see it",
                        SUPERVISOR, OTHER_CLINICIAN, CLIENT, OTHER_CLIENT, FOREIGN_STAFF, FOREIGN_CLIENT);
        samples.put("POST /settings/tokens/{tokenId}/revoke", revoke);
        samples.put("DELETE /api/v1/tokens/{tokenId}", revoke);
        samples.put("POST /settings/second-factor", Sample.form((w, c) -> Map.of("code", "123456"))
                .expect(Expect.BAD_REQUEST, "clients have no second factor yet, so a made-up code is refused",
                        CLIENT, OTHER_CLIENT, FOREIGN_CLIENT));

        // practice: the account's life (issue 15 item 10)
        samples.put("POST /settings/password", Sample.form((w, c) -> Map.of("current", Fixtures.PASSWORD,
                "password", Fixtures.PASSWORD, "confirmation", Fixtures.PASSWORD, "code", w.freshCode(c))));
        samples.put("POST /settings/sign-out-everywhere", Sample.none()
                .aroundEachSuccess(w -> { }, World::signInAgainWhereEnded));
        samples.put("POST /settings/recovery-codes", Sample.form((w, c) -> Map.of("code", w.freshCode(c)))
                .expect(Expect.BAD_REQUEST, "clients have no second factor", CLIENT, OTHER_CLIENT, FOREIGN_CLIENT));
        samples.put("POST /admin/people/{accountId}/disable", Sample.none()
                .before(w -> w.withAccount(w.activeStaff()))
                .aroundEachSuccess(w -> { }, w -> w.context.getBean(AccountLifecycle.class)
                        .enable(w.practice.admin().actor(), UUID.fromString(w.ids.get("accountId"))))
                .after(World::withInvitedAccount));
        samples.put("POST /admin/people/{accountId}/enable", Sample.none()
                .before(w -> w.withAccount(w.disabledStaff()))
                .aroundEachSuccess(w -> { }, w -> w.context.getBean(AccountLifecycle.class)
                        .disable(w.practice.admin().actor(), UUID.fromString(w.ids.get("accountId"))))
                .after(World::withInvitedAccount));
        samples.put("POST /admin/people/{accountId}/reset-second-factor", Sample.none());
        samples.put("POST /admin/people/{accountId}/roles", Sample.form((w, c) -> Map.of("roles", "CLINICIAN")));
        samples.put("POST /admin/people/{accountId}/withdraw", Sample.none()
                .aroundEachSuccess(w -> { }, World::withInvitedAccount));

        // fhir: a Questionnaire imported as a custom worksheet (any clinician may make one)
        samples.put("POST /fhir/r4/Questionnaire", Sample.json((w, c) -> "{\"resourceType\":\"Questionnaire\","
                + "\"status\":\"active\",\"title\":\"Walk import " + w.newEmail().substring(5, 12) + "\","
                + "\"item\":[{\"linkId\":\"mood\",\"text\":\"Mood\",\"type\":\"integer\"}]}"));
        // fhir: a filled mood tracker imported as an entry of the client's mood-tracker assignment (the care team's right)
        samples.put("POST /fhir/r4/QuestionnaireResponse", Sample.json((w, c) -> "{\"resourceType\":\"QuestionnaireResponse\","
                + "\"status\":\"completed\",\"identifier\":{\"system\":\"https://ehr.example/walk\",\"value\":\"" + UUID.randomUUID()
                + "\"},\"questionnaire\":\"https://carryover.app/fhir/Questionnaire/mood-tracker\",\"subject\":{\"reference\":\"Patient/"
                + w.ids.get("clientId") + "\"},\"basedOn\":[{\"reference\":\"ServiceRequest/" + w.ids.get("assignmentId") + "\"}],"
                + "\"authored\":\"" + w.context.getBean(java.time.Clock.class).instant() + "\",\"item\":["
                + "{\"linkId\":\"mood\",\"answer\":[{\"valueInteger\":5}]},{\"linkId\":\"anxiety\",\"answer\":[{\"valueInteger\":4}]}]}")
                .expect(Expect.NOT_FOUND, "the client named in the body belongs to another practice", FOREIGN_STAFF)
                .before(World::worksheetAssignment).after(World::plainAgain));

        // caseload: inviting clients, care teams, discharge
        samples.put("POST /caseload/invite", Sample.form((w, c) -> Map.of("displayName", "Walk Client",
                "email", w.newEmail(), "timeZone", "Europe/Paris")));
        samples.put("POST /api/v1/clients", Sample.json((w, c) ->
                "{\"displayName\":\"Walk Client\",\"email\":\"" + w.newEmail() + "\",\"timeZone\":\"Europe/Paris\"}"));
        samples.put("POST /clients/{clientId}/team", Sample.form((w, c) -> Map.of("clinicianId",
                w.practice.supervisor().accountId().toString(), "role", "SUPERVISOR")));
        samples.put("POST /clients/{clientId}/team/{clinicianId}/remove", Sample.none()
                .after(w -> w.context.getBean(CareTeams.class).assign(w.practice.admin().actor(),
                        w.practice.client().clientId(), w.practice.supervisor().accountId(), TeamRole.SUPERVISOR)));
        samples.put("POST /clients/{clientId}/discharge", Sample.form((w, c) -> Map.of("note", "walk", "confirmed", "true"))
                .expect(Expect.FORBIDDEN, "supervisors do not discharge", SUPERVISOR)
                .aroundEachSuccess(w -> { }, w -> { w.awaitEvents(); readmitIfDischarged(w); })
                .after(World::plainAgain));
        samples.put("POST /clients/{clientId}/invitation/resend", Sample.form((w, c) -> Map.of("email", w.newEmail()))
                .expect(Expect.FORBIDDEN, "supervisors do not change invitations", SUPERVISOR)
                .before(World::withInvitedClient)
                .after(World::withUsualClient));
        samples.put("POST /clients/{clientId}/invitation/withdraw", Sample.none()
                .expect(Expect.FORBIDDEN, "supervisors do not withdraw invitations", SUPERVISOR)
                .before(World::withInvitedClient)
                .aroundEachSuccess(World::withInvitedClient, w -> { })
                .after(World::withUsualClient));
        samples.put("POST /clients/{clientId}/readmit", Sample.none()
                .expect(Expect.FORBIDDEN, "supervisors do not readmit", SUPERVISOR)
                .before(WalkSamples::discharge)
                .aroundEachSuccess(WalkSamples::discharge, WalkSamples::readmitIfDischarged)
                .after(w -> { readmitIfDischarged(w); w.plainAgain(); }));
        samples.put("POST /admin/terms", Sample.form((w, c) -> Map.of("body", "Walked terms " + UUID.randomUUID()))
                .after(World::reacceptTerms));
        samples.put("POST /consent", Sample.form((w, c) -> Map.of("accept", "true")));
        samples.put("POST /settings/privacy", Sample.form((w, c) -> Map.of("kind", "EMAIL_MESSAGES", "given", "true")));
        // client: the language of their pages, e-mails and reminders (English keeps the walk's pages in English)
        samples.put("POST /settings/language", Sample.form((w, c) -> Map.of("language", "en")));
        samples.put("PUT /api/v1/me/consents/{kind}", Sample.json((w, c) -> "{\"given\":true}"));

        // reminders: the client's own settings
        samples.put("POST /settings/reminders", Sample.form((w, c) -> Map.of("times", "08:00, 19:00",
                "quietStart", "21:30", "quietEnd", "07:30")));
        samples.put("POST /settings/reminders/channel", Sample.form((w, c) -> Map.of("channel", "email", "on", "true")));
        samples.put("POST /settings/reminders/feed", Sample.none());
        samples.put("POST /settings/reminders/feed/off", Sample.none());
        // reminders: phone notifications turned on from the device (a browser's subscription) and off again
        samples.put("POST /settings/reminders/push", Sample.json((w, c) ->
                new app.carryover.testing.PushService.Subscriber("http://127.0.0.1:9/push/" + UUID.randomUUID()).json()));
        Sample device = Sample.none().before(WalkSamples::pushDevice).aroundEachSuccess(WalkSamples::pushDevice, w -> { });
        samples.put("DELETE /settings/reminders/push/{deviceId}", device);
        samples.put("POST /settings/reminders/push/{deviceId}/remove", device);
        // reminders: the clinician's digest and follow-ups, the admin's defaults and dead letters
        samples.put("POST /settings/digest", Sample.form((w, c) -> Map.of("enabled", "true", "hour", "7")));
        samples.put("POST /settings/question-notices", Sample.form((w, c) -> Map.of("questions", "true")));
        samples.put("POST /clients/{clientId}/reminders/tasks/done", Sample.form((w, c) -> Map.of("taskId",
                w.ids.get("reminderTaskId")))
                .before(WalkSamples::openReminderTask).aroundEachSuccess(WalkSamples::openReminderTask, w -> { }));
        samples.put("POST /admin/reminders/settings", Sample.form((w, c) -> Map.of("times", "09:00, 18:30",
                "quietStart", "21:00", "quietEnd", "08:00", "nudgeAfterDays", "2", "taskAfterDays", "4")));
        samples.put("POST /admin/reminders/retry", Sample.form((w, c) -> Map.of("messageId", w.ids.get("deadMessageId")))
                .expect(Expect.NOT_FOUND, "the message belongs to another practice", FOREIGN_STAFF)
                .before(WalkSamples::deadMessage).aroundEachSuccess(WalkSamples::deadMessage, w -> { }));

        // goals and sessions
        String goal = "{\"statement\":\"Sleep through the night\",\"targetKind\":\"METRIC\",\"metric\":\"nights a week\","
                + "\"comparator\":\"AT_LEAST\",\"targetValue\":5}";
        samples.put("POST /api/v1/clients/{clientId}/goals", Sample.json((w, c) -> goal));
        samples.put("PUT /api/v1/clients/{clientId}/goals/{goalId}", Sample.json((w, c) -> goal));
        samples.put("PUT /api/v1/clients/{clientId}/goals/{goalId}/status", Sample.json((w, c) -> "{\"status\":\"ACTIVE\"}"));
        samples.put("POST /api/v1/clients/{clientId}/sessions", Sample.json((w, c) ->
                "{\"startsAt\":\"" + w.newSessionDate() + "T17:00:00\",\"durationMinutes\":50}"));
        samples.put("POST /api/v1/clients/{clientId}/session-series", Sample.json((w, c) ->
                "{\"firstDate\":\"" + w.newSessionDate() + "\",\"time\":\"08:00\",\"everyWeeks\":1,\"count\":2}"));
        samples.put("PUT /api/v1/clients/{clientId}/sessions/{sessionId}", Sample.json((w, c) ->
                "{\"startsAt\":\"" + w.newSessionDate() + "T12:00:00\",\"durationMinutes\":50}")
                .before(World::freshScheduledSession).after(World::heldSessionAgain));
        samples.put("DELETE /api/v1/clients/{clientId}/sessions/{sessionId}", Sample.none()
                .before(World::freshScheduledSession).aroundEachSuccess(World::freshScheduledSession, w -> { })
                .after(World::heldSessionAgain));
        samples.put("PUT /api/v1/clients/{clientId}/sessions/{sessionId}/status", Sample.json((w, c) -> "{\"status\":\"HELD\"}"));
        samples.put("PUT /api/v1/clients/{clientId}/sessions/{sessionId}/notes", Sample.json((w, c) -> "{\"notes\":\"Walked through the week\"}"));

        // homework: the care team
        samples.put("POST /api/v1/clients/{clientId}/assignments", Sample.json((w, c) ->
                "{\"title\":\"Evening walk\",\"instructions\":\"Walk for 20 minutes after dinner.\",\"general\":true,"
                        + "\"dose\":{\"kind\":\"PER_DAY\",\"count\":1}}"));
        samples.put("PUT /api/v1/clients/{clientId}/assignments/{assignmentId}", Sample.json((w, c) ->
                "{\"assignment\":{\"title\":\"Evening walk\",\"instructions\":\"Walk for 25 minutes (" + w.newEmail()
                        + ").\",\"general\":true,\"dose\":{\"kind\":\"PER_DAY\",\"count\":1}}}")
                .before(World::freshAssignment));
        samples.put("PUT /api/v1/clients/{clientId}/assignments/{assignmentId}/status", Sample.json((w, c) -> "{\"status\":\"ACTIVE\"}"));
        samples.put("POST /api/v1/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}", Sample.json((w, c) ->
                "{\"decision\":\"COMPLETE\",\"clinicianRating\":3,\"clientRating\":3,\"obstacles\":[\"NO_TIME\"]}")
                .before(World::freshAssignment).aroundEachSuccess(World::freshAssignment, w -> { }));
        samples.put("POST /api/v1/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/deferral", Sample.json((w, c) ->
                "{\"reason\":\"A crisis took the session\"}")
                .before(World::freshAssignment).aroundEachSuccess(World::freshAssignment, w -> { }));
        samples.put("PUT /api/v1/clients/{clientId}/hierarchies/{hierarchyId}", Sample.json((w, c) ->
                "{\"title\":\"Walked places " + w.newEmail() + "\",\"steps\":[{\"situation\":\"Busy market\",\"anticipatedDistress\":50}]}"));
        samples.put("POST /api/v1/clients/{clientId}/hierarchies", Sample.json((w, c) ->
                "{\"title\":\"Crowds\",\"steps\":[{\"situation\":\"Busy shop\",\"anticipatedDistress\":40}]}"));

        // homework: the client
        samples.put("POST /api/v1/me/assignments/{assignmentId}/entries", Sample.json((w, c) ->
                "{\"clientEntryId\":\"" + UUID.randomUUID() + "\",\"rating\":7,\"note\":\"walked\"}")
                .before(w -> { w.freshAssignment(); w.freshEntry(); }));
        samples.put("PUT /api/v1/me/entries/{entryId}", Sample.json((w, c) ->
                "{\"clientEntryId\":\"" + UUID.randomUUID() + "\",\"rating\":8}"));
        samples.put("DELETE /api/v1/me/entries/{entryId}", Sample.none().after(World::freshEntry));
        samples.put("PUT /api/v1/me/assignments/{assignmentId}/reflection", Sample.json((w, c) ->
                "{\"learned\":\"Walking helps\",\"gotInTheWay\":\"Rain\",\"obstacles\":[\"CIRCUMSTANCES_CHANGED\"],\"selfRating\":3}"));
        // pages: goals and sessions
        samples.put("POST /clients/{clientId}/goals", Sample.form((w, c) -> Map.of("statement", "Walk daily",
                "targetKind", "METRIC", "metric", "days a week", "comparator", "AT_LEAST", "targetValue", "5")));
        samples.put("POST /clients/{clientId}/goals/{goalId}", Sample.form((w, c) -> Map.of("statement", "Sleep through the night",
                "targetKind", "METRIC", "metric", "nights a week", "comparator", "AT_LEAST", "targetValue", "5")));
        samples.put("POST /clients/{clientId}/goals/{goalId}/status", Sample.form((w, c) -> Map.of("status", "ACTIVE")));
        samples.put("POST /clients/{clientId}/sessions", Sample.form((w, c) -> Map.of("date", w.newSessionDate(), "time", "17:00")));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/move", Sample.form((w, c) -> Map.of("date",
                w.newSessionDate(), "time", "12:00", "durationMinutes", "50"))
                .before(World::freshScheduledSession).after(World::heldSessionAgain));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/delete", Sample.none()
                .before(World::freshScheduledSession).aroundEachSuccess(World::freshScheduledSession, w -> { })
                .after(World::heldSessionAgain));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/status", Sample.form((w, c) -> Map.of("status", "HELD")));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/notes", Sample.form((w, c) -> Map.of("notes", "Talked it through")));

        // pages: homework for the care team
        Map<String, String> composed = Map.of("title", "Evening walk", "instructions", "Walk for 20 minutes after dinner.",
                "general", "true", "doseKind", "PER_DAY", "doseCount", "1");
        samples.put("POST /clients/{clientId}/assignments", Sample.form((w, c) -> composed));
        samples.put("POST /clients/{clientId}/assignments/coach", Sample.form((w, c) -> composed));
        samples.put("POST /clients/{clientId}/assignments/{assignmentId}/status", Sample.form((w, c) -> Map.of("status", "ACTIVE")));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/review/{assignmentId}", Sample.form((w, c) ->
                Map.of("decision", "COMPLETE", "clinicianRating", "3", "obstacles", "NO_TIME"))
                .before(World::freshAssignment).aroundEachSuccess(World::freshAssignment, w -> { }));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/next", Sample.form((w, c) -> {
            Map<String, String> next = new HashMap<>(composed);
            next.putAll(Map.of("decision", "MODIFY", "troubleshooting", "Walk at lunch", "plan", "Walk at lunch"));
            return next;
        }).before(World::freshAssignment).aroundEachSuccess(World::freshAssignment, w -> { }));
        samples.put("POST /clients/{clientId}/assignments/{assignmentId}/edit", Sample.form((w, c) -> {
            Map<String, String> edited = new HashMap<>(composed);
            edited.put("instructions", "Walk for 25 minutes after dinner (" + w.newEmail() + ").");
            return edited;
        }).before(World::freshAssignment));
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/deferral", Sample.form((w, c) ->
                Map.of("reason", "A crisis took the session"))
                .before(World::freshAssignment).aroundEachSuccess(World::freshAssignment, w -> { }));
        samples.put("POST /clients/{clientId}/hierarchies", Sample.form((w, c) -> Map.of("title", "Crowds",
                "situation", "Busy shop", "distress", "40")));
        samples.put("POST /clients/{clientId}/hierarchies/{hierarchyId}", Sample.form((w, c) -> Map.of("title",
                "Walked places " + w.newEmail(), "stepId", "", "situation", "Busy shop at noon", "distress", "45")));

        // transcripts: upload, the detections' drafts and decisions, the discussed marks, the retention rule
        samples.put("POST /clients/{clientId}/sessions/{sessionId}/transcripts", Sample.form((w, c) ->
                Map.of("fileName", "walk.txt", "text", World.TRANSCRIPT)));
        samples.put("POST /api/v1/clients/{clientId}/sessions/{sessionId}/transcripts", Sample.json((w, c) ->
                "{\"fileName\":\"walk.txt\",\"text\":\"" + World.TRANSCRIPT.replace("\n", "\\n") + "\"}"));
        samples.put("GET /clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/draft", decision(Sample.none()));
        samples.put("GET /api/v1/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/draft",
                decision(Sample.none()));
        samples.put("POST /clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/assignment",
                decision(Sample.form((w, c) -> composed)));
        samples.put("POST /api/v1/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/confirmation",
                decision(Sample.json((w, c) -> "{\"title\":\"Thought record\",\"instructions\":\"Write one every evening.\","
                        + "\"general\":true,\"dose\":{\"kind\":\"PER_DAY\",\"count\":1}}")));
        samples.put("POST /clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal", decision(Sample.none()));
        samples.put("POST /api/v1/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal",
                decision(Sample.none()));
        samples.put("POST /clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal/undo",
                undo(Sample.none()));
        samples.put("DELETE /api/v1/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal",
                undo(Sample.none()));
        samples.put("POST /clients/{clientId}/transcripts/{transcriptId}/discussed", Sample.form((w, c) -> Map.of()));
        samples.put("PUT /api/v1/clients/{clientId}/transcripts/{transcriptId}/discussed", Sample.json((w, c) ->
                "{\"assignmentIds\":[]}"));
        samples.put("POST /admin/transcript-retention", Sample.form((w, c) -> Map.of("mode", "AFTER_DECISIONS")));
        samples.put("PUT /api/v1/practice/transcript-retention", Sample.json((w, c) -> "{\"mode\":\"AFTER_DECISIONS\"}"));

        // pages: the client
        samples.put("POST /today/assignments/{assignmentId}/done", Sample.form((w, c) ->
                Map.of("submissionId", UUID.randomUUID().toString())).before(w -> { w.freshAssignment(); w.freshEntry(); }));
        samples.put("POST /today/entries/{entryId}", Sample.form((w, c) -> Map.of("rating", "7", "note", "easier today")));
        samples.put("POST /today/assignments/{assignmentId}/reflection", Sample.form((w, c) -> Map.of("learned", "It helps",
                "gotInTheWay", "Rain", "obstacles", "CIRCUMSTANCES_CHANGED", "selfRating", "3")));
        samples.put("POST /history/entries/{entryId}/delete", Sample.none().after(World::freshEntry));
        samples.put("POST /history/entries/{entryId}", Sample.form((w, c) -> Map.of("rating", "8", "note", "better")));
        samples.put("POST /history/entries/{entryId}/restore", Sample.none().before(World::removeEntry)
                .aroundEachSuccess(w -> { }, World::removeEntry).after(World::freshEntry));

        // measures: questionnaires answered by the client and given in session, schedules, the practice's own ratings
        samples.put("POST /today/measures/{instrumentKey}", Sample.form((w, c) -> phq9(Map.of())));
        samples.put("POST /api/v1/me/measures", Sample.json((w, c) -> "{\"instrument\":\"GAD7\",\"submissionId\":\""
                + UUID.randomUUID() + "\",\"answers\":[0,1,0,1,0,1,0,null]}"));
        samples.put("POST /clients/{clientId}/measures/{instrumentKey}", Sample.form((w, c) -> phq9(Map.of())));
        samples.put("POST /api/v1/clients/{clientId}/measures", Sample.json((w, c) -> "{\"instrument\":\"PHQ8\","
                + "\"submissionId\":\"" + UUID.randomUUID() + "\",\"answers\":[0,1,0,1,0,1,0,1,null]}"));
        samples.put("POST /clients/{clientId}/measure-schedules", Sample.form((w, c) -> Map.of("instrument", "PHQ9",
                "kind", "EVERY_N_WEEKS", "intervalWeeks", "2")));
        samples.put("POST /api/v1/clients/{clientId}/measure-schedules", Sample.json((w, c) ->
                "{\"instrument\":\"GAD7\",\"kind\":\"BEFORE_EACH_SESSION\"}"));
        samples.put("POST /clients/{clientId}/measure-schedules/{scheduleId}/stop", Sample.none()
                .before(World::freshSchedule).after(World::freshSchedule));
        samples.put("DELETE /api/v1/clients/{clientId}/measure-schedules/{scheduleId}", Sample.none()
                .before(World::freshSchedule).after(World::freshSchedule));
        samples.put("POST /admin/measures", Sample.form((w, c) -> Map.of("name", "Walked rating " + UUID.randomUUID()
                .toString().substring(0, 8), "question", "How strong is the urge?", "min", "0", "max", "10",
                "minLabel", "none", "maxLabel", "overwhelming")));
        samples.put("POST /api/v1/practice/custom-measures", Sample.json((w, c) -> "{\"name\":\"Walked sleep "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"question\":\"Hours slept?\",\"min\":0,"
                + "\"max\":24,\"minLabel\":\"none\",\"maxLabel\":\"all day\"}"));
        samples.put("POST /admin/measures/{customMeasureId}/retire", Sample.none()
                .before(World::freshCustomMeasure).after(World::freshCustomMeasure));
        samples.put("DELETE /api/v1/practice/custom-measures/{customMeasureId}", Sample.none()
                .before(World::freshCustomMeasure).after(World::freshCustomMeasure));
        samples.put("POST /clients/{clientId}/alerts/{alertId}/acknowledgement", Sample.form((w, c) ->
                Map.of("action", "CONTACTED_CLIENT", "note", "Phoned the client"))
                .before(World::freshAlert).aroundEachSuccess(World::freshAlert, w -> { }).after(World::freshAlert));
        samples.put("POST /api/v1/clients/{clientId}/alerts/{alertId}/acknowledgement", Sample.json((w, c) ->
                "{\"action\":\"SAFETY_PLAN_REVIEWED\"}")
                .before(World::freshAlert).aroundEachSuccess(World::freshAlert, w -> { }).after(World::freshAlert));
        samples.put("POST /admin/measures/escalation", Sample.form((w, c) -> Map.of("hours", "4", "dayStart", "9",
                "dayEnd", "17", "days", "MONDAY")));
        Map<String, String> rating = Map.of("item1", "3", "item2", "2", "item3", "3", "item4", "1");
        samples.put("POST /today/assignments/{assignmentId}/rating", Sample.form((w, c) -> withSubmission(rating)));
        samples.put("POST /clients/{clientId}/assignments/{assignmentId}/rating", Sample.form((w, c) -> withSubmission(rating)));

        // progress: a chart exists only where there are scores (the walked client has answered a PHQ-9)
        samples.put("GET /progress/{chart}.svg", Sample.none().expect(Expect.NOT_FOUND,
                "they have answered no PHQ-9, so there is no chart to draw", Caller.OTHER_CLIENT, Caller.FOREIGN_CLIENT));

        // worksheets filled by the client and printed
        samples.put("GET /today/assignments/{assignmentId}/worksheet", Sample.none()
                .before(World::worksheetAssignment).after(World::plainAgain));
        samples.put("GET /today/assignments/{assignmentId}/worksheet/print", Sample.none()
                .before(World::worksheetAssignment).after(World::plainAgain));
        samples.put("POST /today/assignments/{assignmentId}/worksheet/refresh", Sample.form((w, c) -> Map.of("mood", "6"))
                .before(World::worksheetAssignment).after(World::plainAgain));
        samples.put("POST /today/assignments/{assignmentId}/worksheet/draft", Sample.form((w, c) -> Map.of("mood", "6"))
                .before(World::worksheetAssignment).after(World::plainAgain));
        samples.put("POST /today/assignments/{assignmentId}/worksheet", Sample.form((w, c) -> Map.of("mood", "6",
                "anxiety", "3", "submissionId", UUID.randomUUID().toString()))
                .before(World::worksheetAssignment).after(World::plainAgain));
        samples.put("GET /history/entries/{entryId}/print", Sample.none().before(World::worksheetEntry).after(World::plainAgain));
        samples.put("GET /history/entries/{entryId}/answers", Sample.none().before(World::worksheetEntry).after(World::plainAgain));
        samples.put("POST /history/entries/{entryId}/answers", Sample.form((w, c) -> Map.of("mood", "7", "anxiety", "2"))
                .before(World::worksheetEntry).after(World::plainAgain));
        samples.put("POST /history/entries/{entryId}/answers/refresh", Sample.form((w, c) -> Map.of("mood", "7"))
                .before(World::worksheetEntry).after(World::plainAgain));
        samples.put("GET /clients/{clientId}/entries/{entryId}/print", Sample.none()
                .before(World::worksheetEntry).after(World::plainAgain));

        // worksheets: any clinician makes their own and sees shared ones; only the owner changes one
        String ownerOnly = "only the worksheet's owner saves versions of it or shares it";
        samples.put("POST /worksheets", Sample.form((w, c) -> worksheetForm()));
        samples.put("POST /worksheets/builder", Sample.form((w, c) -> withAction(worksheetForm(), "add-item")));
        samples.put("POST /worksheets/{worksheetKey}/versions/{version}/preview", Sample.form((w, c) -> Map.of("mood", "5")));
        samples.put("GET /worksheets/{worksheetKey}/edit", Sample.none()
                .expect(Expect.FORBIDDEN, ownerOnly, SUPERVISOR, OTHER_CLINICIAN));
        samples.put("POST /worksheets/{worksheetKey}/versions", Sample.form((w, c) -> worksheetForm())
                .expect(Expect.FORBIDDEN, ownerOnly, SUPERVISOR, OTHER_CLINICIAN));
        samples.put("POST /worksheets/{worksheetKey}/share", Sample.form((w, c) -> Map.of("shared", "true"))
                .expect(Expect.FORBIDDEN, ownerOnly, SUPERVISOR, OTHER_CLINICIAN));
        samples.put("POST /api/v1/worksheets", Sample.json((w, c) -> World.worksheetDocument("Walk-made tracker")));
        samples.put("POST /api/v1/worksheets/{worksheetKey}/versions", Sample.json((w, c) -> World.worksheetDocument("Walk-made tracker"))
                .expect(Expect.FORBIDDEN, ownerOnly, SUPERVISOR, OTHER_CLINICIAN));
        samples.put("PUT /api/v1/worksheets/{worksheetKey}/shared", Sample.json((w, c) -> "{\"shared\":true}")
                .expect(Expect.FORBIDDEN, ownerOnly, SUPERVISOR, OTHER_CLINICIAN));

        // caseload: clients' data rights (a client's erasure request, its decision, retention)
        samples.put("POST /settings/privacy/erasure", Sample.form((w, c) -> Map.of("reason", "walk"))
                .aroundEachSuccess(w -> { }, WalkSamples::noErasureRequests).after(WalkSamples::noErasureRequests));
        samples.put("POST /settings/privacy/erasure/withdraw", Sample.none());
        samples.put("POST /clients/{clientId}/erasure", Sample.form((w, c) -> Map.of("decision", "decline", "reason", "walk"))
                .expect(Expect.FORBIDDEN, "supervisors do not decide erasure requests", SUPERVISOR)
                .aroundEachSuccess(WalkSamples::erasureRequested, w -> { })
                .after(WalkSamples::noErasureRequests));
        samples.put("POST /admin/retention", Sample.form((w, c) -> Map.of("years", "7")));
        samples.put("POST /admin/retention/run", Sample.none());

        // practice: unusual access alerts (acknowledging again changes nothing)
        samples.put("POST /admin/access-alerts/thresholds", Sample.form((w, c) -> Map.of("windowMinutes", "60",
                "multiple", "2", "floor", "5", "baselineDays", "28")));
        samples.put("POST /admin/access-alerts/{accessAlertId}/acknowledgement", Sample.form((w, c) -> Map.of("note", "walk")));

        // the client's voice on homework (issue 21): answers, requests and the care team's replies
        samples.put("POST /today/assignments/{assignmentId}/say", Sample.form((w, c) -> Map.of("kind", "QUESTION",
                "body", "Does walking to work count?")).before(World::freshAssignment));
        samples.put("POST /api/v1/me/assignments/{assignmentId}/responses", Sample.json((w, c) ->
                "{\"kind\":\"TOO_HARD\",\"body\":\"Twenty minutes is a lot on work days\"}").before(World::freshAssignment));
        samples.put("POST /today/ask", Sample.form((w, c) -> Map.of("topic", "Getting to sleep")));
        samples.put("POST /api/v1/me/homework-requests", Sample.json((w, c) -> "{\"topic\":\"Getting to sleep\"}"));
        samples.put("POST /clients/{clientId}/questions/{responseId}/reply", Sample.form((w, c) -> Map.of("reply",
                "Yes, it counts.")).before(World::freshResponse).aroundEachSuccess(w -> { }, World::freshResponse));
        samples.put("POST /api/v1/clients/{clientId}/responses/{responseId}/reply", Sample.json((w, c) ->
                "{\"reply\":\"Yes, it counts.\"}").before(World::freshResponse).aroundEachSuccess(w -> { }, World::freshResponse));
        samples.put("POST /clients/{clientId}/requests/{requestId}/reply", Sample.form((w, c) -> Map.of("reply",
                "Let us choose one together on Monday.")).before(World::freshRequest).aroundEachSuccess(w -> { }, World::freshRequest));
        samples.put("POST /api/v1/clients/{clientId}/homework-requests/{requestId}/reply", Sample.json((w, c) ->
                "{\"reply\":\"Let us choose one together on Monday.\"}").before(World::freshRequest)
                .aroundEachSuccess(w -> { }, World::freshRequest));
        return samples;
    }

    private static void erasureRequested(World w) {
        try {
            w.context.getBean(app.carryover.caseload.Erasures.class).request(w.practice.client().actor(), "walk");
        } catch (app.carryover.system.ProblemException alreadyOpen) {
            // one is open already
        }
    }

    private static void noErasureRequests(World w) {
        w.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("DELETE FROM erasure_request WHERE practice_id = ?").param(w.practice.id()).update();
    }

    /** PHQ-9 answers with nothing at risk (item 9 is 0), with a fresh submission id. */
    private static Map<String, String> phq9(Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(extra);
        for (int i = 1; i <= 9; i++) {
            form.put("item" + i, i % 2 == 0 ? "1" : "0");
        }
        return withSubmission(form);
    }

    private static Map<String, String> withSubmission(Map<String, String> form) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put("submissionId", UUID.randomUUID().toString());
        return copy;
    }

    /** A small worksheet as the builder posts it. */
    private static Map<String, String> worksheetForm() {
        Map<String, String> form = new HashMap<>();
        form.put("title", "Walked worksheet");
        form.put("category", "monitoring");
        form.put("purpose", "To see how the day went.");
        form.put("clientInstructions", "Answer in the evening.");
        form.put("items[0].type", "short_text");
        form.put("items[0].label", "How was today?");
        return form;
    }

    private static Map<String, String> withAction(Map<String, String> form, String action) {
        form.put("action", action);
        return form;
    }

    /** A detected assignment can be decided once: each call meant to succeed gets a fresh one, and so does the next handler. */
    private static Sample decision(Sample sample) {
        return sample.before(World::freshTranscript).aroundEachSuccess(World::freshTranscript, w -> { })
                .after(World::freshTranscript);
    }

    /** A dismissed detection, taken back by each call meant to succeed; the rest must leave it dismissed. */
    private static Sample undo(Sample sample) {
        return sample.before(World::dismissedDetection).aroundEachSuccess(World::dismissedDetection, w -> { })
                .after(World::freshTranscript);
    }

    /** A reminder message of the walk's client that gave up (state DEAD), named by {deadMessageId}. */
    private static void deadMessage(World w) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = w.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String id = w.ids.get("deadMessageId");
        if (id != null) {
            jdbc.sql("UPDATE reminder_message SET state = 'DEAD', attempts = 12 WHERE id = ?::uuid").param(id).update();
            return;
        }
        UUID message = app.carryover.system.Uuids.timeOrdered();
        byte[] secret = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        jdbc.sql("""
                INSERT INTO reminder_message (practice_id, id, client_id, channel, due_at, local_date, address, state, attempts,
                    last_error, link_hash, link_sealed, created_at, updated_at)
                VALUES (?, ?, ?, 'email', now(), current_date, ?, 'DEAD', 12, 'gave up after 12 attempts: walk', ?, ?, now(), now())""")
                .params(w.practice.id(), message, w.practice.client().clientId(), w.practice.client().email(),
                        app.carryover.system.Uuids.timeOrdered().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        w.context.getBean(app.carryover.system.SecretBox.class).seal(secret))
                .update();
        w.ids.put("deadMessageId", message.toString());
    }

    /** A device of the walk's client with phone notifications on, named by {deviceId} (made again after each removal). */
    private static void pushDevice(World w) {
        String id = w.ids.computeIfAbsent("deviceId", k -> app.carryover.system.Uuids.timeOrdered().toString());
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        w.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                INSERT INTO push_subscription (practice_id, id, client_id, endpoint_hash, sealed, service, device, created_at)
                VALUES (?, ?::uuid, ?, ?, ?, '127.0.0.1', 'Chrome on Android', now()) ON CONFLICT DO NOTHING""")
                .params(w.practice.id(), id, w.practice.client().clientId(), hash,
                        w.context.getBean(app.carryover.system.SecretBox.class).seal(new byte[] {'{', '}'}))
                .update();
    }

    /** An open follow-up task on the walk's client, named by {reminderTaskId}. */
    private static void openReminderTask(World w) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = w.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String id = w.ids.get("reminderTaskId");
        if (id != null) {
            jdbc.sql("UPDATE reminder_escalation SET resolved_at = NULL, resolved_by = NULL WHERE id = ?::uuid").param(id).update();
            return;
        }
        UUID task = app.carryover.system.Uuids.timeOrdered();
        jdbc.sql("""
                INSERT INTO reminder_escalation (practice_id, id, client_id, assignment_id, step, since, created_at)
                VALUES (?, ?, ?, ?::uuid, 'TASK', current_date - 4, now())""")
                .params(w.practice.id(), task, w.practice.client().clientId(), w.ids.get("assignmentId")).update();
        w.ids.put("reminderTaskId", task.toString());
    }

    private static void discharge(World w) {
        Caseload caseload = w.context.getBean(Caseload.class);
        try {
            caseload.discharge(w.practice.clinician().actor(), w.practice.client().clientId(), "walk");
        } catch (app.carryover.system.ProblemException alreadyDischarged) {
            // already discharged by the set-up
        }
        w.awaitEvents();
    }

    private static void readmitIfDischarged(World w) {
        Caseload caseload = w.context.getBean(Caseload.class);
        try {
            caseload.readmit(w.practice.clinician().actor(), w.practice.client().clientId());
        } catch (app.carryover.system.ProblemException notDischarged) {
            // the walk's calls left the client as they were
        }
    }

    static final Caller[] ALL = {ADMIN_OFF_TEAM, PRIMARY, SUPERVISOR, OTHER_CLINICIAN, CLIENT, OTHER_CLIENT,
            FOREIGN_STAFF, FOREIGN_CLIENT};
}
