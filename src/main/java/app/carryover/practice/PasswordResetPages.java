package app.carryover.practice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Forgot your password?": ask for a link (the same answer for every address), open it, choose a new
 * password. Public pages; the link itself is the proof.
 */
@Controller
class PasswordResetPages {

    private final LinkRequests requests;
    private final PasswordResets resets;

    PasswordResetPages(LinkRequests requests, PasswordResets resets) {
        this.requests = requests;
        this.resets = resets;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/reset")
    String askForm() {
        return "practice/reset-ask";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/signin/reset")
    String ask(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        requests.ask(LinkRequests.Kind.PASSWORD_RESET, email, request.getRemoteAddr());
        return "redirect:/signin/reset/sent";
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/reset/sent")
    String sent() {
        return "practice/reset-sent";
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/reset/new")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", resets.open(token).isPresent());
        return "practice/reset-new";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/signin/reset/new")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        try {
            resets.reset(token, password, confirmation);
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                model.addAttribute("token", token);
                model.addAttribute("valid", false);
                response.setStatus(e.status().value());
                return "practice/reset-new";
            }
            FormErrors.reject(e, model, response);
            model.addAttribute("token", token);
            model.addAttribute("valid", true);
            return "practice/reset-new";
        }
        return "redirect:/signin?password-reset";
    }
}
