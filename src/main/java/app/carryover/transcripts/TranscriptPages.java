package app.carryover.transcripts;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.homework.Assignment;
import app.carryover.homework.Composer;
import app.carryover.homework.ComposerForm;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The care team's transcript pages: upload to a session (the form is on the session screen), the
 * detections of a transcript, a detected assignment as a draft in the composer, its confirmation
 * or dismissal, and the earlier assignments marked as discussed.
 */
@Controller
class TranscriptPages {

    private final TranscriptUploads uploads;
    private final TranscriptDetections detections;
    private final Composer composer;

    TranscriptPages(TranscriptUploads uploads, TranscriptDetections detections, Composer composer) {
        this.uploads = uploads;
        this.detections = detections;
        this.composer = composer;
    }

    /** A file, or text pasted instead; a file that cannot be used, or a missing consent, is shown with the form's page. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/transcripts")
    String upload(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String fileName, @RequestParam(defaultValue = "") String speakers,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        StoredTranscript stored;
        try {
            stored = uploads.upload(actor, clientId, sessionId, upload(file, text, fileName, speakers));
        } catch (ProblemException e) {
            if (e.fields().isEmpty() && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            if (e.fields().isEmpty()) {
                response.setStatus(e.status().value());
            } else {
                FormErrors.reject(e, model, response);
            }
            model.addAttribute("problem", e);
            model.addAttribute("clientId", clientId);
            model.addAttribute("sessionId", sessionId);
            model.addAttribute("speakers", speakers);
            return "transcripts/upload";
        }
        redirect.addFlashAttribute("notice", "Transcript read. Check what was found: nothing is assigned until you confirm it.");
        return "redirect:/clients/" + clientId + "/transcripts/" + stored.id();
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/transcripts/{transcriptId}")
    String detections(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId, Model model) {
        model.addAttribute("view", detections.view(actor, clientId, transcriptId));
        return "transcripts/detections";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/draft")
    String draft(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId, @PathVariable UUID detectionId,
            Model model) {
        TranscriptDetections.Draft draft = detections.draft(actor, clientId, transcriptId, detectionId);
        return draftPage(actor, draft, draft.form(), model);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/assignment")
    String confirm(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId, @PathVariable UUID detectionId,
            @ModelAttribute ComposerForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Assignment created;
        try {
            created = detections.confirm(actor, clientId, transcriptId, detectionId, form.draft());
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return draftPage(actor, detections.draft(actor, clientId, transcriptId, detectionId), form, model);
        }
        redirect.addFlashAttribute("notice", "Assigned: " + created.title() + " — " + created.dose().describe()
                + ". The detected assignment is confirmed and linked to it.");
        return "redirect:/clients/" + clientId + "/transcripts/" + transcriptId + "#assigned";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal")
    String dismiss(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId, @PathVariable UUID detectionId,
            RedirectAttributes redirect) {
        detections.dismiss(actor, clientId, transcriptId, detectionId);
        redirect.addFlashAttribute("notice", "Dismissed: nothing was assigned from it.");
        return "redirect:/clients/" + clientId + "/transcripts/" + transcriptId + "#assigned";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/detections/{detectionId}/dismissal/undo")
    String undoDismissal(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @PathVariable UUID detectionId, RedirectAttributes redirect) {
        detections.reopen(actor, clientId, transcriptId, detectionId);
        redirect.addFlashAttribute("notice", "Dismissal taken back: the detected assignment waits for your decision again.");
        return "redirect:/clients/" + clientId + "/transcripts/" + transcriptId + "#detection-" + detectionId;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/transcripts/{transcriptId}/discussed")
    String discussed(Actor actor, @PathVariable UUID clientId, @PathVariable UUID transcriptId,
            @RequestParam(required = false) List<UUID> assignmentIds, RedirectAttributes redirect) {
        int marked = detections.markDiscussed(actor, clientId, transcriptId, assignmentIds).size();
        redirect.addFlashAttribute("notice", "Saved: " + marked + (marked == 1 ? " earlier assignment" : " earlier assignments")
                + " marked as discussed in this session.");
        return "redirect:/clients/" + clientId + "/transcripts/" + transcriptId + "#reviewed";
    }

    private String draftPage(Actor actor, TranscriptDetections.Draft draft, ComposerForm form, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("composer", composer.model(actor, draft.client().id(), form));
        model.addAttribute("clientId", draft.client().id());
        return "transcripts/draft";
    }

    private static TranscriptUploads.Upload upload(MultipartFile file, String text, String fileName, String speakers)
            throws IOException {
        if (file != null && !file.isEmpty()) {
            return new TranscriptUploads.Upload(file.getOriginalFilename(), file.getBytes(), speakers);
        }
        if (!text.isBlank()) {
            return TranscriptUploads.Upload.ofText(fileName.isBlank() ? "pasted.txt" : fileName, text, speakers);
        }
        throw ProblemException.invalid("file", "choose the transcript file of the session, or paste its text");
    }
}
