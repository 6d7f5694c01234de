package app.carryover.homework;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The homework module's own forms for the care team: the composer (with the coach's live
 * feedback), assignment status, review decisions and deferrals, and exposure hierarchies.
 */
@Controller
class HomeworkPages {

    private final Composer composer;
    private final Assignments assignments;
    private final HomeworkReviews reviews;
    private final ExposureHierarchies exposure;

    HomeworkPages(Composer composer, Assignments assignments, HomeworkReviews reviews, ExposureHierarchies exposure) {
        this.composer = composer;
        this.assignments = assignments;
        this.reviews = reviews;
        this.exposure = exposure;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/assignments/new")
    String composerPage(Actor actor, @PathVariable UUID clientId, @RequestParam(required = false) UUID sessionId,
            @RequestParam(required = false) UUID copyOf, Model model) {
        ComposerForm form = copyOf == null ? new ComposerForm() : ComposerForm.of(assignments.copy(actor, clientId, copyOf));
        form.setSessionId(sessionId);
        model.addAttribute("composer", composer.model(actor, clientId, form));
        model.addAttribute("clientId", clientId);
        return "homework/composer-page";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments")
    String compose(Actor actor, @PathVariable UUID clientId, @ModelAttribute ComposerForm form,
            @RequestParam(defaultValue = "false") boolean another, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Assignment created;
        try {
            created = assignments.compose(actor, clientId, form.draft());
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("composer", composer.model(actor, clientId, form));
            model.addAttribute("clientId", clientId);
            return "homework/composer-page";
        }
        redirect.addFlashAttribute("notice", "Assigned: " + created.title() + " — " + created.dose().describe() + ".");
        if (another) {
            return "redirect:/clients/" + clientId + "/assignments/new" + (form.getSessionId() == null ? ""
                    : "?sessionId=" + form.getSessionId());
        }
        return form.getSessionId() == null ? "redirect:/clients/" + clientId
                : "redirect:/clients/" + clientId + "/sessions/" + form.getSessionId() + "#assign";
    }

    /** The coach's panel, re-drawn as the clinician types (htmx); it advises and never blocks saving. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/coach")
    String coach(Actor actor, @PathVariable UUID clientId, @ModelAttribute ComposerForm form, Model model) {
        Composer.Live live = composer.live(actor, clientId, form);
        model.addAttribute("coach", live.coach());
        model.addAttribute("doseInWords", form.doseInWords());
        model.addAttribute("doseSuggested", live.doseSuggested());
        model.addAttribute("f", form);
        model.addAttribute("errors", Map.of());
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        return "homework/composer :: live";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/{assignmentId}/status")
    String status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @RequestParam AssignmentStatus status, RedirectAttributes redirect) {
        Assignment a = assignments.setStatus(actor, clientId, assignmentId, status);
        redirect.addFlashAttribute("notice", a.title() + " is now " + a.status().label() + ".");
        return "redirect:/clients/" + clientId + "/assignments/" + assignmentId;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}")
    String decide(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @PathVariable UUID assignmentId,
            @RequestParam(required = false) ReviewDecision decision, @RequestParam(required = false) Integer clinicianRating,
            @RequestParam(required = false) Integer clientRating,
            @RequestParam(required = false) List<Obstacle> obstacles,
            @RequestParam(defaultValue = "") String obstacleOther, @RequestParam(defaultValue = "") String troubleshooting,
            RedirectAttributes redirect) {
        Review review = reviews.decide(actor, clientId, sessionId, assignmentId, new HomeworkReviews.ReviewInput(decision,
                clinicianRating, clientRating, obstacles == null ? new ArrayList<>() : obstacles, obstacleOther,
                troubleshooting));
        String notice = "Reviewed: " + review.decision().words() + ".";
        if (review.nextAssignmentId() != null) {
            Assignment next = assignments.get(actor, clientId, review.nextAssignmentId());
            notice += " Next: " + next.title() + " (difficulty " + next.difficulty() + "), due at the next session.";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/clients/" + clientId + "/sessions/" + sessionId + "#review";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/deferral")
    String defer(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @PathVariable UUID assignmentId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        reviews.defer(actor, clientId, sessionId, assignmentId, reason);
        redirect.addFlashAttribute("notice", "Review put off to the next session.");
        return "redirect:/clients/" + clientId + "/sessions/" + sessionId + "#review";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/hierarchies/new")
    String hierarchyForm(Actor actor, @PathVariable UUID clientId, Model model) {
        exposure.prepare(actor, clientId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("rows", 6);
        return "homework/hierarchy-form";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/hierarchies")
    String createHierarchy(Actor actor, @PathVariable UUID clientId, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) List<String> situation, @RequestParam(required = false) List<Integer> distress,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<ExposureHierarchies.StepInput> steps = new ArrayList<>();
        if (situation != null) {
            for (int i = 0; i < situation.size(); i++) {
                steps.add(new ExposureHierarchies.StepInput(situation.get(i),
                        distress != null && i < distress.size() ? distress.get(i) : null));
            }
        }
        try {
            exposure.create(actor, clientId, title, steps);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("clientId", clientId);
            model.addAttribute("rows", 6);
            return "homework/hierarchy-form";
        }
        redirect.addFlashAttribute("notice", "Exposure hierarchy saved.");
        return "redirect:/clients/" + clientId;
    }
}
