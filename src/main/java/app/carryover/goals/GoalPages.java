package app.carryover.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.measures.Measure;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** Goal editing for the care team: a new goal, a goal with its history, changes and status. */
@Controller
class GoalPages {

    private final Goals goals;
    private final ClientAccess access;

    GoalPages(Goals goals, ClientAccess access) {
        this.goals = goals;
        this.access = access;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/goals/new")
    String newGoal(Actor actor, @PathVariable UUID clientId, Model model) {
        access.prepareChange(actor, clientId, "new goal form");
        model.addAttribute("clientId", clientId);
        model.addAttribute("goal", null);
        model.addAttribute("measures", Measure.values());
        return "goals/goal-form";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/goals")
    String create(Actor actor, @PathVariable UUID clientId, @RequestParam(defaultValue = "") String statement,
            @RequestParam(defaultValue = "") String whyItMatters, @RequestParam(required = false) GoalTarget.Kind targetKind,
            @RequestParam(required = false) Measure measure, @RequestParam(required = false) GoalTarget.Comparator comparator,
            @RequestParam(required = false) BigDecimal targetValue, @RequestParam(defaultValue = "") String metric,
            @RequestParam(required = false) BigDecimal baseline,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        GoalDraft draft = new GoalDraft(statement, whyItMatters, targetKind, measure, comparator, targetValue, metric,
                baseline, targetDate);
        try {
            goals.create(actor, clientId, draft);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("clientId", clientId);
            model.addAttribute("draft", draft);
            model.addAttribute("measures", Measure.values());
            return "goals/goal-form";
        }
        redirect.addFlashAttribute("notice", "Goal added.");
        return "redirect:/clients/" + clientId;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/goals/{goalId}")
    String goal(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId, Model model) {
        Goal goal = goals.get(actor, clientId, goalId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("goal", goal);
        model.addAttribute("draft", new GoalDraft(goal.statement(), goal.whyItMatters(), goal.target().kind(),
                goal.target().measure(), goal.target().comparator(), goal.target().value(), goal.target().metric(),
                goal.target().baseline(), goal.targetDate()));
        model.addAttribute("history", goals.history(actor, clientId, goalId));
        model.addAttribute("measures", Measure.values());
        model.addAttribute("statuses", GoalStatus.values());
        return "goals/goal-form";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/goals/{goalId}")
    String update(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId,
            @RequestParam(defaultValue = "") String statement, @RequestParam(defaultValue = "") String whyItMatters,
            @RequestParam(required = false) GoalTarget.Kind targetKind, @RequestParam(required = false) Measure measure,
            @RequestParam(required = false) GoalTarget.Comparator comparator,
            @RequestParam(required = false) BigDecimal targetValue, @RequestParam(defaultValue = "") String metric,
            @RequestParam(required = false) BigDecimal baseline,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        GoalDraft draft = new GoalDraft(statement, whyItMatters, targetKind, measure, comparator, targetValue, metric,
                baseline, targetDate);
        try {
            int expected = version == null ? goals.get(actor, clientId, goalId).version() : version;
            goals.update(actor, clientId, goalId, draft, expected, note.isBlank() ? null : note);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            String page = goal(actor, clientId, goalId, model);
            model.addAttribute("draft", draft);
            return page;
        }
        redirect.addFlashAttribute("notice", "Goal saved; the earlier version is in its history.");
        return "redirect:/clients/" + clientId + "/goals/" + goalId;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/goals/{goalId}/status")
    String status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId, @RequestParam GoalStatus status,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        goals.setStatus(actor, clientId, goalId, status, note.isBlank() ? null : note);
        redirect.addFlashAttribute("notice", "Goal marked " + status.label() + ".");
        return "redirect:/clients/" + clientId + "/goals/" + goalId;
    }
}
