package app.carryover.practice;

import java.util.EnumSet;
import java.util.List;
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
import app.carryover.system.Role;

/** An invitation made without a mail server: whom it is for and the link to hand over. */
record UnsentInvitation(String name, String email, String link) {
}

/** The admin's pages for the practice's people and settings. */
@Controller
class AdminController {

    private final Practices practices;
    private final Invitations invitations;

    AdminController(Practices practices, Invitations invitations) {
        this.practices = practices;
        this.invitations = invitations;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/people")
    String people(Actor actor, Model model) {
        model.addAttribute("practice", practices.of(actor));
        model.addAttribute("staff", practices.staff(actor));
        return "practice/admin-people";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/invite")
    String invite(Actor actor, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (String role : roles) {
                if ("ADMIN".equals(role) || "CLINICIAN".equals(role)) {
                    granted.add(Role.valueOf(role));
                }
            }
        }
        Invitations.Sent sent;
        try {
            sent = invitations.invite(actor, email, displayName, granted);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return people(actor, model);
        }
        if (sent.unsentLink() != null) {
            return unsent(actor, displayName.trim(), email.trim(), sent.unsentLink(), model);
        }
        redirect.addFlashAttribute("notice", "Invitation sent to " + email.trim() + ".");
        return "redirect:/admin/people";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/resend")
    String resend(Actor actor, @PathVariable UUID accountId, Model model, RedirectAttributes redirect) {
        Invitations.Sent sent = invitations.resend(actor, accountId);
        if (sent.unsentLink() != null) {
            var person = practices.staff(actor).stream().filter(p -> p.id().equals(accountId)).findFirst().orElseThrow();
            return unsent(actor, person.displayName(), person.email(), sent.unsentLink(), model);
        }
        redirect.addFlashAttribute("notice", "A new invitation link was sent.");
        return "redirect:/admin/people";
    }

    /**
     * No mail server: the page itself hands the admin the link they just made (shown once, in this
     * answer only, never stored or sent on), and says plainly that nothing was e-mailed.
     */
    private String unsent(Actor actor, String name, String email, String link, Model model) {
        model.addAttribute("unsent", new UnsentInvitation(name, email, link));
        return people(actor, model);
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/settings")
    String settings(Actor actor, Model model) {
        model.addAttribute("practice", practices.of(actor));
        model.addAttribute("zones", TimeZones.COMMON);
        if (!model.containsAttribute("sessionHours")) {
            model.addAttribute("sessionHours", practices.sessionHours(actor));
        }
        return "practice/admin-settings";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/settings")
    String saveSettings(Actor actor, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "false") boolean requireSecondFactor,
            @RequestParam(defaultValue = "3") int backdateDays, @RequestParam(defaultValue = "") String emergencyContacts,
            @RequestParam(required = false) Integer sessionHours,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (sessionHours != null) {
                model.addAttribute("sessionHours", sessionHours);
                Practices.checkSessionHours(sessionHours);
            }
            practices.updateSettings(actor, name, timeZone, requireSecondFactor, backdateDays, emergencyContacts);
            if (sessionHours != null) {
                practices.setSessionHours(actor, sessionHours);
            }
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return settings(actor, model);
        }
        redirect.addFlashAttribute("notice", "Settings saved.");
        return "redirect:/admin/settings";
    }
}
