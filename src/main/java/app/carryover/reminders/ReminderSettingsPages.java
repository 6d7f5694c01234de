package app.carryover.reminders;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The client's reminder settings: times, quiet hours, channels, titles, the calendar feed, and what is coming. */
@Controller
class ReminderSettingsPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final ReminderPreferences preferences;
    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final CalendarFeeds feeds;
    private final ClientAccess access;
    private final Clock clock;

    private final app.carryover.system.Texts texts;

    ReminderSettingsPages(ReminderPreferences preferences, ReminderRepository reminders, ReminderPlanner planner,
            CalendarFeeds feeds, ClientAccess access, Clock clock, app.carryover.system.Texts texts) {
        this.texts = texts;
        this.preferences = preferences;
        this.reminders = reminders;
        this.planner = planner;
        this.feeds = feeds;
        this.access = access;
        this.clock = clock;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/settings/reminders")
    String settings(Actor actor, Model model) {
        ReminderPreferences.View view = preferences.view(actor);
        model.addAttribute("view", view);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of("times", view.timesText(),
                    "quietStart", view.ownQuiet() ? ReminderTimes.format(view.quiet().start()) : "",
                    "quietEnd", view.ownQuiet() ? ReminderTimes.format(view.quiet().end()) : "",
                    "phone", view.phone() == null ? "" : view.phone()));
        }
        ClientRecord client = access.self(actor, actor.clientId(), "reminder settings");
        model.addAttribute("upcoming", upcoming(client, view.zone()));
        model.addAttribute("feedAddress", feeds.addressOf(client).orElse(null));
        return "reminders/settings";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/settings/reminders")
    String save(Actor actor, @RequestParam(defaultValue = "") String times, @RequestParam(defaultValue = "") String quietStart,
            @RequestParam(defaultValue = "") String quietEnd, @RequestParam(defaultValue = "false") boolean showTitles,
            @RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            preferences.save(actor, times, quietStart, quietEnd, showTitles, phone);
            planner.replan(actor.practiceId(), actor.clientId());
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("entered", Map.of("times", times, "quietStart", quietStart, "quietEnd", quietEnd, "phone", phone));
            return settings(actor, model);
        }
        redirect.addFlashAttribute("notice", texts.get("remindersettings.saved"));
        return "redirect:/settings/reminders";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/settings/reminders/channel")
    String channel(Actor actor, @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "false") boolean on,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            preferences.setChannel(actor, channel, on);
            planner.replan(actor.practiceId(), actor.clientId());
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return settings(actor, model);
        }
        redirect.addFlashAttribute("notice", texts.get(on ? "remindersettings.on.notice" : "remindersettings.off.notice"));
        return "redirect:/settings/reminders";
    }

    /** Makes the calendar feed's address (a new one stops the old one at once). */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/settings/reminders/feed")
    String feed(Actor actor, RedirectAttributes redirect) {
        feeds.renew(actor);
        planner.replan(actor.practiceId(), actor.clientId());
        redirect.addFlashAttribute("notice", texts.get("remindersettings.feedReady"));
        return "redirect:/settings/reminders#calendar";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/settings/reminders/feed/off")
    String feedOff(Actor actor, RedirectAttributes redirect) {
        feeds.revoke(actor);
        redirect.addFlashAttribute("notice", texts.get("remindersettings.feedOff"));
        return "redirect:/settings/reminders#calendar";
    }

    /** The next reminders planned, in the client's words ("Tuesday 3 March 2026 at 19:00"). */
    private List<String> upcoming(ClientRecord client, ZoneId zone) {
        return reminders.plannedAfter(client.practiceId(), client.id(), clock.instant()).stream()
                .map(r -> texts.locale().getLanguage().equals("es")
                        ? app.carryover.system.Dates.when(r.dueAt().atZone(zone), null, texts.locale())
                        : WHEN.format(r.dueAt().atZone(zone))).distinct().limit(6).toList();
    }
}
