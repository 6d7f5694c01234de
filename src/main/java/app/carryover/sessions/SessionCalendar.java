package app.carryover.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientRecord;
import app.carryover.system.Dates;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;

/**
 * The checks every change of a client's calendar passes: a local time that exists in the client's
 * zone, a sensible length, and no two sessions of one client at the same time.
 */
@Component
class SessionCalendar {

    private final TherapySessionRepository sessions;
    private final JdbcClient jdbc;

    SessionCalendar(TherapySessionRepository sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /** A slot a session is to take: its start and length. */
    record Slot(Instant startsAt, int minutes) {
        Instant endsAt() {
            return startsAt.plus(Duration.ofMinutes(minutes));
        }

        boolean overlaps(TherapySession s) {
            return startsAt.isBefore(s.endsAt()) && s.startsAt().isBefore(endsAt());
        }
    }

    /**
     * Refuses slots that overlap a scheduled or held session of the client (other than those being
     * moved), naming each clash. Takes a lock on the client's calendar for the rest of the transaction,
     * so two clinicians booking the same hour at once cannot both succeed.
     */
    void requireFree(ClientRecord client, Collection<Slot> slots, Collection<UUID> moving, String field) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("session-calendar:" + client.id())
                .query((rs, n) -> 1).list();
        List<TherapySession> taken = sessions.forClient(client.practiceId(), client.id()).stream()
                .filter(s -> s.status().happenedOrPlanned() && !moving.contains(s.id())).toList();
        List<String> clashes = slots.stream()
                .flatMap(slot -> taken.stream().filter(slot::overlaps))
                .distinct()
                .map(s -> Dates.span(s.startsAt(), s.endsAt(), client.timeZone()))
                .toList();
        if (!clashes.isEmpty()) {
            String list = clashes.size() <= 3 ? String.join("; ", clashes)
                    : String.join("; ", clashes.subList(0, 3)) + " and " + (clashes.size() - 3) + " more";
            throw ProblemException.invalid(List.of(new FieldProblem(field, client.displayName() + " already has "
                    + (clashes.size() == 1 ? "a session" : "sessions") + " then: " + list + " ("
                    + Dates.zoneName(client.timeZone()) + " time). Move or cancel " + (clashes.size() == 1 ? "it" : "them")
                    + " first, or choose another time.")));
        }
    }

    /**
     * The instant of a local date and time in the client's zone. A time that does not exist there (the
     * gap when clocks go forward) is refused; an ambiguous one (clocks go back) is taken at its earlier
     * instant.
     */
    static Instant instantIn(ClientRecord client, LocalDateTime local, String field) {
        if (local == null) {
            throw ProblemException.invalid(field, "is required");
        }
        ZonedDateTime zoned = local.atZone(client.timeZone());
        if (!zoned.toLocalDateTime().equals(local)) {
            throw ProblemException.invalid(field, Dates.day(local.toLocalDate()) + " at " + local.toLocalTime()
                    + " does not exist in " + client.timeZone().getId() + " (the clocks skip that hour)");
        }
        return zoned.withEarlierOffsetAtOverlap().toInstant();
    }

    static void checkMinutes(Integer minutes) {
        if (minutes == null || minutes < 5 || minutes > 600) {
            throw ProblemException.invalid("durationMinutes", "must be between 5 and 600");
        }
    }
}
