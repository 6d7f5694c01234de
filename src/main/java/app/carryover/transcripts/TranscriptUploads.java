package app.carryover.transcripts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Uuids;
import app.carryover.transcripts.reading.TextFiles;
import app.carryover.transcripts.reading.TranscriptFormat;

/**
 * Uploading a session's transcript: only with the client's consent to transcript analysis, only
 * a file the reader can use (each problem said plainly), and all or nothing — the transcript, what
 * the detector found in it and the audit row are stored together or not at all.
 */
@Service
public class TranscriptUploads {

    /** The largest transcript taken; a 50-minute session is about 50 kB. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /**
     * What the session screen shows: whether the client agreed to analysis, the session's transcripts, and
     * the earlier assignments a clinician marked as discussed in any of them (shown on the homework review).
     */
    public record SessionTranscripts(boolean consented, List<Uploaded> uploaded, java.util.Set<UUID> discussed) {

        /** Whether a transcript of this session was marked as discussing this assignment. */
        public boolean discussed(UUID assignmentId) {
            return discussed.contains(assignmentId);
        }
    }

    /** One uploaded transcript of a session, in brief. */
    public record Uploaded(UUID id, String fileName, Instant uploadedAt, int assignmentsFound, int waiting,
            int reviewTurns, boolean textKept) {
    }

    /** A file as sent: its name, its bytes, and the optional speaker mapping ("Dr Lee=therapist, Sam=client"). */
    record Upload(String fileName, byte[] bytes, String speakers) {

        static Upload ofText(String fileName, String text, String speakers) {
            return new Upload(fileName, text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8), speakers);
        }
    }

    private final TranscriptRepository transcripts;
    private final ClientAccess access;
    private final Consents consents;
    private final Sessions sessions;
    private final TranscriptRetention retention;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile HomeworkDetector detector;

    TranscriptUploads(TranscriptRepository transcripts, ClientAccess access, Consents consents, Sessions sessions,
            TranscriptRetention retention, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.transcripts = transcripts;
        this.access = access;
        this.consents = consents;
        this.sessions = sessions;
        this.retention = retention;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Reads the file, detects homework assigned and reviewed, and stores both. The checks, the reading
     * and the detection come first, outside any transaction (refusals are audited at once); then the
     * transcript, its detections and the audit row are written in one transaction.
     */
    StoredTranscript upload(Actor actor, UUID clientId, UUID sessionId, Upload upload) {
        ClientRecord client = access.prepareChange(actor, clientId, "transcript upload");
        TherapySession session = session(client, sessionId);
        if (!session.status().happenedOrPlanned()) {
            throw ProblemException.conflict("This session was marked " + session.status().label()
                    + "; a transcript belongs to a session that took place.");
        }
        if (!consents.mayAnalyseTranscripts(client.practiceId(), client.id())) {
            audit.recordNow(AuditEntry.by(actor, client.id(), AuditAction.ACCESS_DENIED, "transcripts", sessionId,
                    "409 no consent to transcript analysis"));
            throw ProblemException.conflict(client.displayName() + " has not agreed to the analysis of session "
                    + "transcripts, so nothing was stored. They can agree under Privacy in their Carryover settings.");
        }
        String fileName = fileName(upload.fileName());
        Transcript read = read(fileName, upload);
        SessionDetection found = detector().detect(read);
        String text;
        try {
            text = TextFiles.decode(upload.bytes()).text();
        } catch (TextFiles.NotText e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
        String speakers = upload.speakers() == null || upload.speakers().isBlank() ? null : upload.speakers().strip();
        return transaction.execute(status -> store(actor, session, fileName, upload.bytes().length, speakers, text, read,
                found));
    }

    private StoredTranscript store(Actor actor, TherapySession session, String fileName, int size, String speakers,
            String text, Transcript read, SessionDetection found) {
        ClientRecord client = access.change(actor, session.clientId(), "transcripts");
        StoredTranscript stored = new StoredTranscript(client.practiceId(), Uuids.timeOrdered(), client.id(), session.id(),
                session.clinicianId(), actor.accountId(), fileName, TranscriptFormat.of(fileName, text), size, speakers,
                found.turns().size(), found.homeworkAssigned(), found.homeworkReviewed(),
                read.notes().isEmpty() ? null : String.join("\n", read.notes()), text, clock.instant(), null, null,
                session.startsAt());
        transcripts.insert(stored);
        int assignments = 0;
        int reviews = 0;
        for (DetectedAssignment a : found.assignments()) {
            transcripts.insert(new StoredDetection(client.practiceId(), Uuids.timeOrdered(), stored.id(), a.turn(),
                    StoredDetection.Kind.ASSIGNS, a.category(), a.specific(), a.summary(), a.evidence(),
                    wordsOf(found, a), StoredDetection.State.PROPOSED, null, null, null));
            assignments++;
        }
        for (DetectedTurn t : found.turns()) {
            if (t.detection().reviewsHomework()) {
                transcripts.insert(new StoredDetection(client.practiceId(), Uuids.timeOrdered(), stored.id(),
                        t.turn().number(), StoredDetection.Kind.REVIEWS, null, null, null, t.detection().evidence(),
                        t.turn().text(), null, null, null, null));
                reviews++;
            }
        }
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CREATE, "transcript", stored.id(),
                "uploaded to session " + session.id() + " (" + stored.format().words() + ", " + found.turns().size()
                        + " therapist turns): " + assignments + " assignment(s) and " + reviews + " review turn(s) found"));
        retention.afterDecision(actor, client.id(), stored.practiceId(), stored.id());
        return stored;
    }

    /** The session screen's view of its transcripts. */
    public SessionTranscripts sessionPanel(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "session transcripts");
        List<Uploaded> uploaded = new ArrayList<>();
        java.util.Set<UUID> discussed = new java.util.HashSet<>();
        for (StoredTranscript t : transcripts.forSession(client.practiceId(), client.id(), sessionId)) {
            discussed.addAll(transcripts.discussed(t.practiceId(), t.id()));
            List<StoredDetection> found = transcripts.detections(t.practiceId(), t.id());
            uploaded.add(new Uploaded(t.id(), t.fileName(), t.uploadedAt(),
                    (int) found.stream().filter(StoredDetection::assigns).count(),
                    (int) found.stream().filter(StoredDetection::proposed).count(),
                    (int) found.stream().filter(d -> !d.assigns()).count(), t.textKept()));
        }
        return new SessionTranscripts(consents.mayAnalyseTranscripts(client.practiceId(), client.id()), List.copyOf(uploaded),
                java.util.Set.copyOf(discussed));
    }

    /** The session's transcripts, newest first. */
    List<StoredTranscript> forSession(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "session transcripts");
        session(client, sessionId);
        return transcripts.forSession(client.practiceId(), client.id(), sessionId);
    }

    private TherapySession session(ClientRecord client, UUID sessionId) {
        return sessions.timeline(client.practiceId(), client.id()).stream().filter(s -> s.id().equals(sessionId))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Session"));
    }

    private static Transcript read(String fileName, Upload upload) {
        byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
        if (bytes.length == 0) {
            throw ProblemException.invalid("file", "is empty: choose the transcript file of the session");
        }
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.invalid("file", String.format(Locale.ROOT, "is %.1f MB; a session transcript may be at"
                    + " most %d MB (a 50-minute session is about 50 kB), so upload one session at a time",
                    bytes.length / 1048576.0, MAX_BYTES / 1048576));
        }
        if (upload.speakers() != null && upload.speakers().length() > 1000) {
            throw ProblemException.invalid("speakers", "must be at most 1,000 characters");
        }
        SpeakerRoles roles;
        try {
            roles = SpeakerRoles.parse(upload.speakers());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("speakers", e.getMessage());
        }
        TranscriptReader.Result result = new TranscriptReader(roles, MAX_BYTES).read(fileName, "", bytes);
        if (!result.problems().isEmpty()) {
            throw ProblemException.invalid("file", result.problems().stream().map(p -> plain(p.message())).distinct()
                    .collect(Collectors.joining("; ")));
        }
        if (result.transcripts().size() != 1) {
            throw ProblemException.invalid("file", "holds the transcripts of " + result.transcripts().size()
                    + " sessions; upload the transcript of this session only");
        }
        Transcript t = result.transcripts().get(0);
        List<String> notes = new ArrayList<>(t.notes());
        result.notes().stream().filter(n -> !t.notes().contains(n.message())).forEach(n -> notes.add(n.message()));
        return new Transcript(t.session(), t.clinician(), t.turns(), notes.stream().map(TranscriptUploads::plain).toList());
    }

    /** The reader's words for the command line, said for the upload form. */
    static String plain(String message) {
        String m = message.startsWith("skipped: ") ? message.substring("skipped: ".length()) : message;
        return m.replace("name the therapist with --speakers \"NAME=therapist\"",
                "name the therapist in the speaker mapping, for example \"Dr Lee=therapist\"")
                .replace("--speakers", "the speaker mapping");
    }

    private static String fileName(String given) {
        String name = given == null ? "" : given.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            return "transcript.txt";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    /** The therapist's words of an assignment: every turn that set it, from the proposal to the confirmation. */
    static String wordsOf(SessionDetection session, DetectedAssignment a) {
        StringBuilder words = new StringBuilder();
        for (DetectedTurn t : session.turns()) {
            if (a.turns().contains(t.turn().number())) {
                words.append(words.length() == 0 ? "" : "\n").append(t.turn().text());
            }
        }
        return words.toString();
    }

    private HomeworkDetector detector() {
        HomeworkDetector d = detector;
        if (d == null) {
            synchronized (this) {
                if (detector == null) {
                    detector = HomeworkDetector.standard();
                }
                d = detector;
            }
        }
        return d;
    }
}
