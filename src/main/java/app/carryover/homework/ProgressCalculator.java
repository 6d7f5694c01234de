package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.TherapySession;

/** Computes {@link AssignmentProgress} from stored facts; nothing about due moments is stored. */
final class ProgressCalculator {

    private ProgressCalculator() {
    }

    static AssignmentProgress progress(Assignment a, ZoneId zone, List<TherapySession> timeline, List<Review> reviews,
            Map<LocalDate, Integer> counts, Set<LocalDate> paused, Instant now) {
        Set<UUID> deferredAt = reviews.stream().filter(Review::deferred).map(Review::sessionId).collect(Collectors.toSet());
        boolean reviewed = reviews.stream().anyMatch(r -> !r.deferred());
        Instant after = a.dueDate() != null ? a.dueDate().atStartOfDay(zone).toInstant().minusNanos(1) : a.startsAt();
        if (a.dueDate() == null && a.assignedInSession() != null) {
            // Composed just before its session started: still due at the session after it.
            Instant assignedAt = after;
            after = timeline.stream().filter(s -> s.id().equals(a.assignedInSession())).map(TherapySession::startsAt)
                    .filter(t -> t.isAfter(assignedAt)).findFirst().orElse(assignedAt);
        }
        Instant dueAfter = after;
        Optional<TherapySession> due = timeline.stream()
                .filter(s -> s.startsAt().isAfter(dueAfter) && s.status().happenedOrPlanned() && !deferredAt.contains(s.id()))
                .findFirst();
        LocalDate periodEnd = a.dueDate() != null ? a.dueDate().plusDays(1)
                : due.map(s -> s.startsAt().atZone(zone).toLocalDate()).orElse(null);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate start = a.startDate();
        LocalDate soFarEnd = periodEnd == null || today.plusDays(1).isBefore(periodEnd) ? today.plusDays(1) : periodEnd;
        int periodDays = (int) Math.max(1, ChronoUnit.DAYS.between(start, periodEnd != null ? periodEnd : soFarEnd));
        Adherence soFar = Adherence.compute(a.dose(), start, soFarEnd.isBefore(start) ? start : soFarEnd, periodDays, paused, counts);
        Adherence whole = periodEnd == null ? null : Adherence.compute(a.dose(), start, periodEnd, periodDays, paused, counts);
        Review decided = reviews.stream().filter(r -> !r.deferred()).findFirst().orElse(null);
        if (decided != null) {
            if (whole != null) {
                whole = whole.withRatings(decided.clinicianRating(), decided.clientRating());
            }
            soFar = soFar.withRatings(decided.clinicianRating(), decided.clientRating());
        }
        boolean inPeriod = !today.isBefore(start) && (periodEnd == null || today.isBefore(periodEnd)) && !paused.contains(today);
        Double expectedToday = a.dose().countedOverPeriod() || !inPeriod ? null : a.dose().expectedOn(today);
        boolean unreviewed = a.status().open() && !reviewed && due.isPresent() && due.get().status() == SessionStatus.HELD;
        return new AssignmentProgress(a, due.orElse(null), periodEnd, soFar, whole, counts.getOrDefault(today, 0),
                expectedToday, unreviewed, List.copyOf(reviews));
    }
}
