package app.carryover.reminders;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Role;

/** The admin's side: the practice's defaults and escalation, and sending a failed message again. */
@Service
class ReminderAdmin {

    private final PreferenceRepository store;
    private final MessageRepository messages;
    private final Dispatcher dispatcher;
    private final AuditTrail audit;
    private final Clock clock;

    ReminderAdmin(PreferenceRepository store, MessageRepository messages, Dispatcher dispatcher, AuditTrail audit, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
    }

    PreferenceRepository.Defaults defaults(Actor admin) {
        requireAdmin(admin);
        return store.defaults(admin.practiceId());
    }

    /** Saves the defaults; every field at fault is named. Blank escalation days turn that step off. */
    @Transactional
    void saveDefaults(Actor admin, String times, String quietStart, String quietEnd, String nudgeAfterDays,
            String taskAfterDays) {
        requireAdmin(admin);
        List<FieldProblem> problems = new ArrayList<>();
        QuietHours quiet = null;
        try {
            LocalTime start = ReminderTimes.time("quietStart", quietStart);
            LocalTime end = ReminderTimes.time("quietEnd", quietEnd);
            if (start.equals(end)) {
                problems.add(new FieldProblem("quietEnd", "must differ from the start"));
            } else {
                quiet = new QuietHours(start, end);
            }
        } catch (ProblemException e) {
            problems.addAll(e.fields());
        }
        List<LocalTime> parsed = null;
        try {
            parsed = ReminderTimes.parse("times", times, quiet);
        } catch (ProblemException e) {
            problems.addAll(e.fields());
        }
        Integer nudge = days("nudgeAfterDays", nudgeAfterDays, 14, problems);
        Integer task = days("taskAfterDays", taskAfterDays, 28, problems);
        if (nudge != null && task != null && task <= nudge) {
            problems.add(new FieldProblem("taskAfterDays", "must be more days than the nudge (" + nudge + ")"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        store.saveDefaults(admin.practiceId(), new PreferenceRepository.Defaults(parsed, quiet, nudge, task),
                admin.accountId(), clock.instant());
        audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "reminder defaults", admin.practiceId(),
                "changed the practice's reminder times, quiet hours or escalation"));
    }

    /** Sends a failed, dead or expired message again; 404 for another practice's, 409 for one on its way. */
    @Transactional
    void retry(Actor admin, UUID messageId) {
        requireAdmin(admin);
        StoredMessage m = messages.find(admin.practiceId(), messageId).orElseThrow(() -> ProblemException.notFound("Message"));
        if (!dispatcher.requeue(m)) {
            throw ProblemException.conflict("Only a failed, dead or expired message can be sent again; this one is "
                    + m.state().name().toLowerCase() + ".");
        }
        audit.record(AuditEntry.by(admin, m.clientId(), AuditAction.CHANGE, "reminder message", messageId,
                "sent a " + m.state().name().toLowerCase() + " " + m.channel() + " reminder again"));
    }

    private static Integer days(String field, String text, int most, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1 || n > most) {
                problems.add(new FieldProblem(field, "must be between 1 and " + most + " days, or empty for off"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a whole number of days, or empty for off"));
            return null;
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins manage reminder settings.");
        }
    }
}
