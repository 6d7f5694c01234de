package app.carryover.practice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

/** The admin's page of unusual access alerts: what happened, acknowledging it, and the practice's thresholds. */
@Controller
class AccessAlertController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** One alert as the page shows it, its times in the practice's zone. */
    record Line(UnusualAccess.Alert alert, String stretch, String usual, String raised, String acknowledged,
            String auditLink) {
    }

    private final UnusualAccess unusualAccess;
    private final Practices practices;

    AccessAlertController(UnusualAccess unusualAccess, Practices practices) {
        this.unusualAccess = unusualAccess;
        this.practices = practices;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/access-alerts")
    String page(Actor actor, Model model) {
        ZoneId zone = practices.zoneOf(actor.practiceId());
        List<Line> lines = unusualAccess.alerts(actor, 50).stream().map(a -> line(a, zone)).toList();
        model.addAttribute("open", lines.stream().filter(l -> l.alert().open()).toList());
        model.addAttribute("done", lines.stream().filter(l -> !l.alert().open()).toList());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("policy", unusualAccess.policy(actor));
        model.addAttribute("fields", fields(unusualAccess.policy(actor)));
        return "practice/admin-access-alerts";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/access-alerts/thresholds")
    String thresholds(Actor actor, @RequestParam(required = false) String windowMinutes,
            @RequestParam(required = false) String multiple, @RequestParam(required = false) String floor,
            @RequestParam(required = false) String baselineDays, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            UnusualAccess.Policy p = unusualAccess.setPolicy(actor, number(windowMinutes), number(multiple), number(floor),
                    number(baselineDays));
            redirect.addFlashAttribute("notice", "Saved: an alert when one account reads at least " + p.floor()
                    + " different clients within " + p.windowMinutes() + " minutes and at least " + p.multiple()
                    + " times its usual.");
            return "redirect:/admin/access-alerts";
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return page(actor, model);
        }
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/access-alerts/{accessAlertId}/acknowledgement")
    String acknowledge(Actor actor, @PathVariable UUID accessAlertId, @RequestParam(required = false) String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            UnusualAccess.Alert alert = unusualAccess.acknowledge(actor, accessAlertId, note);
            redirect.addFlashAttribute("notice", "Acknowledged the alert about " + alert.accountLabel() + ".");
            return "redirect:/admin/access-alerts";
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            model.addAttribute("refusedAlert", accessAlertId);
            return page(actor, model);
        }
    }

    /** One threshold field of the form. */
    record Field(String name, String label, int value, int min, int max, String hint) {
    }

    private static List<Field> fields(UnusualAccess.Policy p) {
        UnusualAccess.Policy d = UnusualAccess.Policy.DEFAULT;
        return List.of(
                new Field("windowMinutes", "Within how many minutes", p.windowMinutes(), 15, 1440,
                        "The short stretch of time looked at; default " + d.windowMinutes() + "."),
                new Field("floor", "At least this many different clients", p.floor(), 5, 10000,
                        "Fewer never raises an alert, whatever the account usually does; default " + d.floor() + "."),
                new Field("multiple", "And at least this many times the account's usual", p.multiple(), 2, 20,
                        "Usual: the account's busy stretches of the same length in its own history; default "
                                + d.multiple() + "."),
                new Field("baselineDays", "History looked at, in days", p.baselineDays(), 7, 180,
                        "Default " + d.baselineDays() + "."));
    }

    private static Integer number(String typed) {
        return typed == null || !typed.strip().matches("\\d{1,6}") ? null : Integer.valueOf(typed.strip());
    }

    private static Line line(UnusualAccess.Alert a, ZoneId zone) {
        var first = a.firstRead().atZone(zone).toLocalDate();
        var last = a.lastRead().atZone(zone).toLocalDate();
        return new Line(a, UnusualAccess.stretch(a, zone), UnusualAccess.usualInWords(a), WHEN.format(a.raisedAt().atZone(zone)),
                a.acknowledgedAt() == null ? null : WHEN.format(a.acknowledgedAt().atZone(zone)),
                "/admin/audit?actor_id=" + a.accountId() + "&action=READ&from=" + first + "&to=" + last);
    }
}
