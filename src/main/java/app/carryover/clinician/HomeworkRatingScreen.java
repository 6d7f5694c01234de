package app.carryover.clinician;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.measures.Instruments;
import app.carryover.measures.Measures;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The clinician rates one assignment as it was carried out: amount, quality, usefulness, difficulty (0–4, clinician-only). */
@Controller
class HomeworkRatingScreen {

    private final ClientAccess access;
    private final Assignments assignments;
    private final Measures measures;

    HomeworkRatingScreen(ClientAccess access, Assignments assignments, Measures measures) {
        this.access = access;
        this.assignments = assignments;
        this.measures = measures;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/assignments/{assignmentId}/rating")
    String form(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @RequestParam(required = false) UUID sessionId, Model model) {
        access.prepareChange(actor, clientId, "homework rating form");
        Assignment assignment = assignments.get(actor, clientId, assignmentId);
        return page(clientId, assignment, sessionId, Map.of(), UUID.randomUUID().toString(), model);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/assignments/{assignmentId}/rating")
    String rate(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        access.prepareChange(actor, clientId, "homework rating form");
        Assignment assignment = assignments.get(actor, clientId, assignmentId);
        UUID sessionId = uuid(params.get("sessionId"));
        try {
            measures.rateHomeworkAsClinician(actor, clientId, assignment.id(), new Measures.AnswerInput(uuid(params.get("submissionId")),
                    Instruments.homeworkByClinician().answersFrom(params), sessionId));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return page(clientId, assignment, sessionId, params, params.getOrDefault("submissionId", UUID.randomUUID().toString()), model);
        }
        redirect.addFlashAttribute("notice", "Rating of “" + assignment.title() + "” saved.");
        return sessionId == null ? "redirect:/clients/" + clientId + "/assignments/" + assignment.id()
                : "redirect:/clients/" + clientId + "/sessions/" + sessionId;
    }

    private String page(UUID clientId, Assignment assignment, UUID sessionId, Map<String, String> values,
            String submissionId, Model model) {
        model.addAttribute("instrument", Instruments.homeworkByClinician());
        model.addAttribute("heading", "Rate “" + assignment.title() + "”");
        model.addAttribute("action", "/clients/" + clientId + "/assignments/" + assignment.id() + "/rating"
                + (sessionId == null ? "" : "?sessionId=" + sessionId));
        model.addAttribute("back", sessionId == null ? "/clients/" + clientId + "/assignments/" + assignment.id()
                : "/clients/" + clientId + "/sessions/" + sessionId);
        model.addAttribute("values", values);
        model.addAttribute("submissionId", submissionId);
        model.addAttribute("practice", null);
        return "measures/rate-homework";
    }

    private static UUID uuid(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("sessionId", "is not a valid id");
        }
    }
}
