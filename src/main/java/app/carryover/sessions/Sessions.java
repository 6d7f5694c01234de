package app.carryover.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Uuids;

/** Scheduling sessions, recording what became of them, and the clinician's notes. */
@Service
public class Sessions {

    /** A session changed status; reminders and the homework loop may care. */
    public record SessionStatusChanged(UUID practiceId, UUID clientId, UUID sessionId, SessionStatus status, Instant at) {
    }

    /**
     * A scheduled session was moved. Published inside the moving transaction, so a synchronous listener
     * (say, the transcripts module's copy of the session's start) changes with it or not at all.
     */
    public record SessionRescheduled(UUID practiceId, UUID clientId, UUID sessionId, Instant startsAt) {
    }

    private final TherapySessionRepository sessions;
    private final ClientAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(TherapySessionRepository sessions, ClientAccess access, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Schedules a session at a local date and time in the client's time zone. A time that does not
     * exist there (the gap when clocks go forward) is refused; an ambiguous one (clocks go back) is
     * taken at its earlier instant.
     */
    @Transactional
    public TherapySession schedule(Actor actor, UUID clientId, LocalDateTime localStart, int minutes) {
        ClientRecord client = access.change(actor, clientId, "sessions");
        Instant start = instantIn(client, localStart, "startsAt");
        checkMinutes(minutes);
        TherapySession session = new TherapySession(client.practiceId(), Uuids.timeOrdered(), client.id(),
                actor.accountId(), start, minutes, SessionStatus.SCHEDULED, null);
        sessions.insert(session, actor.accountId(), clock.instant());
        return session;
    }

    @Transactional
    public TherapySession reschedule(Actor actor, UUID clientId, UUID sessionId, LocalDateTime localStart, int minutes) {
        ClientRecord client = access.change(actor, clientId, "session");
        TherapySession session = find(client, sessionId);
        if (session.status() != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Only a scheduled session can be moved.");
        }
        checkMinutes(minutes);
        Instant startsAt = instantIn(client, localStart, "startsAt");
        sessions.reschedule(client.practiceId(), sessionId, startsAt, minutes);
        events.publishEvent(new SessionRescheduled(client.practiceId(), client.id(), sessionId, startsAt));
        return find(client, sessionId);
    }

    /** Records that a session was held, cancelled or a no-show. A session cannot be held before it starts. */
    @Transactional
    public TherapySession setStatus(Actor actor, UUID clientId, UUID sessionId, SessionStatus status) {
        ClientRecord client = access.change(actor, clientId, "session");
        TherapySession session = find(client, sessionId);
        if (status == null) {
            throw ProblemException.invalid("status", "must be SCHEDULED, HELD, CANCELLED or NO_SHOW");
        }
        Instant now = clock.instant();
        if ((status == SessionStatus.HELD || status == SessionStatus.NO_SHOW)
                && session.startsAt().isAfter(now.plus(Duration.ofMinutes(15)))) {
            throw ProblemException.invalid("status", "a session that has not started yet cannot be held or missed");
        }
        sessions.setStatus(client.practiceId(), sessionId, status, now);
        events.publishEvent(new SessionStatusChanged(client.practiceId(), client.id(), sessionId, status, now));
        return find(client, sessionId);
    }

    @Transactional
    public TherapySession saveNotes(Actor actor, UUID clientId, UUID sessionId, String notes) {
        ClientRecord client = access.change(actor, clientId, "session notes");
        find(client, sessionId);
        if (notes != null && notes.length() > 20000) {
            throw ProblemException.invalid("notes", "must be at most 20,000 characters");
        }
        sessions.setNotes(client.practiceId(), sessionId, notes == null || notes.isBlank() ? null : notes.strip());
        return find(client, sessionId);
    }

    /** The client's sessions in time order, with notes for the care team and without for the client. */
    public List<TherapySession> list(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "sessions");
        List<TherapySession> all = sessions.forClient(client.practiceId(), client.id());
        return actor.isClient() ? all.stream().map(TherapySession::forClient).toList() : all;
    }

    /** One session with its notes, for the care team. */
    public TherapySession get(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "session");
        return find(client, sessionId);
    }

    /**
     * Every session of a client in time order, without notes, for modules that have already
     * checked access (homework computes due moments from these).
     */
    public List<TherapySession> timeline(UUID practiceId, UUID clientId) {
        return sessions.forClient(practiceId, clientId).stream().map(TherapySession::forClient).toList();
    }

    /** The first session after the instant that is scheduled or held (cancelled and no-shows are skipped). */
    public static Optional<TherapySession> nextAfter(List<TherapySession> timeline, Instant after) {
        return timeline.stream().filter(s -> s.startsAt().isAfter(after) && s.status().happenedOrPlanned()).findFirst();
    }

    /** Sessions that have ended but are still "scheduled": the care team should record what became of them. */
    public static List<TherapySession> unrecorded(List<TherapySession> timeline, Instant now) {
        return timeline.stream().filter(s -> s.unrecorded(now)).toList();
    }

    private TherapySession find(ClientRecord client, UUID sessionId) {
        return sessions.find(client.practiceId(), client.id(), sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session"));
    }

    private static Instant instantIn(ClientRecord client, LocalDateTime local, String field) {
        if (local == null) {
            throw ProblemException.invalid(field, "is required");
        }
        ZonedDateTime zoned = local.atZone(client.timeZone());
        if (!zoned.toLocalDateTime().equals(local)) {
            throw ProblemException.invalid(field, "does not exist in " + client.timeZone().getId()
                    + " (the clocks skip that hour)");
        }
        return zoned.withEarlierOffsetAtOverlap().toInstant();
    }

    private static void checkMinutes(int minutes) {
        if (minutes < 5 || minutes > 600) {
            throw ProblemException.invalid("durationMinutes", "must be between 5 and 600");
        }
    }
}
