package app.carryover.client;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.Languages;
import app.carryover.system.ProblemException;
import app.carryover.system.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client chooses the language of their pages, e-mails and reminders: stored on their account,
 * and taken into their session at once so the next page already speaks it.
 */
@Controller
class LanguageController {

    private final Practices practices;
    private final LocaleResolver languages;
    private final Texts texts;

    LanguageController(Practices practices, LocaleResolver languages, Texts texts) {
        this.practices = practices;
        this.languages = languages;
        this.texts = texts;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/settings/language")
    String page(Actor actor, Model model) {
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute("current", texts.locale().getLanguage());
        return "client/language";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/settings/language")
    String choose(Actor actor, @RequestParam(defaultValue = "") String language, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = Languages.of(language).orElse(null);
        try {
            if (chosen == null) {
                throw ProblemException.invalid("language", texts.get("language.choose"));
            }
            practices.chooseLanguage(actor, chosen);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return page(actor, model);
        }
        languages.setLocale(request, response, chosen);
        redirect.addFlashAttribute("notice", texts.in(chosen, "language.saved"));
        return "redirect:/settings/language";
    }
}
