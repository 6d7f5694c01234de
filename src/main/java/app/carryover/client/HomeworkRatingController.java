package app.carryover.client;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.measures.Instruments;
import app.carryover.measures.Measures;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The client rates one piece of homework: how much, how well, how useful, how hard (Carryover's own 0–4 rating). */
@Controller
class HomeworkRatingController {

    private final Assignments assignments;
    private final Measures measures;
    private final Practices practices;

    HomeworkRatingController(Assignments assignments, Measures measures, Practices practices) {
        this.assignments = assignments;
        this.measures = measures;
        this.practices = practices;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/assignments/{assignmentId}/rating")
    String form(Actor actor, @PathVariable UUID assignmentId, Model model) {
        return page(actor, assignments.get(actor, actor.clientId(), assignmentId), Map.of(), UUID.randomUUID().toString(), model);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/rating")
    String rate(Actor actor, @PathVariable UUID assignmentId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Assignment assignment = assignments.get(actor, actor.clientId(), assignmentId);
        try {
            measures.rateHomework(actor, assignment.id(), new Measures.AnswerInput(submission(params),
                    Instruments.homeworkByClient().answersFrom(params), null));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return page(actor, assignment, params, params.getOrDefault("submissionId", UUID.randomUUID().toString()), model);
        }
        redirect.addFlashAttribute("notice", "Thank you. Your rating of “" + assignment.title() + "” is saved for your session.");
        return "redirect:/today";
    }

    private String page(Actor actor, Assignment assignment, Map<String, String> values, String submissionId, Model model) {
        model.addAttribute("instrument", Instruments.homeworkByClient());
        model.addAttribute("heading", "How did “" + assignment.title() + "” go?");
        model.addAttribute("action", "/today/assignments/" + assignment.id() + "/rating");
        model.addAttribute("back", "/today");
        model.addAttribute("values", values);
        model.addAttribute("submissionId", submissionId);
        model.addAttribute("practice", practices.of(actor));
        return "measures/rate-homework";
    }

    static UUID submission(Map<String, String> params) {
        try {
            String raw = params.get("submissionId");
            return raw == null || raw.isBlank() ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("submissionId", "is not a valid id");
        }
    }
}
