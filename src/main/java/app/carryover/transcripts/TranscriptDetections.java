package app.carryover.transcripts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.Assignments;
import app.carryover.homework.Composer;
import app.carryover.homework.ComposerForm;
import app.carryover.practice.Practices;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;

/**
 * What the clinician does with a transcript's detections: read them, turn a detected assignment
 * into a draft for the composer and assign it (which confirms the detection and links it to the
 * new assignment), dismiss one, and mark which earlier assignments the session discussed.
 * Nothing is ever assigned without the clinician.
 */
@Service
class TranscriptDetections {

    /** An earlier assignment the session may have discussed. */
    record Candidate(UUID id, String title, String due, String status, boolean discussed) {
    }

    /** Everything the detections page shows. */
    record View(ClientRecord client, TherapySession session, StoredTranscript transcript, List<StoredDetection> assignments,
            List<StoredDetection> reviews, List<Candidate> candidates, Map<UUID, String> titles, RetentionRule rule,
            String uploadedBy, String clinician, boolean mayChange) {

        public Highlights highlights(StoredDetection d) {
            return Highlights.of(d.turnText(), d.evidence());
        }

        /** The task in a few words, as its draft's title. */
        public String title(StoredDetection d) {
            return TranscriptDetections.title(d);
        }

        /** How many tasks were found in the same turn as this one. */
        public long tasksInTurn(StoredDetection d) {
            return assignments.stream().filter(o -> o.turn() == d.turn()).count();
        }
    }

    /**
     * A detected assignment as a composer form: the dose read from the words (or null), the worksheet the
     * words named (or null) with the words that named it, and the worksheet's suggested dose in words when
     * the words said no dose and the worksheet's was filled in instead (or null).
     */
    record Draft(ClientRecord client, StoredTranscript transcript, StoredDetection detection, ComposerForm form,
            DoseWords.Guess dose, Composer.WorksheetChoice worksheet, String worksheetWords, String doseSuggested) {

        public Highlights highlights() {
            return Highlights.of(detection.turnText(), detection.evidence());
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final TranscriptRepository transcripts;
    private final TranscriptRetention retention;
    private final ClientAccess access;
    private final Sessions sessions;
    private final Assignments assignments;
    private final Practices practices;
    private final Composer composer;
    private final AuditTrail audit;
    private final Clock clock;

    TranscriptDetections(TranscriptRepository transcripts, TranscriptRetention retention, ClientAccess access,
            Sessions sessions, Assignments assignments, Practices practices, Composer composer, AuditTrail audit, Clock clock) {
        this.composer = composer;
        this.transcripts = transcripts;
        this.retention = retention;
        this.access = access;
        this.sessions = sessions;
        this.assignments = assignments;
        this.practices = practices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The transcript with what was found in it, for the care team (clinician-only material). */
    View view(Actor actor, UUID clientId, UUID transcriptId) {
        ClientRecord client = access.readClinical(actor, clientId, "transcript detections");
        StoredTranscript t = transcript(client, transcriptId);
        TherapySession session = session(client, t.sessionId());
        List<StoredDetection> found = transcripts.detections(t.practiceId(), t.id());
        List<AssignmentProgress> progress = assignments.progress(actor, clientId, true);
        Map<UUID, String> titles = progress.stream().collect(Collectors.toMap(p -> p.assignment().id(),
                p -> p.assignment().title()));
        return new View(client, session, t, found.stream().filter(StoredDetection::assigns).toList(),
                found.stream().filter(d -> !d.assigns()).toList(), candidates(client, session, t, progress), titles,
                retention.rule(t.practiceId()), name(t.practiceId(), t.uploadedBy()), name(t.practiceId(), t.clinicianId()),
                access.mayChange(actor, client));
    }

    /** A detected assignment as a draft for the composer; refused once the detection is decided. */
    Draft draft(Actor actor, UUID clientId, UUID transcriptId, UUID detectionId) {
        ClientRecord client = access.prepareChange(actor, clientId, "transcript draft");
        StoredTranscript t = transcript(client, transcriptId);
        StoredDetection d = transcripts.detection(t.practiceId(), t.id(), detectionId)
                .orElseThrow(() -> ProblemException.notFound("Detection"));
        requireProposed(d);
        TherapySession session = session(client, t.sessionId());
        ComposerForm form = new ComposerForm();
        form.setTitle(title(d));
        form.setInstructions(instructions(d));
        form.setSessionId(t.sessionId());
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        LocalDate dayAfter = session.startsAt().atZone(client.timeZone()).toLocalDate().plusDays(1);
        form.setStartDate(dayAfter.isAfter(today) ? dayAfter : today);
        // the task's own words first; the whole turn only when it set nothing else
        Optional<DoseWords.Guess> dose = DoseWords.guess(d.summary());
        if (dose.isEmpty() && d.turnText() != null && onlyTaskOfItsTurn(t, d)) {
            dose = DoseWords.guess(d.turnText());
        }
        if (dose.isPresent()) {
            DoseWords.Guess g = dose.get();
            form.setDoseKind(g.kind());
            form.setDoseCount(g.count());
            form.setDoseWeekdays(new ArrayList<>(g.weekdays()));
            form.setDoseTimes(g.times() == null ? "" : g.times());
            form.setDoseTrigger(g.trigger() == null ? "" : g.trigger());
        } else {
            form.setDoseKind(null);
            form.setDoseCount(null);
        }
        List<Composer.WorksheetChoice> offered = composer.worksheets(actor);
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        offered.forEach(w -> titles.put(w.key(), w.title()));
        Optional<WorksheetNames.Named> named = WorksheetNames.find(d.summary(), titles);
        if (named.isEmpty() && d.turnText() != null && onlyTaskOfItsTurn(t, d)) {
            named = WorksheetNames.find(d.turnText(), titles);
        }
        Composer.WorksheetChoice worksheet = null;
        String suggested = null;
        if (named.isPresent()) {
            String key = named.get().key();
            worksheet = offered.stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
            form.setWorksheetKey(key);
            if (dose.isPresent()) {
                form.setDoseWorksheet(key); // the words' dose stays; the worksheet's suggestion is not applied over it
            } else {
                suggested = composer.live(actor, clientId, form).doseSuggested();
            }
        }
        return new Draft(client, t, d, form, dose.orElse(null), worksheet, named.map(WorksheetNames.Named::words).orElse(null),
                suggested);
    }

    /** Whether no other task was found in the same turn (the turn's words then belong to this one). */
    private boolean onlyTaskOfItsTurn(StoredTranscript t, StoredDetection d) {
        return transcripts.detections(t.practiceId(), t.id()).stream()
                .noneMatch(o -> o.assigns() && o.turn() == d.turn() && !o.id().equals(d.id()));
    }

    /**
     * Assigns what the clinician made of a detected assignment (in the transcript's session) and
     * confirms the detection, linked to the new assignment: both or neither.
     */
    @Transactional
    Assignment confirm(Actor actor, UUID clientId, UUID transcriptId, UUID detectionId, AssignmentDraft draft) {
        ClientRecord client = access.change(actor, clientId, "transcript detection");
        StoredTranscript t = transcript(client, transcriptId);
        StoredDetection d = lockProposed(t, detectionId);
        Assignment created = assignments.compose(actor, clientId, draft.inSession(t.sessionId(), draft.startDate()));
        transcripts.decide(t.practiceId(), d.id(), StoredDetection.State.CONFIRMED, created.id(), actor.accountId(),
                clock.instant());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "transcript detection", d.id(),
                "confirmed as assignment " + created.id()));
        retention.afterDecision(actor, client.id(), t.practiceId(), t.id());
        return created;
    }

    /** Dismisses a detected assignment: nothing is assigned from it. */
    @Transactional
    StoredDetection dismiss(Actor actor, UUID clientId, UUID transcriptId, UUID detectionId) {
        ClientRecord client = access.change(actor, clientId, "transcript detection");
        StoredTranscript t = transcript(client, transcriptId);
        StoredDetection d = lockProposed(t, detectionId);
        transcripts.decide(t.practiceId(), d.id(), StoredDetection.State.DISMISSED, null, actor.accountId(), clock.instant());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "transcript detection", d.id(), "dismissed"));
        retention.afterDecision(actor, client.id(), t.practiceId(), t.id());
        return transcripts.detection(t.practiceId(), t.id(), d.id()).orElseThrow();
    }

    /**
     * Takes a dismissal back: the detected assignment waits for a decision again, so a mistaken
     * dismissal can still become a draft. The transcript's text stays deleted if the retention rule
     * deleted it meanwhile; the draft then starts from the summary.
     */
    @Transactional
    StoredDetection reopen(Actor actor, UUID clientId, UUID transcriptId, UUID detectionId) {
        ClientRecord client = access.change(actor, clientId, "transcript detection");
        StoredTranscript t = transcript(client, transcriptId);
        StoredDetection d = lockAssignment(t, detectionId);
        if (d.state() != StoredDetection.State.DISMISSED) {
            throw ProblemException.conflict("Only a dismissed detection can be taken back; this one is " + d.state().words() + ".");
        }
        transcripts.reopen(t.practiceId(), d.id());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "transcript detection", d.id(), "dismissal taken back"));
        return transcripts.detection(t.practiceId(), t.id(), d.id()).orElseThrow();
    }

    /** Replaces the earlier assignments marked as discussed in the transcript's session. */
    @Transactional
    Set<UUID> markDiscussed(Actor actor, UUID clientId, UUID transcriptId, List<UUID> assignmentIds) {
        // read before the change is recorded: the audit's read row is written in a transaction of its own
        List<AssignmentProgress> progress = assignments.progress(actor, clientId, true);
        ClientRecord client = access.change(actor, clientId, "transcript review marks");
        StoredTranscript t = transcript(client, transcriptId);
        Set<UUID> marked = assignmentIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(assignmentIds);
        marked.remove(null);
        Set<UUID> allowed = candidates(client, session(client, t.sessionId()), t, progress).stream()
                .map(Candidate::id).collect(Collectors.toSet());
        if (!allowed.containsAll(marked)) {
            throw ProblemException.invalid("assignmentIds", "must be assignments of this client due at or before this session");
        }
        transcripts.setDiscussed(t.practiceId(), t.id(), marked, actor.accountId(), clock.instant());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "transcript review marks", t.id(),
                marked.size() + " earlier assignment(s) marked as discussed"));
        return transcripts.discussed(t.practiceId(), t.id());
    }

    /**
     * The assignments this session could have reviewed, as its review screen counts them: due at it,
     * due by a date since the session before, carried over unreviewed from an earlier session, or
     * reviewed at it — and any already marked.
     */
    private List<Candidate> candidates(ClientRecord client, TherapySession session, StoredTranscript t,
            List<AssignmentProgress> progress) {
        Set<UUID> discussed = transcripts.discussed(t.practiceId(), t.id());
        List<TherapySession> timeline = sessions.timeline(client.practiceId(), client.id());
        Instant previous = timeline.stream().filter(s -> s.startsAt().isBefore(session.startsAt()) && s.status().happenedOrPlanned())
                .map(TherapySession::startsAt).reduce((a, b) -> b).orElse(Instant.MIN);
        List<Candidate> result = new ArrayList<>();
        for (AssignmentProgress p : progress) {
            Assignment a = p.assignment();
            boolean dueHere = p.dueSession() != null && p.dueSession().id().equals(session.id());
            boolean carried = p.unreviewed() && p.dueSession() != null && p.dueSession().startsAt().isBefore(session.startsAt());
            Instant dueBy = a.dueDate() == null ? null : a.dueDate().atStartOfDay(client.timeZone()).toInstant();
            boolean dueByDate = dueBy != null && dueBy.isAfter(previous) && !dueBy.isAfter(session.startsAt());
            boolean reviewedHere = p.reviews().stream().anyMatch(r -> r.sessionId().equals(session.id()));
            boolean before = a.createdAt().isBefore(session.startsAt()) && !session.id().equals(a.assignedInSession());
            if (discussed.contains(a.id()) || before && (dueHere || carried || dueByDate || reviewedHere)) {
                String due = dueHere ? "due at this session" : carried ? "carried over unreviewed"
                        : dueBy != null ? "due " + DAY.format(a.dueDate()) : "reviewed at this session";
                result.add(new Candidate(a.id(), a.title(), due, a.status().label(), discussed.contains(a.id())));
            }
        }
        return result;
    }

    private StoredDetection lockProposed(StoredTranscript t, UUID detectionId) {
        StoredDetection d = lock(t, detectionId);
        requireProposed(d);
        return d;
    }

    private StoredDetection lockAssignment(StoredTranscript t, UUID detectionId) {
        StoredDetection d = lock(t, detectionId);
        requireAssignment(d);
        return d;
    }

    /** A detection of the transcript, locked until the transaction ends so two decisions cannot race. */
    private StoredDetection lock(StoredTranscript t, UUID detectionId) {
        return transcripts.lock(t.practiceId(), t.id(), detectionId).orElseThrow(() -> ProblemException.notFound("Detection"));
    }

    private static void requireAssignment(StoredDetection d) {
        if (!d.assigns()) {
            throw ProblemException.conflict("This detection is a review of earlier homework, not an assignment.");
        }
    }

    private static void requireProposed(StoredDetection d) {
        requireAssignment(d);
        if (!d.proposed()) {
            throw ProblemException.conflict("This detected assignment was already " + d.state().words() + ".");
        }
    }

    private StoredTranscript transcript(ClientRecord client, UUID transcriptId) {
        return transcripts.find(client.practiceId(), client.id(), transcriptId)
                .orElseThrow(() -> ProblemException.notFound("Transcript"));
    }

    private TherapySession session(ClientRecord client, UUID sessionId) {
        return sessions.timeline(client.practiceId(), client.id()).stream().filter(s -> s.id().equals(sessionId))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Session"));
    }

    private String name(UUID practiceId, UUID accountId) {
        return practices.person(practiceId, accountId).map(Practices.Person::displayName).orElse("someone no longer here");
    }

    /** The task in a few words, written from the task's words ({@link DraftWriting#title}). */
    static String title(StoredDetection d) {
        return DraftWriting.title(d.summary() == null || d.summary().isBlank() ? d.turnText() : d.summary());
    }

    /**
     * The instructions to start from: the task's own words said as instructions ({@link DraftWriting#instructions}),
     * from its summary (kept when the transcript's text is deleted), or the turn's words if there is no summary.
     */
    static String instructions(StoredDetection d) {
        return DraftWriting.instructions(d.summary() == null || d.summary().isBlank() ? d.turnText() : d.summary());
    }

}
