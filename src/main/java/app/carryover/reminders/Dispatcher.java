package app.carryover.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.homework.DuePractice;
import app.carryover.homework.DuePractices;
import app.carryover.practice.Practices;
import app.carryover.system.ServerSettings;
import app.carryover.system.Uuids;

/**
 * Sends what has come due, exactly once. A moment's execution first composes, in one transaction,
 * the client's reminders still wanted into one message per channel they agreed to; then sends each.
 * Sending claims the message in the database first, so a second node, or the same execution run
 * again after its node died, cannot send it twice; an e-mail whose content reached the server
 * before its node died is counted as sent rather than sent again; a provider that cannot be reached
 * is tried again with growing waits (never in quiet hours, not after the message's day) until the
 * message is dead, which the admin sees and can send again.
 */
@Service
class Dispatcher {

    private final Caseload caseload;
    private final Consents consents;
    private final DuePractices practices;
    private final DueQuestionnaires questionnaires;
    private final Practices people;
    private final ReminderPreferences preferences;
    private final PreferenceRepository store;
    private final ReminderRepository reminders;
    private final MessageRepository messages;
    private final List<ReminderChannel> channels;
    private final Secrets secrets;
    private final OneTimeTask<ReminderTasks.Attempt> attemptTask;
    private final ObjectProvider<Scheduler> scheduler;
    private final ReminderSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;

    private final app.carryover.system.Texts texts;

    Dispatcher(Caseload caseload, Consents consents, DuePractices practices, DueQuestionnaires questionnaires,
            Practices people,
            ReminderPreferences preferences, PreferenceRepository store, ReminderRepository reminders,
            MessageRepository messages, List<ReminderChannel> channels, Secrets secrets,
            OneTimeTask<ReminderTasks.Attempt> reminderAttempt, ObjectProvider<Scheduler> scheduler,
            ReminderSettings settings, TransactionTemplate transactions, Clock clock,
            ServerSettings server, app.carryover.system.Texts texts) {
        this.texts = texts;
        this.caseload = caseload;
        this.consents = consents;
        this.practices = practices;
        this.questionnaires = questionnaires;
        this.people = people;
        this.preferences = preferences;
        this.store = store;
        this.reminders = reminders;
        this.messages = messages;
        this.channels = channels;
        this.secrets = secrets;
        this.attemptTask = reminderAttempt;
        this.scheduler = scheduler;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    /** A client's moment has come: compose its messages (once), then make each one's first attempt. */
    void fire(ReminderTasks.Slot slot) {
        transactions.executeWithoutResult(status -> compose(slot));
        for (StoredMessage m : messages.atMoment(slot.practiceId(), slot.clientId(), slot.dueAt())) {
            if (m.attempts() <= 1 && (m.state() == MessageState.QUEUED || m.state() == MessageState.SENDING
                    || m.state() == MessageState.HANDED_OVER)) {
                attempt(m, 1);
            }
        }
    }

    /** A later attempt at one message. */
    void retry(ReminderTasks.Attempt a) {
        messages.find(a.practiceId(), a.messageId()).ifPresent(m -> attempt(m, a.attempt()));
    }

    private void compose(ReminderTasks.Slot slot) {
        List<StoredReminder> due = reminders.plannedAtForUpdate(slot.practiceId(), slot.clientId(), slot.dueAt());
        if (due.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<ClientRecord> found = caseload.find(slot.practiceId(), slot.clientId());
        if (found.isEmpty() || found.get().discharged()) {
            due.forEach(r -> reminders.setState(r.practiceId(), r.id(), "NOT_SENT", "discharged", now));
            return;
        }
        ClientRecord client = found.get();
        ReminderPlan.Choices choices = preferences.choices(client);
        LocalDate today = now.atZone(choices.zone()).toLocalDate();
        List<DuePractice> open = practices.openOf(client);
        java.util.Set<String> measuresDue = due.stream().anyMatch(r -> r.subject() == Subject.MEASURE)
                ? questionnaires.keysAt(client, now) : java.util.Set.of();
        List<StoredReminder> wanted = new ArrayList<>();
        for (StoredReminder r : due) {
            Optional<String> why = r.localDate().isBefore(today) ? Optional.of("its day had passed before it could go")
                    : choices.quiet().contains(slot.dueAt().atZone(choices.zone()).toLocalTime()) ? Optional.of("in quiet hours")
                    : ReminderPlan.notWanted(r.subject(), r.subjectKey(), r.localDate(), open, measuresDue);
            if (why.isPresent()) {
                reminders.setState(r.practiceId(), r.id(), "NOT_SENT", why.get(), now);
            } else {
                wanted.add(r);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Recipient recipient = recipient(client);
        List<ReminderChannel> usable = channels.stream().filter(c -> c.available()
                && consents.mayContact(client.practiceId(), client.id(), c.consent())
                && c.addressOf(recipient).isPresent()).toList();
        if (usable.isEmpty()) {
            wanted.forEach(r -> reminders.setState(r.practiceId(), r.id(), "NOT_SENT", "no channel agreed to", now));
            return;
        }
        for (ReminderChannel c : usable) {
            UUID id = Uuids.timeOrdered();
            String secret = secrets.newSecret();
            if (messages.insert(client.practiceId(), id, client.id(), c.key(), slot.dueAt(), wanted.get(0).localDate(),
                    c.addressOf(recipient).orElseThrow(), Secrets.hash(secret), secrets.seal(secret), now)) {
                wanted.forEach(r -> reminders.link(client.practiceId(), id, r.id()));
            }
        }
        wanted.forEach(r -> reminders.setState(r.practiceId(), r.id(), "QUEUED", null, now));
    }

    /** One attempt at a message, as its {@code attempt}-th; does nothing if another run has it or it is settled. */
    void attempt(StoredMessage m, int attempt) {
        Instant now = clock.instant();
        if (m.state() == MessageState.HANDED_OVER && m.attempts() == attempt) {
            messages.sent(m.practiceId(), m.id(), null,
                    "handed to the mail server; the node sending it stopped before the server confirmed", now);
            return;
        }
        boolean entitled = m.state() == MessageState.QUEUED && m.attempts() == 0 && attempt == 1
                || m.state() == MessageState.RETRYING && m.attempts() == attempt - 1
                || m.state() == MessageState.SENDING && m.attempts() == attempt;
        if (!entitled) {
            return;
        }
        Optional<String> stop = stopReason(m, now);
        if (stop.isPresent()) {
            MessageState end = stop.get().startsWith("expired") ? MessageState.EXPIRED : MessageState.CANCELLED;
            messages.settle(m.practiceId(), m.id(), Set.of(m.state()), end, stop.get(), now);
            return;
        }
        ClientRecord owner = caseload.find(m.practiceId(), m.clientId()).orElseThrow();
        ReminderPlan.Choices choices = preferences.choices(owner);
        ZonedDateTime local = now.atZone(choices.zone());
        if (choices.quiet().contains(local.toLocalTime())) {
            ZonedDateTime later = choices.quiet().nextAllowed(local);
            if (later.toLocalDate().isAfter(m.localDate())) {
                messages.settle(m.practiceId(), m.id(), Set.of(m.state()), MessageState.EXPIRED,
                        "its day ended in quiet hours before it could be sent", now);
            } else {
                scheduleAttempt(new ReminderTasks.Attempt(m.practiceId(), m.id(), attempt), later.toInstant());
            }
            return;
        }
        if (!messages.claim(m.practiceId(), m.id(), attempt, now)) {
            return;
        }
        ReminderChannel channel = channel(m.channel()).orElseThrow();
        Delivery delivery = channel.send(outgoing(m, owner, channel),
                () -> messages.handedOver(m.practiceId(), m.id(), clock.instant()));
        Instant after = clock.instant();
        switch (delivery.outcome()) {
            case SENT -> {
                messages.sent(m.practiceId(), m.id(), delivery.providerRef(), null, after);
                store.clearProblem(m.practiceId(), m.clientId(), m.channel());
            }
            case REFUSED -> {
                messages.settle(m.practiceId(), m.id(), Set.of(MessageState.SENDING, MessageState.HANDED_OVER),
                        MessageState.FAILED, delivery.detail(), after);
                store.setProblem(m.practiceId(), m.clientId(), m.channel(), delivery.detail(), after);
            }
            case TRY_AGAIN -> tryAgain(m, attempt, delivery.detail(), choices, after);
        }
    }

    private void tryAgain(StoredMessage m, int attempt, String error, ReminderPlan.Choices choices, Instant now) {
        if (attempt >= settings.attempts()) {
            messages.settle(m.practiceId(), m.id(), Set.of(MessageState.SENDING), MessageState.DEAD,
                    "gave up after " + attempt + " attempts: " + error, now);
            return;
        }
        ZonedDateTime next = choices.quiet().nextAllowed(now.plus(settings.waitBefore(attempt + 1)).atZone(choices.zone()));
        if (next.toLocalDate().isAfter(m.localDate())) {
            messages.settle(m.practiceId(), m.id(), Set.of(MessageState.SENDING), MessageState.EXPIRED,
                    "its day ended while it could not be sent (" + error + ")", now);
            return;
        }
        ReminderTasks.Attempt nextAttempt = new ReminderTasks.Attempt(m.practiceId(), m.id(), attempt + 1);
        transactions.executeWithoutResult(status -> {
            messages.retrying(m.practiceId(), m.id(), error, next.toInstant(), now);
            scheduleAttempt(nextAttempt, next.toInstant());
        });
    }

    /** Schedules an attempt (with the caller's transaction); the instance names its time, so a postponed one is new. */
    private void scheduleAttempt(ReminderTasks.Attempt attempt, Instant at) {
        scheduler.getObject().scheduleIfNotExists(
                attemptTask.instance(attempt.instanceId() + "@" + at.getEpochSecond(), attempt), at);
    }

    /** The admin sends a failed, dead or expired message again, at once (or when the quiet hours end). */
    boolean requeue(StoredMessage m) {
        Instant now = clock.instant();
        ClientRecord client = caseload.find(m.practiceId(), m.clientId()).orElseThrow();
        ReminderPlan.Choices choices = preferences.choices(client);
        Instant at = choices.quiet().nextAllowed(now.atZone(choices.zone())).toInstant();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!messages.requeue(m.practiceId(), m.id(), at)) {
                return false;
            }
            scheduleAttempt(new ReminderTasks.Attempt(m.practiceId(), m.id(), 1), at);
            return true;
        }));
    }

    private Optional<String> stopReason(StoredMessage m, Instant now) {
        Optional<ClientRecord> client = caseload.find(m.practiceId(), m.clientId());
        if (client.isEmpty() || client.get().discharged()) {
            return Optional.of("discharged before it went");
        }
        Optional<ReminderChannel> channel = channel(m.channel());
        if (channel.isEmpty() || !channel.get().available()) {
            return Optional.of("the " + m.channel() + " channel is no longer set up");
        }
        if (!consents.mayContact(m.practiceId(), m.clientId(), channel.get().consent())) {
            return Optional.of("consent withdrawn before it went");
        }
        ZoneId zone = preferences.zone(client.get());
        if (now.atZone(zone).toLocalDate().isAfter(m.localDate())) {
            return Optional.of("expired: its day ended before it could go");
        }
        return Optional.empty();
    }

    OutgoingMessage outgoing(StoredMessage m, ClientRecord client, ReminderChannel channel) {
        String secret = secrets.open(m.linkSealed());
        String page = baseUrl + "/r/" + secret;
        List<StoredReminder> items = reminders.ofMessage(m.practiceId(), m.id());
        Map<UUID, String> titleOf = preferences.stored(client).showTitles() ? titles(client) : Map.of();
        List<MessageWriter.Item> words = items.stream().map(r -> new MessageWriter.Item(r.subject(),
                r.assignmentId() == null ? null : titleOf.get(r.assignmentId()))).toList();
        boolean canMarkDone = items.size() == 1 && items.get(0).assignmentId() != null;
        String unsubscribe = baseUrl + "/unsubscribe/" + secret + "/" + channel.key();
        // In the client's language (their account's; English when they have none).
        java.util.Locale language = people.language(client.practiceId(), client.accountId())
                .orElse(app.carryover.system.Languages.ENGLISH);
        MessageWriter.Words w = MessageWriter.write(m.localDate(), words, page, canMarkDone, unsubscribe,
                baseUrl + "/settings/reminders", texts.inOr(language, "reminder.channel." + channel.key(), channel.label()),
                texts, language);
        return new OutgoingMessage(m.id(), channel.key(), m.address(), m.localDate(), w.subject(), w.text(), w.shortText(),
                page, unsubscribe, w.notice(), recipient(client));
    }

    /** The titles of the client's open assignments, for clients who opted in to them. */
    Map<UUID, String> titles(ClientRecord client) {
        return practices.openOf(client).stream().collect(Collectors.toMap(DuePractice::assignmentId, DuePractice::title));
    }

    Recipient recipient(ClientRecord client) {
        String email = people.person(client.practiceId(), client.accountId()).map(Practices.Person::email).orElse(null);
        return new Recipient(client.practiceId(), client.id(), email, preferences.stored(client).phone());
    }

    Optional<ReminderChannel> channel(String key) {
        return channels.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
