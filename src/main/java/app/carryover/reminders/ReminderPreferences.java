package app.carryover.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;

/**
 * A client's reminder choices: their times and quiet hours (or the practice's), titles in
 * messages, their number for text messages, and each channel's opt-in, which is the channel's
 * message consent. Saving replans their reminders at once.
 */
@Service
class ReminderPreferences {

    /** A channel as the settings page shows it. */
    record ChannelChoice(String key, String label, boolean available, boolean agreed, String address, String problem) {
    }

    /** Everything the settings page shows. */
    record View(ZoneId zone, String unknownZone, List<LocalTime> times, boolean ownTimes, QuietHours quiet,
            boolean ownQuiet, boolean showTitles, String phone, List<ChannelChoice> channels, boolean feed,
            Instant feedCreatedAt) {

        public String timesText() {
            return String.join(", ", times.stream().map(ReminderTimes::format).toList());
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final PreferenceRepository store;
    private final ClientAccess access;
    private final Caseload caseload;
    private final Consents consents;
    private final Practices practices;
    private final List<ReminderChannel> channels;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderPreferences(PreferenceRepository store, ClientAccess access, Caseload caseload, Consents consents,
            Practices practices, List<ReminderChannel> channels, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.caseload = caseload;
        this.consents = consents;
        this.practices = practices;
        this.channels = channels;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The choices that shape a client's plan: their zone (the practice's when theirs is no longer known), times and quiet hours. */
    ReminderPlan.Choices choices(ClientRecord client) {
        PreferenceRepository.Defaults defaults = store.defaults(client.practiceId());
        PreferenceRepository.Stored own = store.stored(client.practiceId(), client.id());
        return new ReminderPlan.Choices(zone(client), own.times() != null ? own.times() : defaults.times(),
                own.quiet() != null ? own.quiet() : defaults.quiet());
    }

    ZoneId zone(ClientRecord client) {
        return caseload.unknownTimeZone(client.practiceId(), client.id()).isPresent()
                ? practices.zoneOf(client.practiceId()) : client.timeZone();
    }

    PreferenceRepository.Stored stored(ClientRecord client) {
        return store.stored(client.practiceId(), client.id());
    }

    /**
     * The client's own settings page. Phone notifications are turned on from the phone itself, so they have
     * a card of their own there ({@code reminders/push.html}) and are left out of the channel list.
     */
    View view(Actor actor) {
        ClientRecord client = access.self(actor, actor.clientId(), "reminder settings");
        View all = view(client, actor.email());
        return new View(all.zone(), all.unknownZone(), all.times(), all.ownTimes(), all.quiet(), all.ownQuiet(),
                all.showTitles(), all.phone(), all.channels().stream().filter(c -> !PushChannel.KEY.equals(c.key())).toList(),
                all.feed(), all.feedCreatedAt());
    }

    View view(ClientRecord client, String email) {
        PreferenceRepository.Defaults defaults = store.defaults(client.practiceId());
        PreferenceRepository.Stored own = store.stored(client.practiceId(), client.id());
        Recipient recipient = new Recipient(client.practiceId(), client.id(), email, own.phone());
        List<ChannelChoice> choices = new ArrayList<>();
        for (ReminderChannel c : channels) {
            boolean agreed = consents.mayContact(client.practiceId(), client.id(), c.consent());
            String problem = own.problemOf(c.key());
            choices.add(new ChannelChoice(c.key(), c.label(), c.available(), agreed, c.addressOf(recipient).orElse(null), problem));
        }
        return new View(zone(client), caseload.unknownTimeZone(client.practiceId(), client.id()).orElse(null),
                own.times() != null ? own.times() : defaults.times(), own.times() != null,
                own.quiet() != null ? own.quiet() : defaults.quiet(), own.quiet() != null, own.showTitles(), own.phone(),
                choices, own.feedSealed() != null, own.feedCreatedAt());
    }

    /**
     * Saves the client's times, quiet hours, titles and number; every field at fault is named and
     * nothing is saved then. Blank times or quiet hours mean "the practice's".
     */
    @Transactional
    void save(Actor actor, String times, String quietStart, String quietEnd, boolean showTitles, String phone) {
        ClientRecord client = access.self(actor, actor.clientId(), "reminder settings");
        PreferenceRepository.Defaults defaults = store.defaults(client.practiceId());
        List<FieldProblem> problems = new ArrayList<>();
        QuietHours quiet = null;
        boolean ownQuiet = !(blank(quietStart) && blank(quietEnd));
        if (ownQuiet) {
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
        }
        List<LocalTime> parsed = null;
        if (!blank(times)) {
            try {
                parsed = ReminderTimes.parse("times", times, quiet != null ? quiet : defaults.quiet());
            } catch (ProblemException e) {
                problems.addAll(e.fields());
            }
        }
        String e164 = null;
        if (!blank(phone)) {
            try {
                e164 = e164(phone);
            } catch (ProblemException e) {
                problems.addAll(e.fields());
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        store.saveChoices(client.practiceId(), client.id(), parsed, quiet, showTitles, e164, clock.instant());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.SETTINGS, "reminder settings", client.id(),
                "changed reminder times, quiet hours or number"));
        events.publishEvent(new ReminderChoicesChanged(client.practiceId(), client.id()));
    }

    /** Opts the client in to or out of a channel: its message consent, given or withdrawn. */
    @Transactional
    void setChannel(Actor actor, String channelKey, boolean on) {
        ClientRecord client = access.self(actor, actor.clientId(), "reminder settings");
        ReminderChannel channel = channel(channelKey).orElseThrow(() -> ProblemException.invalid("channel", "is not a reminder channel"));
        if (on && !channel.available()) {
            throw ProblemException.invalid("channel", channel.label() + " reminders are not set up on this installation");
        }
        if (on && channel.addressOf(new Recipient(client.practiceId(), client.id(), actor.email(),
                store.stored(client.practiceId(), client.id()).phone())).isEmpty()) {
            throw PushChannel.KEY.equals(channel.key())
                    ? ProblemException.invalid("channel", "turn phone notifications on from the phone itself")
                    : ProblemException.invalid("phone", "add your mobile number first");
        }
        consents.decide(actor, channel.consent(), on);
        events.publishEvent(new ReminderChoicesChanged(client.practiceId(), client.id()));
    }

    Optional<ReminderChannel> channel(String key) {
        return channels.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** A phone number in E.164 ("+447911123456"); national forms are refused (no country to assume). */
    static String e164(String typed) {
        String t = typed.strip();
        if (t.startsWith("00")) {
            t = "+" + t.substring(2);
        }
        if (!t.startsWith("+")) {
            throw ProblemException.invalid("phone", "write it with your country code, like +44 7911 123456");
        }
        try {
            PhoneNumber number = PHONES.parse(t, "ZZ");
            if (!PHONES.isValidNumber(number)) {
                throw ProblemException.invalid("phone", "'" + shorten(typed) + "' is not a valid phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalid("phone", "'" + shorten(typed) + "' is not a phone number");
        }
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 30 ? t.substring(0, 30) + "…" : t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
