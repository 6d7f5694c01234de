package app.carryover.practice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Mailer;

/** The sign-in pages; the form posts are handled by Spring Security's filters. */
@Controller
class SignInController {

    private final Mailer mailer;

    SignInController(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Whether sign-in links can be e-mailed at all: without a mail server the page says so instead of offering them. */
    @ModelAttribute("mailsLinks")
    boolean mailsLinks() {
        return mailer.sendsMail();
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin")
    String signIn() {
        return "practice/signin";
    }

    /** The page an e-mailed link opens: a button that signs in, so a mail scanner following the link does not use it up. */
    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/link")
    String link(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", Tokens.wellFormed(token) ? token : "");
        return "practice/signin-link";
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/link/sent")
    String linkSent() {
        return "practice/signin-link-sent";
    }
}
