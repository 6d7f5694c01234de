package app.carryover.reminders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A clinician's e-mail from Carryover: the morning digest on or off and its hour, and the notice that a
 * client sent a question (on unless turned off).
 */
@Controller
class DigestPages {

    private final ClinicianDigest digest;
    private final QuestionNotices questionNotices;

    DigestPages(ClinicianDigest digest, QuestionNotices questionNotices) {
        this.digest = digest;
        this.questionNotices = questionNotices;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/settings/digest")
    String page(Actor actor, Model model) {
        PreferenceRepository.Digest choice = digest.choice(actor);
        model.addAttribute("choice", choice);
        model.addAttribute("questionNotices", questionNotices.byEmail(actor));
        if (!model.containsAttribute("hour")) {
            model.addAttribute("hour", String.valueOf(choice.hour()));
        }
        return "reminders/digest";
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/settings/digest")
    String save(Actor actor, @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String hour,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            digest.choose(actor, enabled, hour);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("hour", hour);
            return page(actor, model);
        }
        redirect.addFlashAttribute("notice", enabled ? "Your morning summary is on." : "Your morning summary is off.");
        return "redirect:/settings/digest";
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/settings/question-notices")
    String saveQuestionNotices(Actor actor, @RequestParam(defaultValue = "false") boolean questions,
            RedirectAttributes redirect) {
        questionNotices.choose(actor, questions);
        redirect.addFlashAttribute("notice", questions
                ? "You will get an e-mail when a client sends a question or request."
                : "No more e-mails about clients' questions: you will see them on your caseload.");
        return "redirect:/settings/digest";
    }
}
