package app.carryover.homework;

import java.util.ArrayList;
import java.util.List;
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
        model.addAttribute("coach", composer.coach(actor, clientId, form));
        model.addAttribute("doseInWords", form.doseInWords());
        return "homework/composer :: coach";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/{assignmentId}/status")
    String status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @RequestParam AssignmentStatus status, RedirectAttributes redirect) {
        Assignment a = assignments.setStatus(actor, clientId, assignmentId, status);
        redirect.addFlashAttribute("notice", a.title() + " is now " + a.status().label() + ".");
        return "redirect:/clients/" + clientId + "/assignments/" + assignmentId;
    }

    /**
     * A review decision. Complete, drop and continue are recorded at once; modify, step up and step
     * down open the composer with the change filled in and the plan from the review beside it, and are
     * recorded when the clinician assigns from there.
     */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}")
    String decide(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @PathVariable UUID assignmentId,
            @RequestParam(required = false) ReviewDecision decision, @RequestParam(required = false) Integer clinicianRating,
            @RequestParam(required = false) Integer clientRating,
            @RequestParam(required = false) List<Obstacle> obstacles,
            @RequestParam(defaultValue = "") String obstacleOther, @RequestParam(defaultValue = "") String troubleshooting,
            Model model, RedirectAttributes redirect) {
        HomeworkReviews.ReviewInput input = new HomeworkReviews.ReviewInput(decision, clinicianRating, clientRating,
                obstacles == null ? new ArrayList<>() : obstacles, obstacleOther, troubleshooting);
        if (decision != null && decision.opensComposer()) {
            HomeworkReviews.checkInput(input);
            AssignmentDraft proposed = reviews.proposal(actor, clientId, sessionId, assignmentId, decision, troubleshooting);
            return nextPage(actor, clientId, sessionId, assignmentId, input, ComposerForm.of(proposed), model);
        }
        return decided(actor, clientId, sessionId, reviews.decide(actor, clientId, sessionId, assignmentId, input), redirect);
    }

    /** The review recorded with the next assignment as composed from the proposal. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/next")
    String decideWithNext(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @PathVariable UUID assignmentId, @ModelAttribute ComposerForm form,
            @RequestParam(required = false) ReviewDecision decision, @RequestParam(required = false) Integer clinicianRating,
            @RequestParam(required = false) Integer clientRating, @RequestParam(required = false) List<Obstacle> obstacles,
            @RequestParam(defaultValue = "") String obstacleOther, @RequestParam(defaultValue = "") String troubleshooting,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        HomeworkReviews.ReviewInput input = new HomeworkReviews.ReviewInput(decision, clinicianRating, clientRating,
                obstacles == null ? new ArrayList<>() : obstacles, obstacleOther, troubleshooting);
        Review review;
        try {
            review = reviews.decide(actor, clientId, sessionId, assignmentId, input, form.draft());
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            return nextPage(actor, clientId, sessionId, assignmentId, input, form, model);
        }
        return decided(actor, clientId, sessionId, review, redirect);
    }

    private String decided(Actor actor, UUID clientId, UUID sessionId, Review review, RedirectAttributes redirect) {
        String notice = "Reviewed: " + review.decision().words() + ".";
        if (review.nextAssignmentId() != null) {
            Assignment next = assignments.get(actor, clientId, review.nextAssignmentId());
            notice += " Next: " + next.title() + " (difficulty " + next.difficulty() + "), due at the next session.";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/clients/" + clientId + "/sessions/" + sessionId + "#review";
    }

    /** The composer for the next assignment, with what the review agreed beside it and the review's answers kept. */
    private String nextPage(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, HomeworkReviews.ReviewInput input,
            ComposerForm form, Model model) {
        List<List<String>> hidden = new ArrayList<>();
        hidden.add(List.of("decision", input.decision().name()));
        if (input.clinicianRating() != null) {
            hidden.add(List.of("clinicianRating", input.clinicianRating().toString()));
        }
        if (input.clientRating() != null) {
            hidden.add(List.of("clientRating", input.clientRating().toString()));
        }
        input.obstacles().forEach(o -> hidden.add(List.of("obstacles", o.name())));
        hidden.add(List.of("obstacleOther", input.obstacleOther() == null ? "" : input.obstacleOther()));
        hidden.add(List.of("troubleshooting", input.troubleshooting() == null ? "" : input.troubleshooting()));
        model.addAttribute("composer", composer.model(actor, clientId, form));
        model.addAttribute("clientId", clientId);
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("current", assignments.get(actor, clientId, assignmentId));
        model.addAttribute("review", input);
        model.addAttribute("composerAction", "/clients/" + clientId + "/sessions/" + sessionId + "/review/" + assignmentId + "/next");
        model.addAttribute("composerSubmit", switch (input.decision()) {
            case STEP_UP -> "Step up: assign this";
            case STEP_DOWN -> "Step down: assign this";
            default -> "Assign the changed practice";
        });
        model.addAttribute("composerHidden", hidden);
        return "homework/review-next";
    }

    /** The composer on an assignment as it stands; saving keeps the earlier version in its history. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/assignments/{assignmentId}/edit")
    String editPage(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId, Model model) {
        Assignment a = assignments.get(actor, clientId, assignmentId);
        return editForm(actor, clientId, a, ComposerForm.of(AssignmentDraft.editing(a)), a.revision(), "", model);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/{assignmentId}/edit")
    String edit(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId, @ModelAttribute ComposerForm form,
            @RequestParam(required = false) Integer revision, @RequestParam(defaultValue = "") String note, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Assignment saved;
        try {
            saved = assignments.edit(actor, clientId, assignmentId, form.draft(), revision, note);
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            return editForm(actor, clientId, assignments.get(actor, clientId, assignmentId), form, revision, note, model);
        }
        redirect.addFlashAttribute("notice", saved.revision() == (revision == null ? saved.revision() : revision)
                ? "Nothing changed." : "Saved; the client sees the new version, and the earlier one is in the history.");
        return "redirect:/clients/" + clientId + "/assignments/" + assignmentId;
    }

    private String editForm(Actor actor, UUID clientId, Assignment a, ComposerForm form, Integer revision, String note,
            Model model) {
        model.addAttribute("composer", composer.model(actor, clientId, form));
        model.addAttribute("clientId", clientId);
        model.addAttribute("editing", a);
        model.addAttribute("note", note);
        model.addAttribute("composerAction", "/clients/" + clientId + "/assignments/" + a.id() + "/edit");
        model.addAttribute("composerSubmit", "Save changes");
        model.addAttribute("composerHidden", List.of(List.of("revision", String.valueOf(revision == null ? a.revision() : revision))));
        return "homework/composer-page";
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
