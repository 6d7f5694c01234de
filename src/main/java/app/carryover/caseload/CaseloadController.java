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

/** The clinician's caseload list and the form that invites a client. */
@Controller
class CaseloadController {

    /** A line of the caseload: the client and what their clinician should know at a glance. */
    record Line(ClientRecord client, boolean termsWithdrawn) {
    }

    private final Caseload caseload;
    private final Consents consents;
    private final Practices practices;

    CaseloadController(Caseload caseload, Consents consents, Practices practices) {
        this.caseload = caseload;
        this.consents = consents;
        this.practices = practices;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/caseload")
    String caseload(Actor actor, Model model) {
        model.addAttribute("clients", caseload.mine(actor).stream()
                .map(c -> new Line(c, consents.hasWithdrawnTerms(c.practiceId(), c.id()))).toList());
        model.addAttribute("zones", TimeZones.COMMON);
        model.addAttribute("defaultZone", practices.of(actor).timeZone().getId());
        return "caseload/caseload";
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/caseload/invite")
    String invite(Actor actor, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String timeZone,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            caseload.invite(actor, displayName, email, timeZone);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("displayName", displayName);
            model.addAttribute("email", email);
            String page = caseload(actor, model);
            model.addAttribute("defaultZone", timeZone);
            return page;
        }
        redirect.addFlashAttribute("notice", "Invitation sent to " + email.trim() + ".");
        return "redirect:/caseload";
    }

}
