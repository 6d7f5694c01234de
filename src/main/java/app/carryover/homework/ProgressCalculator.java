package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.TherapySession;

/** Computes {@link AssignmentProgress} from stored facts; nothing about due moments is stored. */
final class ProgressCalculator {

    private ProgressCalculator() {
    }

    static AssignmentProgress progress(Assignment a, ZoneId zone, List<TherapySession> timeline, List<Review> reviews,
            List<EntryRepository.Moment> moments, Set<LocalDate> paused, Instant now) {
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
        // A session that ended without anyone recording it is no due moment until it is recorded as held.
        Optional<TherapySession> due = timeline.stream()
                .filter(s -> s.startsAt().isAfter(dueAfter) && s.dueMoment(now) && !deferredAt.contains(s.id()))
                .findFirst();
        LocalDate dueDateEnd = a.dueDate() == null ? null : a.dueDate().plusDays(1);
        LocalDate periodEnd = dueDateEnd != null ? dueDateEnd : due.map(s -> s.startsAt().atZone(zone).toLocalDate()).orElse(null);
        Instant dueAt = dueDateEnd != null ? dueDateEnd.atStartOfDay(zone).toInstant() : due.map(TherapySession::startsAt).orElse(null);
        LocalDate start = a.startDate();
        Period period = new Period(start, periodEnd, dueAt, dueDateEnd);
        Map<LocalDate, Integer> counted = new TreeMap<>();
        LocalDate today = now.atZone(zone).toLocalDate();
        int doneToday = 0;
        for (EntryRepository.Moment m : moments) {
            if (period.holds(m.occurredAt(), m.localDate())) {
                counted.merge(m.localDate(), 1, Integer::sum);
            }
            if (m.localDate().equals(today)) {
                doneToday++;
            }
        }
        LocalDate soFarEnd = periodEnd == null || today.plusDays(1).isBefore(periodEnd) ? today.plusDays(1) : periodEnd;
        int periodDays = (int) Math.max(1, ChronoUnit.DAYS.between(start, periodEnd != null ? periodEnd : soFarEnd));
        Adherence soFar = Adherence.compute(a.dose(), start, soFarEnd.isBefore(start) ? start : soFarEnd, periodDays, paused, counted);
        Adherence whole = periodEnd == null ? null : Adherence.compute(a.dose(), start, periodEnd, periodDays, paused, counted);
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
        return new AssignmentProgress(a, due.orElse(null), period, soFar, whole, doneToday, expectedToday, unreviewed,
                List.copyOf(reviews));
    }
}
