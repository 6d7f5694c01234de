package app.carryover.practice;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import app.carryover.system.Role;

/** Accepting an invitation: the link's page where the invited person chooses a password. */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/invitations/{token}")
    String form(@PathVariable String token, Model model) {
        Invitations.Pending pending = invitations.open(token);
        fill(model, token, pending);
        return "practice/invitation";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, @RequestParam(defaultValue = "false") boolean linksOnly,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Invitations.Pending pending = invitations.open(token);
        boolean byLinks = linksOnly && invitations.mailsLinks();
        try {
            invitations.accept(token, password, confirmation, byLinks,
                    LocaleContextHolder.getLocale());
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            fill(model, token, pending);
            return "practice/invitation";
        }
        if (byLinks) {
            // Straight to the form that e-mails a sign-in link, with the address already filled in.
            redirect.addFlashAttribute("linkEmail", pending.account().email());
            return "redirect:/signin?links";
        }
        return "redirect:/signin?welcome";
    }

    private void fill(Model model, String token, Invitations.Pending pending) {
        model.addAttribute("token", token);
        model.addAttribute("name", pending.account().displayName());
        model.addAttribute("email", pending.account().email());
        model.addAttribute("practiceName", pending.practiceName());
        model.addAttribute("client", pending.account().roles().contains(Role.CLIENT));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("mailsLinks", invitations.mailsLinks());
    }
}
