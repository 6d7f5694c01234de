package app.carryover.reminders;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/**
 * The care team's view of a client's reminders: their choices and channels (with any delivery
 * problem), and per assignment "reminded 6 times, opened 4, practised 3" over four weeks, with
 * the latest messages.
 */
@Controller
class ReminderFunnelPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    /** One assignment's line. */
    record Line(String title, Funnels.Steps steps, String words) {
    }

    /** An escalation step, for the care team. */
    record Step(UUID id, String title, String what, String why, boolean open, boolean task) {
    }

    /** One recent message. */
    record Recent(String due, String channel, String state, boolean opened, String note) {
    }

    private final ClientAccess access;
    private final Assignments assignments;
    private final ReminderPreferences preferences;
    private final Funnels funnels;
    private final MessageRepository messages;
    private final Practices people;
    private final EscalationRepository escalations;
    private final Escalations escalating;

    ReminderFunnelPages(ClientAccess access, Assignments assignments, ReminderPreferences preferences, Funnels funnels,
            MessageRepository messages, Practices people, EscalationRepository escalations, Escalations escalating) {
        this.escalations = escalations;
        this.escalating = escalating;
        this.access = access;
        this.assignments = assignments;
        this.preferences = preferences;
        this.funnels = funnels;
        this.messages = messages;
        this.people = people;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/reminders")
    String funnel(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "reminders");
        String email = people.person(client.practiceId(), client.accountId()).map(Practices.Person::email).orElse(null);
        ReminderPreferences.View view = preferences.view(client, email);
        ZoneId zone = view.zone();
        var since = funnels.since(zone);
        Map<UUID, String> titles = assignments.list(actor, clientId).stream()
                .collect(Collectors.toMap(Assignment::id, Assignment::title));
        List<Line> lines = new ArrayList<>();
        funnels.ofClient(client.practiceId(), client.id(), since).forEach((id, steps) -> lines.add(new Line(
                id == null ? "Looking back before sessions" : titles.getOrDefault(id, "An assignment"), steps, words(steps))));
        funnels.questionnairesOf(client.practiceId(), client.id(), since)
                .ifPresent(steps -> lines.add(new Line("Questionnaires", steps, words(steps, "answered"))));
        List<Recent> recent = messages.ofClientSince(client.practiceId(), client.id(), since).stream()
                .sorted((a, b) -> b.dueAt().compareTo(a.dueAt())).limit(20)
                .map(m -> new Recent(WHEN.format(m.dueAt().atZone(zone)), m.channel(), m.state().name().toLowerCase(),
                        m.openedAt() != null, m.lastError()))
                .toList();
        model.addAttribute("client", client);
        model.addAttribute("view", view);
        model.addAttribute("since", since);
        model.addAttribute("lines", lines);
        model.addAttribute("recent", recent);
        model.addAttribute("escalations", escalations.ofClient(client.practiceId(), client.id()).stream()
                .map(e -> new Step(e.id(), titles.getOrDefault(e.assignmentId(), "An assignment"),
                        e.step().equals("TASK") ? "Follow-up for you" : "Nudge sent to the client",
                        "no practice logged since " + MessageWords.day(e.since().minusDays(1)), e.resolvedAt() == null,
                        e.step().equals("TASK")))
                .toList());
        return "reminders/funnel";
    }

    /** A follow-up task is dealt with. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/reminders/tasks/done")
    String done(Actor actor, @PathVariable UUID clientId, @RequestParam(required = false) UUID taskId, RedirectAttributes redirect) {
        escalating.resolve(actor, clientId, taskId);
        redirect.addFlashAttribute("notice", "Marked as dealt with.");
        return "redirect:/clients/" + clientId + "/reminders";
    }

    /** "Reminded 6 times, delivered 5, opened 4, practised 3." */
    static String words(Funnels.Steps s) {
        return words(s, "practised");
    }

    /** The funnel in words, its last step named by the verb ("practised", or "answered" for questionnaires). */
    static String words(Funnels.Steps s, String lastStep) {
        StringBuilder text = new StringBuilder("Reminded ").append(times(s.sent()));
        if (s.delivered() > 0) {
            text.append(", delivered ").append(s.delivered());
        }
        text.append(", opened ").append(s.opened()).append(", ").append(lastStep).append(' ').append(s.practised());
        if (s.notSent() > 0) {
            text.append("; ").append(s.notSent()).append(" not sent (already done, paused or no channel)");
        }
        return text.append('.').toString();
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }
}
