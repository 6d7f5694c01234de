package app.carryover.homework;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientRecord;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;

/**
 * Adherence week by week (Monday to Sunday, in each client's time zone), assignment by assignment,
 * for progress charts and analytics over a client, a caseload or a practice. Each week is counted
 * by the same rules as an assignment's own adherence ({@link Adherence}): the dose, paused days,
 * the daily cap, never more done than expected. Loaded in a handful of queries however many clients.
 * Callers have already checked access.
 */
@Service
public class AdherenceHistory {

    /**
     * One assignment's practice in one week.
     *
     * @param monday the week's Monday (client-local)
     */
    public record Week(UUID clientId, UUID assignmentId, LocalDate monday, double expected, double done, int logged) {
    }

    /**
     * What an assignment was, for grouping weeks: its worksheet (null for a quick log) and the quality
     * ratings (0–4) of its review, when it was reviewed.
     */
    public record AssignmentFacts(UUID assignmentId, UUID clientId, String title, String worksheetKey,
            Integer clinicianRating, Integer clientRating, boolean open, boolean unreviewed) {
    }

    /** The weeks of every assignment, and the facts of each assignment that has any. */
    public record History(List<Week> weeks, Map<UUID, AssignmentFacts> assignments) {
    }

    private final AssignmentRepository assignments;
    private final EntryRepository entries;
    private final ReviewRepository reviews;
    private final Sessions sessions;
    private final Clock clock;

    AdherenceHistory(AssignmentRepository assignments, EntryRepository entries, ReviewRepository reviews,
            Sessions sessions, Clock clock) {
        this.assignments = assignments;
        this.entries = entries;
        this.reviews = reviews;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The weeks from the one holding {@code from} up to today or {@code until}, whichever is sooner. */
    public History weekly(UUID practiceId, Collection<ClientRecord> clients, LocalDate from, LocalDate until) {
        Map<UUID, ClientRecord> byId = new HashMap<>();
        clients.forEach(c -> byId.put(c.id(), c));
        List<Assignment> all = assignments.forClientsSince(practiceId, byId.keySet(), from);
        List<UUID> ids = all.stream().map(Assignment::id).toList();
        Map<UUID, List<TherapySession>> timelines = sessions.timelines(practiceId, byId.keySet());
        Map<UUID, List<Review>> reviewsBy = reviews.forAssignments(practiceId, ids);
        Map<UUID, List<EntryRepository.Moment>> moments = entries.momentsOf(practiceId, ids);
        Instant now = clock.instant();
        List<Week> weeks = new ArrayList<>();
        Map<UUID, AssignmentFacts> facts = new HashMap<>();
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<UUID, Set<LocalDate>> paused = assignments.pausedDays(practiceId, ids, until.plusDays(1));
        for (Assignment a : all) {
            ClientRecord client = byId.get(a.clientId());
            LocalDate today = now.atZone(client.timeZone()).toLocalDate();
            LocalDate last = until.isBefore(today) ? until : today;
            List<Review> rs = reviewsBy.getOrDefault(a.id(), List.of());
            List<EntryRepository.Moment> logged = moments.getOrDefault(a.id(), List.of());
            Set<LocalDate> off = paused.getOrDefault(a.id(), Set.of());
            AssignmentProgress p = ProgressCalculator.progress(a, client.timeZone(),
                    timelines.getOrDefault(a.clientId(), List.of()), rs, logged, off, now);
            // Only entries inside the assignment's period count (the period says which), per local date.
            TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
            logged.stream().filter(m -> p.period().holds(m.occurredAt(), m.localDate()))
                    .forEach(m -> perDay.merge(m.localDate(), 1, Integer::sum));
            LocalDate end = p.periodEnd() == null ? last.plusDays(1) : p.periodEnd();
            if (!a.status().open() && p.periodEnd() == null) {
                continue;
            }
            boolean any = false;
            int periodDays = (int) Math.max(1, ChronoUnit.DAYS.between(a.startDate(), end));
            for (LocalDate monday = a.startDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    monday.isBefore(end) && !monday.isAfter(last); monday = monday.plusWeeks(1)) {
                if (monday.isBefore(firstMonday)) {
                    continue;
                }
                LocalDate lo = monday.isBefore(a.startDate()) ? a.startDate() : monday;
                LocalDate hi = monday.plusWeeks(1).isBefore(end) ? monday.plusWeeks(1) : end;
                hi = hi.isAfter(last.plusDays(1)) ? last.plusDays(1) : hi;
                if (!lo.isBefore(hi)) {
                    continue;
                }
                // The last week of the period keeps practice on the due day itself (before the session).
                LocalDate countUntil = hi.equals(end) ? LocalDate.MAX : hi;
                Map<LocalDate, Integer> inWeek = perDay.subMap(lo, true, countUntil, false);
                Adherence week = Adherence.compute(a.dose(), lo, hi, periodDays, off, inWeek);
                weeks.add(new Week(a.clientId(), a.id(), monday, week.expected(), week.done(), week.logged()));
                any = true;
            }
            if (any || a.status().open() || p.unreviewed()) {
                Review decided = p.review();
                facts.put(a.id(), new AssignmentFacts(a.id(), a.clientId(), a.title(), a.worksheetKey(),
                        decided == null ? null : decided.clinicianRating(), decided == null ? null : decided.clientRating(),
                        a.status().open(), p.unreviewed()));
            }
        }
        return new History(weeks, facts);
    }
}
