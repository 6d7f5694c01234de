package app.carryover.transcripts;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.carryover.coach.CoachReport;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Composer;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.BodyLimit;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import app.carryover.transcripts.audit.PracticeAudit;
import app.carryover.transcripts.reading.TranscriptFormat;

/**
 * Transcripts over the JSON API: upload (JSON text or a multipart file), the detections, a detected
 * assignment as a draft, its confirmation (which assigns the clinician's version of it) or
 * dismissal, the assignments marked as discussed, the practice audit, and the retention rule.
 */
@RestController
@RequestMapping("/api/v1")
class TranscriptsApi {

    record TextUpload(@Size(max = 255) String fileName, @NotNull String text, @Size(max = 1000) String speakers) {
    }

    record DetectionView(UUID id, int turn, StoredDetection.Kind kind, String category, Boolean specific, String summary,
            List<String> evidence, String turnText, StoredDetection.State state, UUID assignmentId, Instant decidedAt,
            UUID decidedBy) {

        static DetectionView of(StoredDetection d) {
            return new DetectionView(d.id(), d.turn(), d.kind(), d.categoryLabel(), d.specific(), d.summary(), d.evidence(),
                    d.turnText(), d.state(), d.assignmentId(), d.decidedAt(), d.decidedBy());
        }
    }

    /** A transcript and what was found in it; the text itself is not sent. */
    record TranscriptView(UUID id, UUID clientId, UUID sessionId, UUID clinicianId, UUID uploadedBy, String fileName,
            TranscriptFormat format, int sizeBytes, int therapistTurns, Instant uploadedAt, boolean homeworkAssigned,
            boolean homeworkReviewed, String importNotes, boolean textKept, Instant textDeletedAt,
            String textDeletedReason, List<DetectionView> assignments, List<DetectionView> reviews,
            List<UUID> discussedAssignmentIds) {

        static TranscriptView of(TranscriptDetections.View v) {
            StoredTranscript t = v.transcript();
            return new TranscriptView(t.id(), t.clientId(), t.sessionId(), t.clinicianId(), t.uploadedBy(), t.fileName(),
                    t.format(), t.sizeBytes(), t.therapistTurns(), t.uploadedAt(), t.homeworkAssigned(),
                    t.homeworkReviewed(), t.importNotes(), t.textKept(), t.textDeletedAt(), t.textDeletedReason(),
                    v.assignments().stream().map(DetectionView::of).toList(),
                    v.reviews().stream().map(DetectionView::of).toList(),
                    v.candidates().stream().filter(TranscriptDetections.Candidate::discussed)
                            .map(TranscriptDetections.Candidate::id).toList());
        }
    }

    record DraftView(AssignmentDraft draft, String doseReadFrom, CoachReport coach) {
    }

    record Discussed(List<UUID> assignmentIds) {
    }

    record RetentionBody(@NotNull RetentionRule.Mode mode, Integer days) {
    }

    record Retention(RetentionRule.Mode mode, Integer days, String words) {
        static Retention of(RetentionRule r) {
            return new Retention(r.mode(), r.days(), r.words());
        }
    }

    record AuditRow(String clinician, int sessions, int sessionsAssigning, double shareAssigning, int sessionsReviewing,
            double shareReviewing, int assignments, int specific, int vague, double shareSpecific,
            Map<String, Integer> categories) {

        static AuditRow of(PracticeAudit.Figures f) {
            Map<String, Integer> categories = new java.util.LinkedHashMap<>();
            for (HomeworkCategory c : HomeworkCategory.values()) {
                categories.put(c.label(), f.category(c));
            }
            return new AuditRow(f.clinician(), f.sessions(), f.sessionsAssigning(), f.shareAssigning(), f.sessionsReviewing(),
                    f.shareReviewing(), f.assignments(), f.specific(), f.vague(), f.shareSpecific(), categories);
        }
    }

    record Audit(boolean wholePractice, LocalDate from, LocalDate to, int sessions, List<AuditRow> rows) {
    }

    private final TranscriptUploads uploads;
    private final TranscriptDetections detections;
    private final TranscriptAudits audits;
    private final TranscriptRetention retention;
    private final Composer composer;

    TranscriptsApi(TranscriptUploads uploads, TranscriptDetections detections, TranscriptAudits audits,
            TranscriptRetention retention, Composer composer) {
        this.uploads = uploads;
        this.detections = detections;
        this.audits = audits;
        this.retention = retention;
        this.composer = composer;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @BodyLimit(megabytes = 12) // a 5 MB transcript as a JSON string, its line breaks and quotes escaped
    @PostMapping(path = "/clients/{clientId}/sessions/{sessionId}/transcripts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TranscriptView uploadText(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @Valid @RequestBody TextUpload body) {
        StoredTranscript stored = uploads.upload(actor, clientId, sessionId,
                TranscriptUploads.Upload.ofText(body.fileName(), body.text(), body.speakers()));
        return TranscriptView.of(detections.view(actor, clientId, stored.id()));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping(path = "/clients/{clientId}/sessions/{sessionId}/transcripts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TranscriptView uploadFile(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam MultipartFile file, @RequestParam(required = false) String speakers) throws IOException {
        StoredTranscript stored = uploads.upload(actor, clientId, sessionId,
                new TranscriptUploads.Upload(file.getOriginalFilename(), file.getBytes(), speakers));
        return TranscriptView.of(detections.view(actor, clientId, stored.id()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/sessions/{sessionId}/transcripts")
    List<TranscriptView> list(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId) {
        return uploads.forSession(actor, clientId, sessionId).stream()
                .map(t -> TranscriptView.of(detections.view(actor, clientId, t.id()))).toList();
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/transcripts/{transcriptId}")
    TranscriptView get(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId) {
        return TranscriptView.of(detections.view(actor, clientId, transcriptId));
    }

    /** The composer's starting point for a detected assignment, with the coach's view of it. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/draft")
    DraftView draft(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @PathVariable UUID detectionId) {
        TranscriptDetections.Draft d = detections.draft(actor, clientId, transcriptId, detectionId);
        return new DraftView(d.form().draft(), d.dose() == null ? null : d.dose().words(),
                composer.coach(actor, clientId, d.form()));
    }

    /** Assigns the clinician's version of the detected assignment (in the transcript's session) and confirms it. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/confirmation")
    @ResponseStatus(HttpStatus.CREATED)
    Assignment confirm(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @PathVariable UUID detectionId, @RequestBody AssignmentDraft draft) {
        return detections.confirm(actor, clientId, transcriptId, detectionId, draft);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal")
    DetectionView dismiss(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @PathVariable UUID detectionId) {
        return DetectionView.of(detections.dismiss(actor, clientId, transcriptId, detectionId));
    }

    /** Takes a dismissal back: the detected assignment waits for a decision again. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @DeleteMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal")
    DetectionView undoDismissal(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @PathVariable UUID detectionId) {
        return DetectionView.of(detections.reopen(actor, clientId, transcriptId, detectionId));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/clients/{clientId}/transcripts/{transcriptId}/discussed")
    Discussed discussed(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @RequestBody Discussed body) {
        Set<UUID> marked = detections.markDiscussed(actor, clientId, transcriptId, body.assignmentIds());
        return new Discussed(List.copyOf(marked));
    }

    /** The practice audit's figures (admins: the whole practice; clinicians: their own sessions). */
    @Access(AccessRule.STAFF)
    @GetMapping("/transcripts/audit")
    Audit audit(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TranscriptAudits.Report r = audits.report(actor, TranscriptAudits.Dates.typed(from, to));
        return new Audit(r.wholePractice(), r.from(), r.to(), r.sessions(), r.rows().stream().map(AuditRow::of).toList());
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/transcripts/audit.csv")
    ResponseEntity<String> auditCsv(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return TranscriptAuditPages.csvResponse(audits.csv(actor, TranscriptAudits.Dates.typed(from, to)));
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/practice/transcript-retention")
    Retention retention(Actor actor) {
        return Retention.of(retention.rule(actor.practiceId()));
    }

    @Access(AccessRule.ADMIN)
    @PutMapping("/practice/transcript-retention")
    Retention setRetention(Actor actor, @Valid @RequestBody RetentionBody body) {
        return Retention.of(retention.change(actor, body.mode(), body.days()));
    }
}
