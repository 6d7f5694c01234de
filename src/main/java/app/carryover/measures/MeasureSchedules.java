package app.carryover.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.measures.MeasureSchedule.Kind;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;

/**
 * When each client is asked to answer what, and what is due now. Due windows are worked out from
 * the schedules, the sessions and the answers already given, never stored:
 * <ul>
 * <li>before every session: from {@value #BEFORE_SESSION_DAYS} days before the session (or the end of
 * the previous one, if later) until the session starts;</li>
 * <li>every n weeks: for a week from each n-th week's day (the whole week when n is 1);</li>
 * <li>at intake and the planned end: the first week from the start, and the last week up to the end.</li>
 * </ul>
 * An answer of that questionnaire inside the window — by the client, or given by a clinician in
 * session — closes it.
 */
@Service
public class MeasureSchedules {

    static final int BEFORE_SESSION_DAYS = 3;

    /** What a clinician sends to start a schedule. */
    public record ScheduleInput(String instrument, Kind kind, Integer intervalWeeks, LocalDate startsOn, LocalDate endsOn) {
    }

    private final ScheduleRepository schedules;
    private final AdministrationRepository administrations;
    private final Instruments instruments;
    private final ClientAccess access;
    private final Sessions sessions;
    private final Clock clock;

    MeasureSchedules(ScheduleRepository schedules, AdministrationRepository administrations, Instruments instruments,
            ClientAccess access, Sessions sessions, Clock clock) {
        this.schedules = schedules;
        this.administrations = administrations;
        this.instruments = instruments;
        this.access = access;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The client's schedules, active first; the care team and the client. */
    public List<MeasureSchedule> list(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "measure schedules");
        return schedules.forClient(client.practiceId(), client.id());
    }

    @Transactional
    public MeasureSchedule schedule(Actor clinician, UUID clientId, ScheduleInput in) {
        ClientRecord client = access.change(clinician, clientId, "measure schedules");
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Instrument> instrument = instruments.find(client.practiceId(), in.instrument())
                .filter(i -> i.respondent() == Instrument.Respondent.CLIENT && !i.isHomeworkRating());
        if (instrument.isEmpty()) {
            problems.add(new FieldProblem("instrument", "choose one of the practice's questionnaires"));
        }
        if (in.kind() == null) {
            problems.add(new FieldProblem("kind", "choose before every session, every few weeks, or at intake and the end"));
        }
        LocalDate startsOn = in.startsOn() == null ? today : in.startsOn();
        if (startsOn.isBefore(today)) {
            problems.add(new FieldProblem("startsOn", "is in the past; a schedule starts today (" + Dates.day(today)
                    + ") or later"));
        }
        if (in.endsOn() != null && (in.endsOn().isBefore(startsOn) || in.endsOn().isBefore(today))) {
            problems.add(new FieldProblem("endsOn", "must be on or after the start and not in the past"));
        }
        if (in.kind() == Kind.EVERY_N_WEEKS && (in.intervalWeeks() == null || in.intervalWeeks() < 1 || in.intervalWeeks() > 12)) {
            problems.add(new FieldProblem("intervalWeeks", "must be from 1 to 12 weeks"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        instruments.givable(client.practiceId(), in.instrument());
        boolean duplicate = schedules.forClient(client.practiceId(), client.id()).stream()
                .anyMatch(s -> s.active() && s.instrument().equals(instrument.get().key()) && s.kind() == in.kind());
        if (duplicate) {
            throw ProblemException.conflict(instrument.get().name() + " is already scheduled this way for this client; "
                    + "stop that schedule first to change it.");
        }
        MeasureSchedule schedule = new MeasureSchedule(client.practiceId(), Uuids.timeOrdered(), client.id(),
                instrument.get().key(), in.kind(), in.kind() == Kind.EVERY_N_WEEKS ? in.intervalWeeks() : null, startsOn,
                in.endsOn(), clock.instant(), clinician.accountId(), null);
        schedules.insert(schedule);
        return schedule;
    }

    @Transactional
    public void stop(Actor clinician, UUID clientId, UUID scheduleId) {
        ClientRecord client = access.change(clinician, clientId, "measure schedules");
        MeasureSchedule schedule = schedules.find(client.practiceId(), client.id(), scheduleId)
                .orElseThrow(() -> ProblemException.notFound("Schedule"));
        if (!schedules.stop(client.practiceId(), schedule.id(), clock.instant(), clinician.accountId())) {
            throw ProblemException.conflict("This schedule was already stopped.");
        }
    }

    /** What the client should answer now, soonest closing first; the client and the care team. */
    public List<DueMeasure> due(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "due measures");
        return dueOf(client, clock.instant());
    }

    /**
     * What is due for a client at an instant, for modules that have already checked access (reminders
     * read this to nudge; the brief to say what is missing). Nothing is due for a discharged client.
     */
    public List<DueMeasure> dueOf(ClientRecord client, Instant at) {
        if (client.discharged()) {
            return List.of();
        }
        List<TherapySession> timeline = sessions.timeline(client.practiceId(), client.id());
        List<DueMeasure> due = new ArrayList<>();
        for (MeasureSchedule s : schedules.forClient(client.practiceId(), client.id())) {
            if (!s.active()) {
                continue;
            }
            Optional<Instrument> instrument = instruments.find(client.practiceId(), s.instrument());
            if (instrument.isEmpty()) {
                continue;
            }
            window(s, timeline, client.timeZone(), at).filter(w -> !administrations.answeredSince(client.practiceId(),
                    client.id(), s.instrument(), w.opens()))
                    .ifPresent(w -> due.add(new DueMeasure(s.id(), s.instrument(), instrument.get().name(),
                            instrument.get().scoredItems().size(), instrument.get().minutes(), w.opens(), w.closes(),
                            w.reason(), w.sessionId())));
        }
        due.sort(Comparator.comparing(DueMeasure::closes));
        return due;
    }

    /** A due window and why. */
    record Window(Instant opens, Instant closes, String reason, UUID sessionId) {
    }

    /** The window of the schedule that contains the instant, if any. */
    static Optional<Window> window(MeasureSchedule s, List<TherapySession> timeline, ZoneId zone, Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        if (today.isBefore(s.startsOn()) || (s.endsOn() != null && today.isAfter(s.endsOn())
                && s.kind() != Kind.BEFORE_EACH_SESSION)) {
            return Optional.empty();
        }
        return switch (s.kind()) {
            case BEFORE_EACH_SESSION -> beforeSession(s, timeline, zone, at);
            case EVERY_N_WEEKS -> {
                long days = ChronoUnit.DAYS.between(s.startsOn(), today);
                long period = 7L * s.intervalWeeks();
                LocalDate from = s.startsOn().plusDays(days / period * period);
                LocalDate until = from.plusDays(7);
                yield today.isBefore(until) ? Optional.of(new Window(start(from, zone), start(until, zone),
                        "due by " + Dates.weekday(until.minusDays(1)), null)) : Optional.empty();
            }
            case AT_INTAKE_AND_DISCHARGE -> {
                if (today.isBefore(s.startsOn().plusDays(7))) {
                    yield Optional.of(new Window(start(s.startsOn(), zone), start(s.startsOn().plusDays(7), zone),
                            "at the start of your therapy, by " + Dates.weekday(s.startsOn().plusDays(6)), null));
                }
                if (s.endsOn() != null && !today.isBefore(s.endsOn().minusDays(6))) {
                    LocalDate from = s.endsOn().minusDays(6).isBefore(s.startsOn().plusDays(7))
                            ? s.startsOn().plusDays(7) : s.endsOn().minusDays(6);
                    yield Optional.of(new Window(start(from, zone), start(s.endsOn().plusDays(1), zone),
                            "near the end of your therapy, by " + Dates.weekday(s.endsOn()), null));
                }
                yield Optional.empty();
            }
        };
    }

    private static Optional<Window> beforeSession(MeasureSchedule s, List<TherapySession> timeline, ZoneId zone, Instant at) {
        TherapySession previous = null;
        for (TherapySession session : timeline) {
            if (!session.status().happenedOrPlanned()) {
                continue;
            }
            if (session.startsAt().isAfter(at)) {
                LocalDate day = session.startsAt().atZone(zone).toLocalDate();
                if (day.isBefore(s.startsOn()) || (s.endsOn() != null && day.isAfter(s.endsOn()))) {
                    return Optional.empty();
                }
                Instant opens = session.startsAt().minus(Duration.ofDays(BEFORE_SESSION_DAYS));
                if (previous != null) {
                    Instant previousEnd = previous.startsAt().plus(Duration.ofMinutes(previous.durationMinutes()));
                    opens = opens.isBefore(previousEnd) ? previousEnd : opens;
                }
                Instant scheduleStart = start(s.startsOn(), zone);
                opens = opens.isBefore(scheduleStart) ? scheduleStart : opens;
                if (at.isBefore(opens)) {
                    return Optional.empty();
                }
                return Optional.of(new Window(opens, session.startsAt(), "before your session on "
                        + Dates.when(session.startsAt(), zone), session.id()));
            }
            previous = session;
        }
        return Optional.empty();
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
