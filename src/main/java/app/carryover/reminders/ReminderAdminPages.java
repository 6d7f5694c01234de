package app.carryover.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin's reminder page: the practice's defaults and escalation, the last four weeks per channel,
 * and every message in trouble (retrying, failed, dead, expired) with the reason and, for those that
 * ended, a button to send it again. Names and reasons only, never clinical content.
 */
@Controller
class ReminderAdminPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** A message in trouble, for the table. */
    record Trouble(UUID id, String client, String channel, String due, String state, int attempts, String error,
            boolean retryable) {
    }

    private final ReminderAdmin admin;
    private final Funnels funnels;
    private final Caseload caseload;
    private final Practices practices;
    private final Clock clock;

    ReminderAdminPages(ReminderAdmin admin, Funnels funnels, Caseload caseload, Practices practices, Clock clock) {
        this.admin = admin;
        this.funnels = funnels;
        this.caseload = caseload;
        this.practices = practices;
        this.clock = clock;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/reminders")
    String page(Actor actor, Model model) {
        PreferenceRepository.Defaults defaults = admin.defaults(actor);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of("times", String.join(", ", defaults.times().stream().map(ReminderTimes::format).toList()),
                    "quietStart", ReminderTimes.format(defaults.quiet().start()),
                    "quietEnd", ReminderTimes.format(defaults.quiet().end()),
                    "nudgeAfterDays", defaults.nudgeAfterDays() == null ? "" : defaults.nudgeAfterDays().toString(),
                    "taskAfterDays", defaults.taskAfterDays() == null ? "" : defaults.taskAfterDays().toString()));
        }
        ZoneId zone = practices.zoneOf(actor.practiceId());
        var since = funnels.since(zone);
        Map<UUID, String> names = caseload.everyone(actor).stream().collect(Collectors.toMap(ClientRecord::id, ClientRecord::displayName));
        model.addAttribute("since", since);
        model.addAttribute("channels", funnels.ofPractice(actor.practiceId(), since));
        model.addAttribute("troubles", funnels.troubles(actor.practiceId(), since).stream()
                .map(m -> new Trouble(m.id(), names.getOrDefault(m.clientId(), "a client"), m.channel(),
                        WHEN.format(m.dueAt().atZone(zone)), m.state().name().toLowerCase(), m.attempts(), m.lastError(),
                        m.state() != MessageState.RETRYING))
                .toList());
        Instant now = clock.instant();
        model.addAttribute("refusedWebhooks", funnels.refusedWebhooks(now.minus(Duration.ofDays(Funnels.DAYS))));
        return "reminders/admin";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/reminders/settings")
    String save(Actor actor, @RequestParam(defaultValue = "") String times, @RequestParam(defaultValue = "") String quietStart,
            @RequestParam(defaultValue = "") String quietEnd, @RequestParam(defaultValue = "") String nudgeAfterDays,
            @RequestParam(defaultValue = "") String taskAfterDays, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            admin.saveDefaults(actor, times, quietStart, quietEnd, nudgeAfterDays, taskAfterDays);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("entered", Map.of("times", times, "quietStart", quietStart, "quietEnd", quietEnd,
                    "nudgeAfterDays", nudgeAfterDays, "taskAfterDays", taskAfterDays));
            return page(actor, model);
        }
        redirect.addFlashAttribute("notice", "Saved. Clients who have not chosen their own times follow these.");
        return "redirect:/admin/reminders";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/reminders/retry")
    String retry(Actor actor, @RequestParam UUID messageId, RedirectAttributes redirect) {
        admin.retry(actor, messageId);
        redirect.addFlashAttribute("notice", "It will be sent again now (or when the client's quiet hours end).");
        return "redirect:/admin/reminders";
    }
}
