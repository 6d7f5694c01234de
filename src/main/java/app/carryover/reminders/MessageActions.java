package app.carryover.reminders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.EntryInput;
import app.carryover.homework.PracticeLog;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/**
 * What the links in a message do, for whoever holds the message (its secret is the only key): say
 * what it is about (titles only when the client opted in), mark its one practice done, snooze it an
 * hour, move it to later today, skip the day, or open Carryover signed in, once and for a short
 * while. The first use of any link counts as the message opened.
 */
@Service
class MessageActions {

    /** What the message page shows. */
    record Page(StoredMessage message, ClientRecord client, List<StoredReminder> reminders, List<String> titles,
            boolean canMarkDone, boolean signInUsable, boolean stopped, String firstAssignment) {
    }

    private final MessageRepository messages;
    private final ReminderRepository reminders;
    private final ReminderPreferences preferences;
    private final ReminderPlanner planner;
    private final Dispatcher dispatcher;
    private final Caseload caseload;
    private final Practices people;
    private final PracticeLog log;
    private final ReminderSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    MessageActions(MessageRepository messages, ReminderRepository reminders, ReminderPreferences preferences,
            ReminderPlanner planner, Dispatcher dispatcher, Caseload caseload, Practices people, PracticeLog log,
            ReminderSettings settings, AuditTrail audit, Clock clock) {
        this.messages = messages;
        this.reminders = reminders;
        this.preferences = preferences;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.caseload = caseload;
        this.people = people;
        this.log = log;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The message behind a link's secret; 404 for anything else, so links cannot be probed. */
    StoredMessage message(String secret) {
        if (!Secrets.wellFormed(secret)) {
            throw ProblemException.notFound("Reminder");
        }
        return messages.byLink(Secrets.hash(secret)).orElseThrow(() -> ProblemException.notFound("Reminder"));
    }

    Page page(String secret) {
        StoredMessage m = message(secret);
        ClientRecord client = caseload.find(m.practiceId(), m.clientId()).orElseThrow(() -> ProblemException.notFound("Reminder"));
        List<StoredReminder> items = reminders.ofMessage(m.practiceId(), m.id());
        boolean titles = preferences.stored(client).showTitles();
        List<String> titleList = titles ? items.stream().map(r -> titleOf(client, r)).filter(t -> t != null).toList() : List.of();
        boolean stopped = client.discharged();
        String first = items.stream().filter(r -> r.assignmentId() != null).map(r -> r.assignmentId().toString())
                .findFirst().orElse(null);
        return new Page(m, client, items, titleList, items.size() == 1 && items.get(0).assignmentId() != null,
                m.signedInAt() == null && !expired(m), stopped, first);
    }

    /** Uses up the message's sign-in; the answer says whom to sign in, or empty when the link is used or expired. */
    @Transactional
    Optional<ClientRecord> useSignIn(String secret) {
        StoredMessage m = message(secret);
        Instant now = clock.instant();
        opened(m, now);
        ClientRecord client = caseload.find(m.practiceId(), m.clientId()).orElseThrow(() -> ProblemException.notFound("Reminder"));
        if (client.discharged() || expired(m) || !messages.useSignIn(m.practiceId(), m.id(), now)) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    /** Logs the message's one practice now, once however often the link is used. */
    @Transactional
    String done(String secret) {
        StoredMessage m = message(secret);
        Page page = page(secret);
        if (!page.canMarkDone() || page.stopped()) {
            throw ProblemException.conflict("This reminder is about more than one thing: open Carryover to log each.");
        }
        opened(m, clock.instant());
        StoredReminder r = page.reminders().get(0);
        Actor client = clientActor(page.client());
        // One entry per message: the id is made from the message, so a second tap finds the first entry.
        UUID entryId = UUID.nameUUIDFromBytes(("reminder-done:" + m.id()).getBytes(StandardCharsets.UTF_8));
        try {
            log.log(client, r.assignmentId(), new EntryInput(entryId, null, null, null, null));
        } catch (ProblemException e) {
            if (e.fields().stream().anyMatch(f -> f.field().startsWith("answers"))) {
                throw ProblemException.conflict("This practice has a worksheet: open Carryover to fill it in.");
            }
            throw e;
        }
        return "Logged. Well done.";
    }

    /** Snoozes the message's reminders for an hour (not into quiet hours, not past the day). */
    @Transactional
    String snooze(String secret) {
        StoredMessage m = message(secret);
        Instant now = clock.instant();
        return moveTo(m, now.plusSeconds(3600), "an hour from now");
    }

    /** Moves them to the client's next time later today, or three hours on when no time of theirs is left. */
    @Transactional
    String later(String secret) {
        StoredMessage m = message(secret);
        Instant now = clock.instant();
        ClientRecord client = client(m);
        ReminderPlan.Choices choices = preferences.choices(client);
        ZonedDateTime local = now.atZone(choices.zone());
        Optional<LocalTime> next = choices.times().stream().filter(t -> t.isAfter(local.toLocalTime().plusMinutes(59))).findFirst();
        Instant at = next.map(t -> ZonedDateTime.of(local.toLocalDate(), t, choices.zone()).toInstant())
                .orElse(now.plusSeconds(3 * 3600));
        return moveTo(m, at, "later today");
    }

    /** Skips the rest of the day for the message's subjects. */
    @Transactional
    String skip(String secret) {
        StoredMessage m = message(secret);
        Instant now = clock.instant();
        opened(m, now);
        List<StoredReminder> items = reminders.ofMessage(m.practiceId(), m.id());
        int skipped = reminders.skipDay(m.practiceId(), m.clientId(), m.localDate(),
                items.stream().map(StoredReminder::subjectKey).distinct().toList(), now);
        items.forEach(r -> reminders.setState(r.practiceId(), r.id(), "SKIPPED", "skipped today by the client", now));
        record(m, "skipped today's reminders");
        return skipped == 0 ? "No more reminders about this today." : "Skipped: no more reminders about this today.";
    }

    private String moveTo(StoredMessage m, Instant at, String words) {
        Instant now = clock.instant();
        opened(m, now);
        ClientRecord client = client(m);
        ReminderPlan.Choices choices = preferences.choices(client);
        ZonedDateTime local = at.atZone(choices.zone());
        LocalDate today = now.atZone(choices.zone()).toLocalDate();
        if (!local.toLocalDate().equals(today) || !m.localDate().equals(today)) {
            throw ProblemException.conflict("That would be tomorrow. You will be reminded again as planned.");
        }
        if (choices.quiet().contains(local.toLocalTime())) {
            throw ProblemException.conflict("That falls in your quiet hours (" + choices.quiet().describe()
                    + "). Choose Skip today, or open Carryover now.");
        }
        String slot = "moved " + ReminderTimes.format(local.toLocalTime());
        for (StoredReminder r : reminders.ofMessage(m.practiceId(), m.id())) {
            if ("SNOOZED".equals(r.state())) {
                continue;
            }
            reminders.setState(r.practiceId(), r.id(), "SNOOZED", "moved to " + ReminderTimes.format(local.toLocalTime()), now);
            reminders.plan(r.practiceId(), r.clientId(), new ReminderPlan.Planned(r.subject(), r.subjectKey(),
                    r.assignmentId(), r.localDate(), slot, at), r.id(), now);
        }
        planner.schedule(new ReminderTasks.Slot(m.practiceId(), m.clientId(), at));
        record(m, "moved today's reminder to " + ReminderTimes.format(local.toLocalTime()));
        return "We will remind you " + words + ", at " + ReminderTimes.format(local.toLocalTime()) + ".";
    }

    private void opened(StoredMessage m, Instant now) {
        if (messages.opened(m.practiceId(), m.id(), now)) {
            reminders.opened(m.practiceId(), m.id(), now);
        }
    }

    private boolean expired(StoredMessage m) {
        Instant from = m.sentAt() != null ? m.sentAt() : m.dueAt();
        return clock.instant().isAfter(from.plus(settings.linkLifetime()));
    }

    private ClientRecord client(StoredMessage m) {
        ClientRecord client = caseload.find(m.practiceId(), m.clientId()).orElseThrow(() -> ProblemException.notFound("Reminder"));
        if (client.discharged()) {
            throw ProblemException.conflict("These reminders have stopped.");
        }
        return client;
    }

    private String titleOf(ClientRecord client, StoredReminder r) {
        return r.assignmentId() == null ? null : dispatcher.titles(client).get(r.assignmentId());
    }

    private Actor clientActor(ClientRecord client) {
        Practices.Person person = people.person(client.practiceId(), client.accountId())
                .orElseThrow(() -> ProblemException.notFound("Reminder"));
        return new Actor(client.practiceId(), client.accountId(), person.email(), person.displayName(),
                Set.of(Role.CLIENT), client.id(), false);
    }

    private void record(StoredMessage m, String what) {
        audit.record(new AuditEntry(m.practiceId(), null, "client (reminder link)", m.clientId(), AuditAction.CHANGE,
                "reminder", m.id().toString(), what));
    }
}
