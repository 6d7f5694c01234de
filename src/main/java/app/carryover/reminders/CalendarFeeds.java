package app.carryover.reminders;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.DuePractice;
import app.carryover.homework.DuePractices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ServerSettings;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A private iCalendar feed per client that any calendar app can subscribe to: the next two weeks of
 * their reminders as short events with an alert, worded like the messages (no clinical detail
 * unless they opted in to titles). Its address holds a secret; making a new one, or revoking it,
 * stops the old one at once. Calendar apps fetch it, so nothing is sent and no funnel is kept.
 */
@Service
class CalendarFeeds {

    static final int DAYS = 14;

    private final PreferenceRepository store;
    private final ReminderPreferences preferences;
    private final ClientAccess access;
    private final Caseload caseload;
    private final DuePractices practices;
    private final Secrets secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final String baseUrl;

    CalendarFeeds(PreferenceRepository store, ReminderPreferences preferences, ClientAccess access, Caseload caseload,
            DuePractices practices, Secrets secrets, AuditTrail audit, Clock clock,
            ServerSettings server) {
        this.store = store;
        this.preferences = preferences;
        this.access = access;
        this.caseload = caseload;
        this.practices = practices;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    /** Makes the client's feed address, replacing any earlier one. */
    @Transactional
    String renew(Actor actor) {
        ClientRecord client = access.self(actor, actor.clientId(), "calendar feed");
        String secret = secrets.newSecret();
        Instant now = clock.instant();
        store.setFeed(client.practiceId(), client.id(), Secrets.hash(secret), secrets.seal(secret), now, now);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.SETTINGS, "calendar feed", client.id(),
                "made a new calendar feed address (any earlier one stopped working)"));
        return address(secret);
    }

    @Transactional
    void revoke(Actor actor) {
        ClientRecord client = access.self(actor, actor.clientId(), "calendar feed");
        store.setFeed(client.practiceId(), client.id(), null, null, null, clock.instant());
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.SETTINGS, "calendar feed", client.id(),
                "turned the calendar feed off"));
    }

    /** The client's current feed address, if they have one. */
    Optional<String> addressOf(ClientRecord client) {
        byte[] sealed = store.stored(client.practiceId(), client.id()).feedSealed();
        return sealed == null ? Optional.empty() : Optional.of(address(secrets.open(sealed)));
    }

    /** The feed behind a secret, as iCalendar text; 404 for any other secret. */
    String feed(String secret) {
        if (!Secrets.wellFormed(secret)) {
            throw ProblemException.notFound("Calendar");
        }
        UUID[] owner = store.byFeed(Secrets.hash(secret)).orElseThrow(() -> ProblemException.notFound("Calendar"));
        ClientRecord client = caseload.find(owner[0], owner[1]).orElseThrow(() -> ProblemException.notFound("Calendar"));
        audit.recordNow(new AuditEntry(client.practiceId(), null, "calendar app (feed address)", client.id(),
                AuditAction.READ, "calendar feed", client.id().toString(), "fetched the reminder calendar feed"));
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Carryover//Reminders//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", "Carryover practice"))
                .add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        if (!client.discharged()) {
            events(client).forEach(calendar::add);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<VEvent> events(ClientRecord client) {
        Instant now = clock.instant();
        ReminderPlan.Choices choices = preferences.choices(client);
        List<DuePractice> open = practices.openOf(client);
        Map<UUID, String> titles = preferences.stored(client).showTitles()
                ? open.stream().collect(Collectors.toMap(DuePractice::assignmentId, DuePractice::title))
                : Map.of();
        LocalDate today = now.atZone(choices.zone()).toLocalDate();
        List<VEvent> events = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (ReminderPlan.Planned p : ReminderPlan.forDay(today.plusDays(d), choices, open)) {
                String summary = summary(p.subject(), p.assignmentId() == null ? null : titles.get(p.assignmentId()));
                VEvent event = new VEvent(p.dueAt(), Duration.ofMinutes(15), summary)
                        .add(new Uid(client.id() + "-" + p.subject() + "-" + p.subjectKey() + "-" + p.localDate() + "-"
                                + p.slot().replace(":", "") + "@reminders.carryover"))
                        .add(new Description("Open Carryover: " + baseUrl + "/today"));
                event.replace(new DtStamp(now));
                VAlarm alarm = new VAlarm(Duration.ZERO).add(new Action("DISPLAY")).add(new Description(summary));
                event.add(alarm);
                events.add(event);
            }
        }
        return events;
    }

    static String summary(Subject subject, String title) {
        return switch (subject) {
            case PRACTICE -> title == null ? "Practice planned" : "Practice: " + title;
            case CHECK_IN -> title == null ? "Check-in: a moment to practise today?" : "Check-in: " + title;
            case REFLECTION -> "Look back on your practice before your session";
            case MEASURE -> "A short questionnaire";
            case NUDGE -> "A nudge to practise";
        };
    }

    private String address(String secret) {
        return baseUrl + "/calendar/" + secret + ".ics";
    }
}
