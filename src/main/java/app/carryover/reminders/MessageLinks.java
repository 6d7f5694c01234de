package app.carryover.reminders;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import app.carryover.caseload.ClientRecord;
import app.carryover.practice.LinkSignIn;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.ProblemException;
import app.carryover.system.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The links in a reminder message. Following one (GET) only shows a page with a button, so a mail
 * scanner that fetches links changes nothing; the button (POST, with the page's CSRF token) acts.
 * The secret in the address is the only key: unknown secrets get 404.
 */
@Controller
class MessageLinks {

    private static final Set<String> ACTIONS = Set.of("open", "done", "snooze", "later", "skip");

    private final MessageActions actions;
    private final LinkSignIn signIn;

    private final Texts texts;

    MessageLinks(MessageActions actions, LinkSignIn signIn, Texts texts) {
        this.texts = texts;
        this.actions = actions;
        this.signIn = signIn;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/r/{secret}")
    String page(@PathVariable String secret, Model model) {
        return show(secret, null, model);
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/r/{secret}/{action}")
    String confirm(@PathVariable String secret, @PathVariable String action, Model model) {
        if (!ACTIONS.contains(action)) {
            throw ProblemException.notFound("Page");
        }
        return show(secret, action, model);
    }

    /** Signs the client in once, while the link is fresh, straight to that practice on Today. */
    @Access(AccessRule.PUBLIC)
    @PostMapping("/r/{secret}/open")
    String open(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        MessageActions.Page page = actions.page(secret);
        Optional<ClientRecord> client = actions.useSignIn(secret);
        String target = "/today" + (page.firstAssignment() == null ? "" : "#a-" + page.firstAssignment());
        if (client.isPresent() && signIn.signInClient(client.get().practiceId(), client.get().accountId(),
                "a reminder link", target, request, response)) {
            return null;
        }
        model.addAttribute("result", "This link has already signed you in once, or it is more than a few hours old. "
                + "Sign in to see your practice.");
        model.addAttribute("signInNeeded", true);
        return show(secret, null, model);
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/r/{secret}/{action}")
    String act(@PathVariable String secret, @PathVariable String action, Model model, HttpServletResponse response) {
        try {
            String result = switch (action) {
                case "done" -> actions.done(secret);
                case "snooze" -> actions.snooze(secret);
                case "later" -> actions.later(secret);
                case "skip" -> actions.skip(secret);
                default -> throw ProblemException.notFound("Page");
            };
            model.addAttribute("result", result);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.getMessage());
        }
        return show(secret, null, model);
    }

    private String show(String secret, String focus, Model model) {
        MessageActions.Page page = actions.page(secret);
        model.addAttribute("page", page);
        model.addAttribute("secret", secret);
        model.addAttribute("focus", focus);
        model.addAttribute("day", MessageWords.day(page.message().localDate(), texts.locale()));
        model.addAttribute("headline", MessageWords.headline(page.reminders(), texts, texts.locale()));
        return "reminders/message";
    }
}
