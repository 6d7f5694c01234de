package app.carryover.caseload;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.practice.Practices;
import app.carryover.practice.TimeZones;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The form that invites a client (the caseload itself is a clinician screen). */
@Controller
class CaseloadController {

    private final Caseload caseload;
    private final Practices practices;

    CaseloadController(Caseload caseload, Practices practices) {
        this.caseload = caseload;
        this.practices = practices;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/clients/new")
    String inviteForm(Actor actor, Model model) {
        model.addAttribute("zones", TimeZones.COMMON);
        model.addAttribute("defaultZone", practices.of(actor).timeZone().getId());
        return "caseload/invite";
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/caseload/invite")
    String invite(Actor actor, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String language, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Caseload.Invited invited;
        try {
            invited = caseload.invite(actor, displayName, email, timeZone, language);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return inviteForm(actor, model);
        }
        if (invited.unsentLink() != null) {
            // No mail server: the clinician who made the invitation gets its link here, once, to hand over.
            model.addAttribute("unsentName", invited.client().displayName());
            model.addAttribute("unsentEmail", email.trim());
            model.addAttribute("unsentLink", invited.unsentLink());
            model.addAttribute("unsentClient", invited.client().id());
            return inviteForm(actor, model);
        }
        redirect.addFlashAttribute("notice", "Invitation sent to " + email.trim() + ".");
        return "redirect:/caseload";
    }
}
