package app.carryover.homework;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.practice.Practices;
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
    private final Practices practices;
    private final ClientVoice voice;

    HomeworkPages(Composer composer, Assignments assignments, HomeworkReviews reviews, ExposureHierarchies exposure,
            Practices practices, ClientVoice voice) {
        this.practices = practices;
        this.voice = voice;
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
        if (decision == null) { // only a hand-made post lacks it (the page sends it hidden): 400 naming it, not a 500
            throw ProblemException.invalid("decision", "choose continue, step up, step down, modify, complete or drop");
        }
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

    /**
     * The composer on an assignment as it stands; saving keeps the earlier version in its history. Opened
     * from a client's question ({@code response}), it shows what the client said beside the form and,
     * once saved, goes back to the question so the clinician can say what changed.
     */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/assignments/{assignmentId}/edit")
    String editPage(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @RequestParam(required = false) UUID response, Model model) {
        Assignment a = assignments.get(actor, clientId, assignmentId);
        return editForm(actor, clientId, a, ComposerForm.of(AssignmentDraft.editing(a)), a.revision(), "", response, model);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/{assignmentId}/edit")
    String edit(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId, @ModelAttribute ComposerForm form,
            @RequestParam(required = false) Integer revision, @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "response", required = false) UUID clientResponse, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Assignment saved;
        try {
            saved = assignments.edit(actor, clientId, assignmentId, form.draft(), revision, note);
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            return editForm(actor, clientId, assignments.get(actor, clientId, assignmentId), form, revision, note,
                    clientResponse, model);
        }
        boolean changed = saved.revision() != (revision == null ? saved.revision() : revision);
        if (clientResponse != null && changed) {
            redirect.addFlashAttribute("notice", "Saved; the client sees the new version, and the earlier one is in the "
                    + "history. You may reply below to tell them what changed.");
            return "redirect:/clients/" + clientId + "/questions#response-" + clientResponse;
        }
        redirect.addFlashAttribute("notice", !changed
                ? "Nothing changed." : "Saved; the client sees the new version, and the earlier one is in the history.");
        return "redirect:/clients/" + clientId + "/assignments/" + assignmentId;
    }

    private String editForm(Actor actor, UUID clientId, Assignment a, ComposerForm form, Integer revision, String note,
            UUID clientResponse, Model model) {
        List<List<String>> hidden = new ArrayList<>();
        hidden.add(List.of("revision", String.valueOf(revision == null ? a.revision() : revision)));
        if (clientResponse != null) {
            voice.voice(actor, clientId).of(a.id()).stream().filter(r -> r.id().equals(clientResponse)).findFirst()
                    .ifPresent(r -> {
                        model.addAttribute("clientSaid", r);
                        model.addAttribute("viewerZone", practices.zoneOf(actor.practiceId()));
                        hidden.add(List.of("response", r.id().toString()));
                    });
        }
        model.addAttribute("composer", composer.model(actor, clientId, form));
        model.addAttribute("clientId", clientId);
        model.addAttribute("editing", a);
        model.addAttribute("note", note);
        model.addAttribute("composerAction", "/clients/" + clientId + "/assignments/" + a.id() + "/edit");
        model.addAttribute("composerSubmit", "Save changes");
        model.addAttribute("composerHidden", hidden);
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

    /** A row of the hierarchy form, as shown or as typed. */
    record StepRow(String stepId, String situation, String distress, String order, boolean remove) {
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/hierarchies/new")
    String hierarchyForm(Actor actor, @PathVariable UUID clientId, Model model) {
        exposure.prepare(actor, clientId);
        return hierarchyPage(actor, clientId, null, "", blankRows(new ArrayList<>(), 6), model);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/hierarchies")
    String createHierarchy(Actor actor, @PathVariable UUID clientId, @RequestParam MultiValueMap<String, String> posted,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<StepRow> rows = rows(posted);
        String title = first(posted, "title");
        if (posted.containsKey("more")) {
            exposure.prepare(actor, clientId);
            return hierarchyPage(actor, clientId, null, title, blankRows(rows, rows.size() + 3), model);
        }
        List<ExposureHierarchies.StepInput> steps = rows.stream()
                .map(r -> new ExposureHierarchies.StepInput(r.situation(), number(r.distress()))).toList();
        try {
            exposure.create(actor, clientId, title, steps);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return hierarchyPage(actor, clientId, null, title, rows, model);
        }
        redirect.addFlashAttribute("notice", "Exposure hierarchy saved.");
        return "redirect:/clients/" + clientId;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/hierarchies/{hierarchyId}/edit")
    String editHierarchy(Actor actor, @PathVariable UUID clientId, @PathVariable UUID hierarchyId, Model model) {
        exposure.prepare(actor, clientId);
        ExposureHierarchy h = exposure.get(actor, clientId, hierarchyId);
        List<StepRow> rows = new ArrayList<>();
        for (ExposureStep step : h.steps()) {
            rows.add(new StepRow(step.id().toString(), step.situation(), String.valueOf(step.anticipatedDistress()),
                    String.valueOf(step.position()), false));
        }
        model.addAttribute("revision", h.revision());
        return hierarchyPage(actor, clientId, h, h.title(), blankRows(rows, rows.size() + 3), model);
    }

    /** Saves a changed hierarchy: rows in the order of their "Order" numbers, ticked ones removed, new ones added. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/hierarchies/{hierarchyId}")
    String updateHierarchy(Actor actor, @PathVariable UUID clientId, @PathVariable UUID hierarchyId,
            @RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ExposureHierarchy h = exposure.get(actor, clientId, hierarchyId);
        List<StepRow> rows = rows(posted);
        String title = first(posted, "title");
        Integer revision = number(first(posted, "revision"));
        model.addAttribute("revision", revision == null ? h.revision() : revision);
        if (posted.containsKey("more")) {
            exposure.prepare(actor, clientId);
            return hierarchyPage(actor, clientId, h, title, blankRows(rows, rows.size() + 3), model);
        }
        List<StepRow> ordered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StepRow r = rows.get(i);
            if (!r.remove() && !(r.stepId().isEmpty() && r.situation().isBlank())) {
                ordered.add(r);
            }
        }
        // By the "Order" numbers: a step given a new number goes before one already there; a blank number
        // keeps a step where it was, and new steps without one go last, in the order typed.
        Map<String, Integer> was = new HashMap<>();
        h.steps().forEach(step -> was.put(step.id().toString(), step.position()));
        List<StepRow> sorted = new ArrayList<>(ordered);
        sorted.sort(java.util.Comparator.<StepRow>comparingInt(r -> {
            Integer n = number(r.order());
            return n != null ? n : was.getOrDefault(r.stepId(), 10_000 + ordered.indexOf(r));
        }).thenComparingInt(r -> was.containsKey(r.stepId()) && !was.get(r.stepId()).equals(number(r.order())) ? 0 : 1)
                .thenComparingInt(ordered::indexOf));
        List<ExposureHierarchies.StepEdit> steps = sorted.stream().map(r -> new ExposureHierarchies.StepEdit(
                r.stepId().isEmpty() ? null : stepId(r.stepId()), r.situation(), number(r.distress()))).toList();
        try {
            exposure.update(actor, clientId, hierarchyId, title, steps, revision);
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            return hierarchyPage(actor, clientId, h, title, rows, model);
        }
        redirect.addFlashAttribute("notice", "Exposure hierarchy saved; the change is kept in its history.");
        return "redirect:/clients/" + clientId + "/hierarchies/" + hierarchyId + "/edit";
    }

    /** A step's id as posted; anything else than an id is refused naming the field, never a 500 (issue 15's corpus). */
    private static UUID stepId(String posted) {
        try {
            return UUID.fromString(posted);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("stepId", "is not a step of this hierarchy");
        }
    }

    private String hierarchyPage(Actor actor, UUID clientId, ExposureHierarchy h, String title, List<StepRow> rows,
            Model model) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("hierarchy", h);
        model.addAttribute("title", title);
        model.addAttribute("rows", rows);
        model.addAttribute("viewerZone", practices.zoneOf(actor.practiceId()));
        if (h != null) {
            List<HierarchyRevision> history = exposure.history(actor, clientId, h.id());
            Map<UUID, String> names = new HashMap<>();
            history.forEach(r -> names.computeIfAbsent(r.changedBy(), id -> practices.person(actor.practiceId(), id)
                    .map(Practices.Person::displayName).orElse("a former colleague")));
            model.addAttribute("history", history);
            model.addAttribute("names", names);
        }
        return "homework/hierarchy-form";
    }

    /** The typed rows, index by index (read raw, so a comma inside a situation never splits it). */
    private static List<StepRow> rows(MultiValueMap<String, String> posted) {
        List<String> ids = posted.getOrDefault("stepId", List.of());
        List<String> situations = posted.getOrDefault("situation", List.of());
        List<String> distress = posted.getOrDefault("distress", List.of());
        List<String> order = posted.getOrDefault("order", List.of());
        List<String> removed = posted.getOrDefault("remove", List.of());
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < situations.size(); i++) {
            String id = i < ids.size() ? ids.get(i) : "";
            rows.add(new StepRow(id, situations.get(i), i < distress.size() ? distress.get(i) : "",
                    i < order.size() ? order.get(i) : "", !id.isEmpty() && removed.contains(id)));
        }
        return rows;
    }

    private static List<StepRow> blankRows(List<StepRow> rows, int atLeast) {
        List<StepRow> filled = new ArrayList<>(rows);
        while (filled.size() < atLeast) {
            filled.add(new StepRow("", "", "", "", false));
        }
        return filled;
    }

    private static String first(MultiValueMap<String, String> posted, String name) {
        String value = posted.getFirst(name);
        return value == null ? "" : value;
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
