package app.carryover.reminders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import app.carryover.caseload.Consents;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.ProblemException;

/**
 * One-click unsubscribe per channel, from any message's link: the GET shows a button (a scanner
 * following the link changes nothing); the POST, from that button or from a mail app's
 * unsubscribe button (RFC 8058 {@code List-Unsubscribe=One-Click}, which carries no CSRF token),
 * withdraws the channel's consent. Doing it twice is harmless.
 */
@Controller
class Unsubscribe {

    private final MessageActions actions;
    private final ReminderPreferences preferences;
    private final Consents consents;

    Unsubscribe(MessageActions actions, ReminderPreferences preferences, Consents consents) {
        this.actions = actions;
        this.preferences = preferences;
        this.consents = consents;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/unsubscribe/{secret}/{channel}")
    String confirm(@PathVariable String secret, @PathVariable String channel, Model model) {
        actions.message(secret);
        model.addAttribute("channel", channel(channel));
        model.addAttribute("secret", secret);
        return "reminders/unsubscribe";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/unsubscribe/{secret}/{channel}")
    String unsubscribe(@PathVariable String secret, @PathVariable String channel, Model model) {
        StoredMessage m = actions.message(secret);
        ReminderChannel c = channel(channel);
        consents.withdrawForClient(m.practiceId(), m.clientId(), c.consent(), "the unsubscribe link of a reminder");
        model.addAttribute("channel", c);
        model.addAttribute("done", true);
        return "reminders/unsubscribe";
    }

    private ReminderChannel channel(String key) {
        return preferences.channel(key).orElseThrow(() -> ProblemException.notFound("Page"));
    }
}
