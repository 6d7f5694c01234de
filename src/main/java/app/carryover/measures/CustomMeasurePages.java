package app.carryover.measures;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

/** The practice's measures page for admins: the built-in questionnaires, and single ratings added without code. */
@Controller
class CustomMeasurePages {

    private final Instruments instruments;
    private final RiskAlerts alerts;

    CustomMeasurePages(Instruments instruments, RiskAlerts alerts) {
        this.instruments = instruments;
        this.alerts = alerts;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/measures")
    String page(Actor actor, Model model) {
        model.addAttribute("builtIn", instruments.available(actor.practiceId()).stream()
                .filter(i -> i.customMeasureId() == null).toList());
        model.addAttribute("custom", instruments.custom(actor));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("min", "0", "max", "10"));
        }
        EscalationRule rule = alerts.rule(actor.practiceId());
        model.addAttribute("rule", rule);
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", Map.of("hours", String.valueOf(rule.hours()), "dayStart",
                    String.valueOf(rule.dayStartHour()), "dayEnd", String.valueOf(rule.dayEndHour())));
            model.addAttribute("ruleDays", rule.workingDays());
        }
        model.addAttribute("weekdays", DayOfWeek.values());
        return "measures/admin";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/measures")
    String add(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            CustomMeasure added = instruments.addCustom(actor, new Instruments.CustomInput(form.get("name"),
                    form.get("question"), number(form, "min"), number(form, "max"), form.get("minLabel"),
                    form.get("maxLabel"), "true".equals(form.get("higherIsWorse")), number(form, "riskAt")));
            redirect.addFlashAttribute("notice", "Added " + added.name() + ": clinicians can now schedule it and give it in session.");
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("form", form);
            return page(actor, model);
        }
        return "redirect:/admin/measures";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/measures/{customMeasureId}/retire")
    String retire(Actor actor, @PathVariable UUID customMeasureId, RedirectAttributes redirect) {
        instruments.retireCustom(actor, customMeasureId);
        redirect.addFlashAttribute("notice", "Retired. Answers already given stay in the clients' records.");
        return "redirect:/admin/measures";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/measures/escalation")
    String escalationRule(Actor actor, @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<DayOfWeek> days, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            EscalationRule rule = alerts.setRule(actor, lenient(form.get("hours")), lenient(form.get("dayStart")),
                    lenient(form.get("dayEnd")), days == null ? Set.of() : EnumSet.copyOf(days));
            redirect.addFlashAttribute("notice", "Unacknowledged risk alerts now escalate after " + rule.describe() + ".");
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("ruleForm", form);
            model.addAttribute("ruleDays", days == null ? Set.of() : Set.copyOf(days));
            return page(actor, model);
        }
        return "redirect:/admin/measures";
    }

    /** A whole number; anything else becomes -1, which the service's range checks refuse with the field. */
    private static Integer lenient(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A whole number from the form; empty is none; anything else is refused with its field. */
    private static Integer number(Map<String, String> form, String field) {
        String raw = form.getOrDefault(field, "").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }
}
