package app.carryover.clinician;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.goals.Goals;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.AssignmentRevision;
import app.carryover.homework.Assignments;
import app.carryover.homework.AssignmentStatus;
import app.carryover.homework.Briefs;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.Composer;
import app.carryover.homework.ComposerForm;
import app.carryover.homework.EntryDrafts;
import app.carryover.homework.EntryInWords;
import app.carryover.homework.EntryRevision;
import app.carryover.homework.ExposureHierarchies;
import app.carryover.homework.PracticeEntry;
import app.carryover.worksheets.Answers;
import app.carryover.worksheets.PrintOptions;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetPdf;
import app.carryover.worksheets.WorksheetView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.PracticeZones;
import app.carryover.practice.Practices;
import app.carryover.progress.ClientProgress;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.transcripts.TranscriptUploads;
import tools.jackson.databind.json.JsonMapper;

/** The client overview, the session screen (with its transcripts), the pre-session brief and the assignment page. */
@Controller
class ClientScreens {

    private final ClientAccess access;
    private final Goals goals;
    private final Sessions sessions;
    private final Assignments assignments;
    private final PracticeLog log;
    private final HomeworkReviews reviews;
    private final Briefs briefs;
    private final Composer composer;
    private final ExposureHierarchies exposure;
    private final Consents consents;
    private final TranscriptUploads transcripts;
    private final JsonMapper json;
    private final Clock clock;
    private final EntryDrafts drafts;
    private final PracticeZones zones;
    private final ClientVoice voice;
    private final Practices practices;
    private final ClientProgress progress;

    ClientScreens(ClientAccess access, Goals goals, Sessions sessions, Assignments assignments, PracticeLog log,
            HomeworkReviews reviews, Briefs briefs, Composer composer, ExposureHierarchies exposure, Consents consents,
            TranscriptUploads transcripts, JsonMapper json, Clock clock, EntryDrafts drafts, PracticeZones zones,
            Practices practices, ClientVoice voice, ClientProgress progress) {
        this.progress = progress;
        this.voice = voice;
        this.zones = zones;
        this.practices = practices;
        this.drafts = drafts;
        this.access = access;
        this.goals = goals;
        this.sessions = sessions;
        this.assignments = assignments;
        this.log = log;
        this.reviews = reviews;
        this.briefs = briefs;
        this.composer = composer;
        this.exposure = exposure;
        this.consents = consents;
        this.transcripts = transcripts;
        this.json = json;
        this.clock = clock;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}")
    String overview(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.read(actor, clientId, "client overview");
        List<AssignmentProgress> progress = assignments.progress(actor, clientId, true);
        List<TherapySession> all = sessions.list(actor, clientId);
        model.addAttribute("client", client);
        model.addAttribute("viewerZone", zones.zoneOf(actor.practiceId()));
        model.addAttribute("mayChange", access.mayChange(actor, client));
        model.addAttribute("goals", goals.list(actor, clientId));
        model.addAttribute("sessions", all);
        model.addAttribute("nextSession", Sessions.nextAfter(all, clock.instant()).orElse(null));
        model.addAttribute("toRecord", Sessions.unrecorded(all, clock.instant()));
        formBack(model, "scheduleTyped", "scheduleErrors");
        model.addAttribute("now", clock.instant());
        model.addAttribute("open", progress.stream().filter(p -> p.assignment().status().open()).toList());
        model.addAttribute("closed", progress.stream().filter(p -> !p.assignment().status().open())
                .sorted((a, b) -> b.assignment().createdAt().compareTo(a.assignment().createdAt())).limit(10).toList());
        model.addAttribute("unreviewed", progress.stream().filter(AssignmentProgress::unreviewed).count());
        model.addAttribute("hierarchies", exposure.list(actor, clientId));
        model.addAttribute("termsWithdrawn", consents.hasWithdrawnTerms(client.practiceId(), client.id()));
        model.addAttribute("today", clock.instant().atZone(client.timeZone()).toLocalDate());
        model.addAttribute("voice", voice.voice(actor, clientId));
        return "clinician/client";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/sessions/{sessionId}")
    String session(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "session");
        TherapySession session = sessions.get(actor, clientId, sessionId);
        model.addAttribute("client", client);
        model.addAttribute("viewerZone", zones.zoneOf(actor.practiceId()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("meeting", session);
        model.addAttribute("localStart", session.startsIn(client.timeZone()).toLocalDateTime());
        formBack(model, "moveTyped", "moveErrors");
        model.addAttribute("whyKept", sessions.whyKept(actor, clientId, sessionId));
        if (session.seriesId() != null) {
            List<TherapySession> series = sessions.list(actor, clientId).stream()
                    .filter(s -> session.seriesId().equals(s.seriesId())).toList();
            model.addAttribute("seriesPosition", "Session " + (series.indexOf(session) + 1) + " of " + series.size()
                    + " in a series");
        }
        model.addAttribute("mayChange", access.mayChange(actor, client));
        model.addAttribute("startable", session.status() == SessionStatus.SCHEDULED
                && !session.startsAt().isAfter(clock.instant().plusSeconds(15 * 60)));
        if (session.status() == SessionStatus.HELD) {
            model.addAttribute("review", reviews.screen(actor, clientId, sessionId));
            model.addAttribute("progress", progress.of(client, false));
        }
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("obstacles", Obstacle.values());
        if (access.mayChange(actor, client) && session.status() != SessionStatus.CANCELLED
                && session.status() != SessionStatus.NO_SHOW) {
            ComposerForm form = new ComposerForm();
            form.setSessionId(sessionId);
            form.setStartDate(clock.instant().atZone(client.timeZone()).toLocalDate().plusDays(1));
            model.addAttribute("composer", composer.model(actor, clientId, form));
        }
        model.addAttribute("transcripts", transcripts.sessionPanel(actor, clientId, sessionId));
        model.addAttribute("voice", voice.voice(actor, clientId));
        return "clinician/session";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/sessions/{sessionId}/brief")
    String brief(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "pre-session brief page");
        model.addAttribute("client", client);
        model.addAttribute("viewerZone", zones.zoneOf(actor.practiceId()));
        model.addAttribute("progress", progress.of(client, false));
        model.addAttribute("brief", briefs.brief(actor, clientId, sessionId));
        model.addAttribute("voice", voice.voice(actor, clientId));
        return "clinician/brief";
    }

    /** A version of an entry the client later changed, ready to read. */
    record EarlierVersion(EntryRevision version, WorksheetView view) {
    }

    /** One entry with its worksheet answers, as the client filled it (always in the version they used). */
    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/entries/{entryId}")
    String entry(Actor actor, @PathVariable UUID clientId, @PathVariable UUID entryId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "practice entry");
        PracticeEntry entry = log.get(actor, clientId, entryId);
        model.addAttribute("client", client);
        model.addAttribute("entry", entry);
        WorksheetDefinition definition = entry.answers() == null ? null : drafts.worksheetOf(entry);
        if (definition != null) {
            model.addAttribute("view", WorksheetView.filled(definition, Answers.parse(entry.answers())));
        }
        model.addAttribute("earlier", log.earlierVersions(actor, clientId, entryId).stream()
                .map(r -> new EarlierVersion(r, definition == null || r.answers() == null ? null
                        : WorksheetView.filled(definition, Answers.parse(r.answers()))))
                .toList());
        return "clinician/entry";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/entries/{entryId}/print")
    ResponseEntity<byte[]> printEntry(Actor actor, @PathVariable UUID clientId, @PathVariable UUID entryId) {
        ClientRecord client = access.readClinical(actor, clientId, "practice entry print");
        PracticeEntry entry = log.get(actor, clientId, entryId);
        if (entry.answers() == null) {
            throw ProblemException.notFound("Worksheet entry");
        }
        WorksheetDefinition definition = drafts.worksheetOf(entry);
        byte[] pdf = WorksheetPdf.filled(definition, Answers.parse(entry.answers()),
                new PrintOptions(client.displayName(), entry.localDate()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(definition.key() + "-" + entry.localDate() + ".pdf").build().toString())
                .body(pdf);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/assignments/{assignmentId}")
    String assignment(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "assignment");
        AssignmentProgress progress = assignments.progress(actor, clientId, true).stream()
                .filter(p -> p.assignment().id().equals(assignmentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        model.addAttribute("client", client);
        model.addAttribute("p", progress);
        List<PracticeEntry> entries = log.ofAssignment(actor, clientId, assignmentId);
        model.addAttribute("entries", entries);
        List<EntryInWords> words = log.inWords(entries);
        model.addAttribute("counted", words.stream().filter(w -> progress.counts(w.entry())).toList());
        model.addAttribute("worksheet", log.worksheetTitle(progress.assignment()));
        List<AssignmentRevision> history = assignments.history(actor, clientId, assignmentId);
        model.addAttribute("history", history);
        Map<UUID, String> names = new HashMap<>();
        history.forEach(r -> names.computeIfAbsent(r.changedBy(), id -> practices.person(client.practiceId(), id)
                .map(Practices.Person::displayName).orElse("a former colleague")));
        model.addAttribute("names", names);
        model.addAttribute("after", words.stream().filter(w -> !progress.counts(w.entry())).toList());
        model.addAttribute("viewerZone", zones.zoneOf(actor.practiceId()));
        model.addAttribute("reflection", reviews.reflection(actor, clientId, assignmentId).orElse(null));
        model.addAttribute("coach", progress.assignment().coachReport() == null ? Map.of()
                : json.readValue(progress.assignment().coachReport(), Map.class));
        model.addAttribute("mayChange", access.mayChange(actor, client));
        model.addAttribute("statuses", AssignmentStatus.values());
        model.addAttribute("voice", voice.voice(actor, clientId));
        return "clinician/assignment";
    }

    /** A refused form comes back (flash attributes) with what was typed and the messages; otherwise empty. */
    private static void formBack(Model model, String typed, String errors) {
        if (!model.containsAttribute(typed)) {
            model.addAttribute(typed, Map.of());
        }
        if (!model.containsAttribute(errors)) {
            model.addAttribute(errors, Map.of());
        }
    }
}
