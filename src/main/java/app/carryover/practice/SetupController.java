package app.carryover.practice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The first-run page that creates the practice and its first admin. */
@Controller
class SetupController {

    private final FirstRun firstRun;

    SetupController(FirstRun firstRun) {
        this.firstRun = firstRun;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        firstRun.checkToken(token);
        model.addAttribute("token", token);
        model.addAttribute("form", new FirstRun.Setup("", "Europe/London", "", "", "", "", true));
        model.addAttribute("zones", TimeZones.COMMON);
        return "practice/setup";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/setup")
    String submit(@RequestParam(defaultValue = "") String token, @ModelAttribute("form") SetupForm form, Model model,
            HttpServletResponse response) {
        FirstRun.Setup setup = form.toSetup();
        try {
            firstRun.setUp(token, setup);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("token", token);
            model.addAttribute("form", setup);
            model.addAttribute("zones", TimeZones.COMMON);
            return "practice/setup";
        }
        return "redirect:/signin?set-up";
    }

    /** Form binding for the setup page. */
    static final class SetupForm {
        private String practiceName;
        private String timeZone;
        private String displayName;
        private String email;
        private String password;
        private String confirmation;
        private boolean alsoClinician;

        FirstRun.Setup toSetup() {
            return new FirstRun.Setup(practiceName, timeZone, displayName, email, password, confirmation, alsoClinician);
        }

        public void setPracticeName(String practiceName) {
            this.practiceName = practiceName;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public void setConfirmation(String confirmation) {
            this.confirmation = confirmation;
        }

        public void setAlsoClinician(boolean alsoClinician) {
            this.alsoClinician = alsoClinician;
        }
    }
}
