package app.carryover.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.homework.Dose;
import app.carryover.homework.DuePractice;
import app.carryover.homework.DuePractices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;

/**
 * When practice stops on a daily assignment: after the practice's nudge days without a log, one
 * nudge to the client (a reminder, so never in quiet hours and only on a channel they agreed to);
 * after its task days, a task on the clinician's caseload. Once per run of missed days; nothing for
 * discharged clients or clients who withdrew their consent; logging practice again closes both.
 */
@Service
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final Caseload caseload;
    private final Consents consents;
    private final DuePractices practices;
    private final ReminderPreferences preferences;
    private final PreferenceRepository store;
    private final EscalationRepository escalations;
    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final TransactionTemplate transactions;
    private final ClientAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    Escalations(Caseload caseload, Consents consents, DuePractices practices, ReminderPreferences preferences,
            PreferenceRepository store, EscalationRepository escalations, ReminderRepository reminders,
            ReminderPlanner planner, TransactionTemplate transactions, ClientAccess access, AuditTrail audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.caseload = caseload;
        this.consents = consents;
        this.practices = practices;
        this.preferences = preferences;
        this.store = store;
        this.escalations = escalations;
        this.reminders = reminders;
        this.planner = planner;
        this.transactions = transactions;
        this.clock = clock;
    }

    void sweep() {
        Map<UUID, PreferenceRepository.Defaults> defaults = new HashMap<>();
        for (ClientRecord client : caseload.activeEverywhere()) {
            PreferenceRepository.Defaults d = defaults.computeIfAbsent(client.practiceId(), store::defaults);
            if (d.nudgeAfterDays() == null && d.taskAfterDays() == null) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> escalate(client, d));
            } catch (RuntimeException e) {
                log.warn("Could not check escalation for client {} of practice {}: {}", client.id(), client.practiceId(),
                        e.toString());
            }
        }
    }

    void escalate(ClientRecord client, PreferenceRepository.Defaults d) {
        if (client.discharged() || consents.hasWithdrawnTerms(client.practiceId(), client.id())) {
            return;
        }
        Instant now = clock.instant();
        ReminderPlan.Choices choices = preferences.choices(client);
        LocalDate today = now.atZone(choices.zone()).toLocalDate();
        for (DuePractice p : practices.openOf(client)) {
            if (p.paused() || (p.dose().kind() != Dose.Kind.PER_DAY && p.dose().kind() != Dose.Kind.ON_DAYS)) {
                continue;
            }
            LocalDate lastActive = p.lastLogged() != null ? p.lastLogged() : p.startDate().minusDays(1);
            int missed = missedDays(p, lastActive, today);
            LocalDate since = lastActive.plusDays(1);
            if (d.nudgeAfterDays() != null && missed >= d.nudgeAfterDays()
                    && escalations.record(client.practiceId(), client.id(), p.assignmentId(), "NUDGE", since, now)) {
                nudge(client, p, choices, now);
            }
            if (d.taskAfterDays() != null && missed >= d.taskAfterDays()) {
                escalations.record(client.practiceId(), client.id(), p.assignmentId(), "TASK", since, now);
            }
        }
    }

    /** Days after the last log (or before the start) and before today on which the dose asked for practice. */
    static int missedDays(DuePractice p, LocalDate lastActive, LocalDate today) {
        int missed = 0;
        for (LocalDate day = lastActive.plusDays(1); day.isBefore(today); day = day.plusDays(1)) {
            if (!day.isBefore(p.startDate()) && (p.dose().kind() == Dose.Kind.PER_DAY
                    || p.dose().weekdays().contains(day.getDayOfWeek()))) {
                missed++;
            }
        }
        return missed;
    }

    private void nudge(ClientRecord client, DuePractice p, ReminderPlan.Choices choices, Instant now) {
        ZonedDateTime at = choices.quiet().nextAllowed(now.atZone(choices.zone()).withSecond(0).withNano(0).plusMinutes(1));
        Instant due = at.toInstant();
        if (reminders.plan(client.practiceId(), client.id(), new ReminderPlan.Planned(Subject.NUDGE,
                p.assignmentId().toString(), p.assignmentId(), at.toLocalDate(), "nudge", due), null, now)) {
            planner.schedule(new ReminderTasks.Slot(client.practiceId(), client.id(), due));
        }
    }

    // Practice logged again closes the assignment's open nudge and task: ReminderPlanner's listener does it.

    /** A clinician marks a follow-up task dealt with (the care team, not supervisors). */
    @Transactional
    void resolve(Actor actor, UUID clientId, UUID taskId) {
        ClientRecord client = access.change(actor, clientId, "reminder follow-ups");
        if (taskId == null || !escalations.resolve(client.practiceId(), client.id(), taskId, actor.accountId(), clock.instant())) {
            throw ProblemException.notFound("Follow-up");
        }
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "reminder follow-up", taskId, "marked dealt with"));
    }

    List<EscalationRepository.Escalation> openTasks(UUID practiceId, List<UUID> clientIds) {
        return escalations.openTasks(practiceId, clientIds);
    }
}
