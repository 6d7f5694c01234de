package app.carryover.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.sessions.SessionCalendar.Slot;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Uuids;

/** Scheduling sessions, recording what became of them, and the clinician's notes. */
@Service
public class Sessions {

    private final TherapySessionRepository sessions;
    private final SessionCalendar calendar;
    private final List<SessionAttachments> attachments;
    private final ClientAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sessions(TherapySessionRepository sessions, SessionCalendar calendar, List<SessionAttachments> attachments,
            ClientAccess access, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.calendar = calendar;
        this.attachments = attachments;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Schedules a session at a local date and time in the client's time zone. A time that does not
     * exist there (the gap when clocks go forward) is refused; an ambiguous one (clocks go back) is
     * taken at its earlier instant. A second session of the same client at the same time is refused.
     */
    @Transactional
    public TherapySession schedule(Actor actor, UUID clientId, LocalDateTime localStart, int minutes) {
        ClientRecord client = access.change(actor, clientId, "sessions");
        Instant start = SessionCalendar.instantIn(client, localStart, "startsAt");
        SessionCalendar.checkMinutes(minutes);
        calendar.requireFree(client, List.of(new Slot(start, minutes)), Set.of(), "startsAt");
        TherapySession session = new TherapySession(client.practiceId(), Uuids.timeOrdered(), client.id(),
                actor.accountId(), start, minutes, SessionStatus.SCHEDULED, null, null, null);
        sessions.insert(session, actor.accountId(), clock.instant());
        return session;
    }

    /** Moves a scheduled session (alone, even when part of a series) to another local time in the client's zone. */
    @Transactional
    public TherapySession reschedule(Actor actor, UUID clientId, UUID sessionId, LocalDateTime localStart, int minutes) {
        ClientRecord client = access.change(actor, clientId, "session");
        TherapySession session = find(client, sessionId);
        if (session.status() != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict("Only a scheduled session can be moved; this one is " + session.status().label() + ".");
        }
        SessionCalendar.checkMinutes(minutes);
        Instant startsAt = SessionCalendar.instantIn(client, localStart, "startsAt");
        calendar.requireFree(client, List.of(new Slot(startsAt, minutes)), Set.of(sessionId), "startsAt");
        sessions.reschedule(client.practiceId(), sessionId, startsAt, minutes);
        events.publishEvent(new SessionRescheduled(client.practiceId(), client.id(), sessionId, startsAt));
        return find(client, sessionId);
    }

    /**
     * Why a session must stay on the record, in words ("it was held", "1 assignment was set in it");
     * empty when it may be deleted.
     */
    public List<String> whyKept(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "session");
        return whyKept(client, List.of(find(client, sessionId))).getOrDefault(sessionId, List.of());
    }

    /**
     * Deletes a session that nothing hangs on (scheduled or cancelled, no notes, no homework or
     * transcript of it) — with {@code following}, the later sessions of its series too, keeping those
     * something hangs on. Answers the sessions deleted and, for each kept, why.
     */
    @Transactional
    public Deleted delete(Actor actor, UUID clientId, UUID sessionId, boolean following) {
        ClientRecord client = access.change(actor, clientId, "session");
        TherapySession session = find(client, sessionId);
        List<TherapySession> candidates = following && session.seriesId() != null
                ? sessions.forClient(client.practiceId(), client.id()).stream()
                        .filter(s -> session.seriesId().equals(s.seriesId()) && !s.startsAt().isBefore(session.startsAt()))
                        .toList()
                : List.of(session);
        Map<UUID, List<String>> kept = whyKept(client, candidates);
        if (kept.containsKey(sessionId)) {
            throw ProblemException.conflict("This session stays on the record: " + String.join("; ", kept.get(sessionId))
                    + ". Cancel it instead if it will not take place.");
        }
        List<TherapySession> deleted = candidates.stream().filter(s -> !kept.containsKey(s.id())).toList();
        for (TherapySession s : deleted) {
            sessions.delete(client.practiceId(), s.id());
        }
        return new Deleted(deleted, candidates.stream().filter(s -> kept.containsKey(s.id())).toList());
    }

    /** What a deletion did: the sessions deleted and those kept because something hangs on them. */
    public record Deleted(List<TherapySession> deleted, List<TherapySession> kept) {
    }

    private Map<UUID, List<String>> whyKept(ClientRecord client, List<TherapySession> candidates) {
        Map<UUID, List<String>> reasons = new HashMap<>();
        for (TherapySession s : candidates) {
            if (s.status() == SessionStatus.HELD || s.status() == SessionStatus.NO_SHOW) {
                reasons.computeIfAbsent(s.id(), k -> new ArrayList<>())
                        .add(s.status() == SessionStatus.HELD ? "it was held" : "it is recorded as a no-show");
            }
            if (s.notes() != null) {
                reasons.computeIfAbsent(s.id(), k -> new ArrayList<>()).add("it has notes");
            }
        }
        List<UUID> ids = candidates.stream().map(TherapySession::id).toList();
        for (SessionAttachments module : attachments) {
            module.describe(client.practiceId(), client.id(), ids)
                    .forEach((id, what) -> reasons.computeIfAbsent(id, k -> new ArrayList<>()).addAll(what));
        }
        return reasons;
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
        List<TherapySession> all = withNotes(client.practiceId(), client.id());
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
        return withNotes(practiceId, clientId).stream().map(TherapySession::forClient).toList();
    }

    /** The client's sessions with notes, read once per reading request (a page shows its list, due dates and brief from it). */
    private List<TherapySession> withNotes(UUID practiceId, UUID clientId) {
        return app.carryover.system.RequestMemo.get(memoKey(practiceId, clientId),
                () -> sessions.forClient(practiceId, clientId));
    }

    /**
     * The timelines of several clients at once (without notes), for modules that have already checked
     * access and work over a caseload or a practice (progress, analytics); clients without sessions are absent.
     */
    public java.util.Map<UUID, List<TherapySession>> timelines(UUID practiceId, java.util.Collection<UUID> clientIds) {
        // Read once per reading request for all (a caseload asks for progress, then for the next sessions):
        // clients this request has read already come from its memory, the rest in one statement.
        java.util.Map<UUID, List<TherapySession>> withNotes = new java.util.HashMap<>();
        List<UUID> unknown = new java.util.ArrayList<>();
        for (UUID client : clientIds) {
            if (app.carryover.system.RequestMemo.known(memoKey(practiceId, client)) instanceof List<?> known) {
                @SuppressWarnings("unchecked")
                List<TherapySession> list = (List<TherapySession>) known;
                withNotes.put(client, list);
            } else {
                unknown.add(client);
            }
        }
        if (!unknown.isEmpty()) {
            java.util.Map<UUID, List<TherapySession>> read = sessions.forClients(practiceId, unknown);
            for (UUID client : unknown) {
                List<TherapySession> list = read.getOrDefault(client, List.of());
                app.carryover.system.RequestMemo.put(memoKey(practiceId, client), list);
                withNotes.put(client, list);
            }
        }
        java.util.Map<UUID, List<TherapySession>> all = new java.util.HashMap<>();
        withNotes.forEach((client, list) -> {
            if (!list.isEmpty()) {
                all.put(client, list.stream().map(TherapySession::forClient).toList());
            }
        });
        return all;
    }

    private static String memoKey(UUID practiceId, UUID clientId) {
        return "sessions:" + practiceId + ":" + clientId;
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
        // The session screen asks for its session twice (the page, what keeps it on the record): once per reading request.
        Optional<TherapySession> found = app.carryover.system.RequestMemo.get(
                "session:" + client.practiceId() + ":" + client.id() + ":" + sessionId,
                () -> sessions.find(client.practiceId(), client.id(), sessionId));
        return found.orElseThrow(() -> ProblemException.notFound("Session"));
    }
}
