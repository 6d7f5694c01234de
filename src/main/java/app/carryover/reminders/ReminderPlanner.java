package app.carryover.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientDischarged;
import app.carryover.caseload.ClientReadmitted;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.homework.AssignmentChanged;
import app.carryover.homework.DuePractices;
import app.carryover.measures.MeasureAdministered;
import app.carryover.homework.PracticeLogged;
import app.carryover.sessions.SessionRescheduled;

/**
 * Turns each reachable client's open practice into stored reminders for today and tomorrow (their
 * days), each with one scheduled execution per moment. Runs for everyone every quarter hour (only
 * clients whose plan does not yet reach tomorrow are planned), and at once for a client whose
 * homework, sessions or choices change. Planning again is harmless: a slot is stored once, and a
 * planned reminder no longer in the plan is cancelled.
 */
@Service
class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final Caseload caseload;
    private final Consents consents;
    private final DuePractices practices;
    private final DueQuestionnaires questionnaires;
    private final ReminderPreferences preferences;
    private final PreferenceRepository store;
    private final ReminderRepository reminders;
    private final EscalationRepository escalations;
    private final List<ReminderChannel> channels;
    private final OneTimeTask<ReminderTasks.Slot> slotTask;
    private final ObjectProvider<Scheduler> scheduler;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderPlanner(Caseload caseload, Consents consents, DuePractices practices, DueQuestionnaires questionnaires,
            ReminderPreferences preferences,
            PreferenceRepository store, ReminderRepository reminders, EscalationRepository escalations,
            List<ReminderChannel> channels,
            OneTimeTask<ReminderTasks.Slot> reminderSlot, ObjectProvider<Scheduler> scheduler,
            TransactionTemplate transactions, Clock clock) {
        this.caseload = caseload;
        this.consents = consents;
        this.practices = practices;
        this.questionnaires = questionnaires;
        this.preferences = preferences;
        this.store = store;
        this.reminders = reminders;
        this.escalations = escalations;
        this.channels = channels;
        this.slotTask = reminderSlot;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Plans every client whose plan does not reach tomorrow yet; one failing client does not stop the rest. */
    void sweep() {
        for (ClientRecord client : caseload.activeEverywhere()) {
            try {
                LocalDate today = clock.instant().atZone(preferences.zone(client)).toLocalDate();
                LocalDate through = preferences.stored(client).plannedThrough();
                if (through == null || through.isBefore(today.plusDays(1))) {
                    transactions.executeWithoutResult(status -> plan(client));
                }
            } catch (RuntimeException e) {
                log.warn("Could not plan reminders for client {} of practice {}: {}", client.id(), client.practiceId(),
                        e.toString());
            }
        }
    }

    /** Plans today and tomorrow for one client (in the caller's transaction). Returns the reminders now planned ahead. */
    @Transactional
    int plan(ClientRecord client) {
        reminders.lockClient(client.id());
        Instant now = clock.instant();
        ReminderPlan.Choices choices = preferences.choices(client);
        LocalDate today = now.atZone(choices.zone()).toLocalDate();
        LocalDate through = today.plusDays(1);
        Set<String> wanted = new HashSet<>();
        int ahead = 0;
        if (!client.discharged() && reachable(client)) {
            var open = practices.openOf(client);
            for (LocalDate day = today; !day.isAfter(through); day = day.plusDays(1)) {
                List<ReminderPlan.Planned> planned = new ArrayList<>(ReminderPlan.forDay(day, choices, open));
                Instant firstTime = ZonedDateTime.of(day, choices.times().get(0), choices.zone()).toInstant();
                if (firstTime.isAfter(now)) {
                    planned.addAll(ReminderPlan.measuresForDay(day, choices, questionnaires.at(client, firstTime)));
                }
                for (ReminderPlan.Planned p : planned) {
                    if (!p.dueAt().isAfter(now)) {
                        continue;
                    }
                    wanted.add(key(p.subject(), p.subjectKey(), p.localDate(), p.slot()));
                    ahead++;
                    if (reminders.plan(client.practiceId(), client.id(), p, null, now)) {
                        schedule(new ReminderTasks.Slot(client.practiceId(), client.id(), p.dueAt()));
                    }
                }
            }
            store.setPlannedThrough(client.practiceId(), client.id(), through, now);
        }
        for (StoredReminder r : reminders.plannedAfter(client.practiceId(), client.id(), now)) {
            boolean snoozed = r.snoozedFrom() != null || r.subject() == Subject.NUDGE;
            if (!snoozed && !wanted.contains(key(r.subject(), r.subjectKey(), r.localDate(), r.slot()))) {
                reminders.setState(client.practiceId(), r.id(), "CANCELLED", "no longer in the plan", now);
            }
        }
        return ahead;
    }

    /** Schedules the execution for a moment (once, however many reminders share it), with the caller's transaction. */
    void schedule(ReminderTasks.Slot slot) {
        scheduler.getObject().scheduleIfNotExists(slotTask.instance(slot.instanceId(), slot), slot.dueAt());
    }

    /** A client is planned for when some channel may reach them or they keep a calendar feed. */
    private boolean reachable(ClientRecord client) {
        if (preferences.stored(client).feedSealed() != null) {
            return true;
        }
        return channels.stream().anyMatch(c -> c.available() && consents.mayContact(client.practiceId(), client.id(), c.consent()));
    }

    private static String key(Subject subject, String subjectKey, LocalDate day, String slot) {
        return subject + "/" + subjectKey + "/" + day + "/" + slot;
    }

    @ApplicationModuleListener
    void on(AssignmentChanged changed) {
        replan(changed.practiceId(), changed.clientId());
    }

    @ApplicationModuleListener
    void on(SessionRescheduled moved) {
        replan(moved.practiceId(), moved.clientId());
    }

    @ApplicationModuleListener
    void on(ReminderChoicesChanged changed) {
        replan(changed.practiceId(), changed.clientId());
    }

    /** A questionnaire answered: the reminders that came for it count as answered, those still ahead are dropped. */
    @ApplicationModuleListener
    void on(MeasureAdministered answered) {
        reminders.answered(answered.practiceId(), answered.clientId(), answered.instrument(), answered.answeredAt());
        replan(answered.practiceId(), answered.clientId());
    }

    @ApplicationModuleListener
    void on(ClientDischarged discharged) {
        reminders.cancelPlanned(discharged.practiceId(), discharged.clientId(), clock.instant(), "discharged", clock.instant());
    }

    @ApplicationModuleListener
    void on(ClientReadmitted readmitted) {
        replan(readmitted.practiceId(), readmitted.clientId());
    }

    /**
     * Practice logged: on a reminded day it counts for that day's reminders that came before it (the
     * funnel's last step), and the assignment's open nudge and follow-up task are dealt with. One
     * listener for both, so logging practice — the request clients make most — stores one event
     * publication for reminders, not one per concern (RequestCostTests counts its statements).
     */
    @ApplicationModuleListener
    void on(PracticeLogged logged) {
        reminders.practised(logged.practiceId(), logged.clientId(), logged.assignmentId(), logged.localDate(),
                logged.occurredAt());
        escalations.resolveAssignment(logged.practiceId(), logged.assignmentId(), clock.instant());
    }

    /** Plans one client again now (after their choices change, say), in a transaction of its own or the caller's. */
    void replan(UUID practiceId, UUID clientId) {
        transactions.executeWithoutResult(status -> caseload.find(practiceId, clientId).ifPresent(this::plan));
    }
}
