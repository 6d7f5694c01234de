package app.carryover.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.sessions.SessionCalendar.Slot;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;

/**
 * Recurring sessions: weekly (or every few weeks) at the same local time in the client's zone, for a
 * number of sessions or until a date. Each session of a series is stored on its own, so it can be
 * moved, cancelled, recorded or deleted alone; "this and the following" changes apply to the later
 * sessions of the series still scheduled.
 */
@Service
public class SessionSeries {

    /** At most a year of weekly sessions at once: a series is a plan, renewed when it runs out. */
    static final int MAX_SESSIONS = 52;

    /** A series as set: its rule in words and the sessions it made. */
    public record Scheduled(UUID seriesId, String rule, List<TherapySession> sessions) {
    }

    private final TherapySessionRepository repository;
    private final SessionCalendar calendar;
    private final ClientAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionSeries(TherapySessionRepository repository, SessionCalendar calendar, ClientAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Schedules every session of a series, or none: a clash or a time that does not exist is named. */
    @Transactional
    public Scheduled schedule(Actor actor, UUID clientId, Recurrence r) {
        ClientRecord client = access.change(actor, clientId, "sessions");
        List<LocalDate> dates = dates(r, client);
        int minutes = r.durationMinutes() == null ? 50 : r.durationMinutes();
        SessionCalendar.checkMinutes(minutes);
        List<Slot> slots = new ArrayList<>();
        for (LocalDate d : dates) {
            slots.add(new Slot(SessionCalendar.instantIn(client, d.atTime(r.time()), "startsAt"), minutes));
        }
        if (slots.get(0).startsAt().isBefore(clock.instant().minus(Duration.ofDays(1)))) {
            throw ProblemException.invalid("startsAt", "a series starts today or later; record past sessions one by one");
        }
        calendar.requireFree(client, slots, Set.of(), "startsAt");
        UUID seriesId = Uuids.timeOrdered();
        Instant now = clock.instant();
        repository.insertSeries(client.practiceId(), seriesId, client.id(), actor.accountId(), everyWeeks(r), r.time(),
                minutes, client.timeZone().getId(), dates.get(0), dates.get(dates.size() - 1), now);
        List<TherapySession> made = new ArrayList<>();
        for (Slot slot : slots) {
            TherapySession s = new TherapySession(client.practiceId(), Uuids.timeOrdered(), client.id(), actor.accountId(),
                    slot.startsAt(), minutes, SessionStatus.SCHEDULED, null, seriesId, null);
            repository.insert(s, actor.accountId(), now);
            made.add(s);
        }
        return new Scheduled(seriesId, rule(everyWeeks(r), dates, r.time()), made);
    }

    /**
     * Moves a session of a series and every later one still scheduled by the same step: the new date's
     * distance in days, and the new local time and length for each.
     */
    @Transactional
    public List<TherapySession> moveFollowing(Actor actor, UUID clientId, UUID sessionId, LocalDateTime localStart,
            int minutes) {
        ClientRecord client = access.change(actor, clientId, "session");
        TherapySession from = repository.find(client.practiceId(), client.id(), sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session"));
        if (from.seriesId() == null) {
            throw ProblemException.invalid("following", "this session is not part of a series");
        }
        if (from.status() != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Only a scheduled session can be moved.");
        }
        SessionCalendar.checkMinutes(minutes);
        long dayShift = ChronoUnit.DAYS.between(from.startsIn(client.timeZone()).toLocalDate(), localStart.toLocalDate());
        List<TherapySession> moving = following(client, from);
        List<Slot> slots = new ArrayList<>();
        for (TherapySession s : moving) {
            LocalDate day = s.startsIn(client.timeZone()).toLocalDate().plusDays(dayShift);
            slots.add(new Slot(SessionCalendar.instantIn(client, day.atTime(localStart.toLocalTime()), "startsAt"), minutes));
        }
        calendar.requireFree(client, slots, moving.stream().map(TherapySession::id).collect(Collectors.toSet()), "startsAt");
        for (int i = 0; i < moving.size(); i++) {
            TherapySession s = moving.get(i);
            repository.reschedule(client.practiceId(), s.id(), slots.get(i).startsAt(), minutes);
            events.publishEvent(new SessionRescheduled(client.practiceId(), client.id(), s.id(), slots.get(i).startsAt()));
        }
        repository.retimeSeries(client.practiceId(), from.seriesId(), localStart.toLocalTime(), minutes);
        return repository.forClient(client.practiceId(), client.id()).stream()
                .filter(s -> s.seriesId() != null && s.seriesId().equals(from.seriesId())).toList();
    }

    /** This session and the later sessions of its series that are still scheduled, in time order. */
    List<TherapySession> following(ClientRecord client, TherapySession from) {
        return repository.forClient(client.practiceId(), client.id()).stream()
                .filter(s -> from.seriesId().equals(s.seriesId()) && !s.startsAt().isBefore(from.startsAt())
                        && s.status() == SessionStatus.SCHEDULED)
                .toList();
    }

    /** "Every week on Tuesday at 17:00, 8 sessions from Tue 3 Mar 2026 to Tue 21 Apr 2026". */
    static String rule(int everyWeeks, List<LocalDate> dates, LocalTime time) {
        String day = dates.get(0).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return (everyWeeks == 1 ? "Every week" : "Every " + everyWeeks + " weeks") + " on " + day + " at " + time + ", "
                + dates.size() + " sessions from " + Dates.day(dates.get(0)) + " to "
                + Dates.day(dates.get(dates.size() - 1));
    }

    private static int everyWeeks(Recurrence r) {
        return r.everyWeeks() == null ? 1 : r.everyWeeks();
    }

    /** The dates of a recurrence, checked field by field. */
    private List<LocalDate> dates(Recurrence r, ClientRecord client) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.firstDate() == null) {
            problems.add(new FieldProblem("date", "give the date of the first session"));
        }
        if (r.time() == null) {
            problems.add(new FieldProblem("time", "give the time of the sessions"));
        }
        int every = everyWeeks(r);
        if (every < 1 || every > 4) {
            problems.add(new FieldProblem("everyWeeks", "must be every 1 to 4 weeks"));
        }
        if ((r.count() == null) == (r.until() == null)) {
            problems.add(new FieldProblem("repeatCount", "say how many sessions, or until which date"));
        } else if (r.count() != null && (r.count() < 2 || r.count() > MAX_SESSIONS)) {
            problems.add(new FieldProblem("repeatCount", "must be 2 to " + MAX_SESSIONS + " sessions"));
        } else if (r.until() != null && r.firstDate() != null
                && (!r.until().isAfter(r.firstDate()) || r.until().isAfter(r.firstDate().plusYears(1)))) {
            problems.add(new FieldProblem("repeatUntil", "must be after the first session and within a year of it"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = r.firstDate(); r.count() != null ? dates.size() < r.count() : !d.isAfter(r.until());
                d = d.plusWeeks(every)) {
            dates.add(d);
        }
        if (dates.size() < 2) {
            throw ProblemException.invalid("repeatUntil", "leaves only one session; schedule it on its own");
        }
        if (dates.size() > MAX_SESSIONS) {
            throw ProblemException.invalid("repeatUntil", "makes more than " + MAX_SESSIONS + " sessions");
        }
        return dates;
    }
}
