package app.carryover.homework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientRecord;

/**
 * A client's open practice for background work that no person reads (reminders, escalation): no
 * access check and no read audit, and nothing clinician-only in the answer.
 */
@Service
public class DuePractices {

    private final Assignments assignments;
    private final AssignmentRepository stored;
    private final EntryRepository entries;
    private final ReviewRepository reviews;

    DuePractices(Assignments assignments, AssignmentRepository stored, EntryRepository entries, ReviewRepository reviews) {
        this.assignments = assignments;
        this.stored = stored;
        this.entries = entries;
        this.reviews = reviews;
    }

    /** The titles of these clients' active and paused assignments, by assignment, in one statement. */
    public Map<UUID, String> openTitles(UUID practiceId, java.util.Collection<UUID> clientIds) {
        Map<UUID, String> titles = new java.util.HashMap<>();
        stored.openOfClients(practiceId, clientIds).forEach(a -> titles.put(a.id(), a.title()));
        return titles;
    }

    /** The client's active and paused assignments with where each stands now. */
    public List<DuePractice> openOf(ClientRecord client) {
        List<AssignmentProgress> open = assignments.progressOf(client, false);
        List<UUID> ids = open.stream().map(p -> p.assignment().id()).toList();
        Map<UUID, List<EntryRepository.Moment>> moments = entries.momentsOf(client.practiceId(), ids);
        Map<UUID, Reflection> reflections = reviews.reflections(client.practiceId(), ids);
        List<DuePractice> result = new ArrayList<>();
        for (AssignmentProgress p : open) {
            Assignment a = p.assignment();
            LocalDate last = moments.getOrDefault(a.id(), List.of()).stream().map(EntryRepository.Moment::localDate)
                    .max(LocalDate::compareTo).orElse(null);
            result.add(new DuePractice(a.id(), a.title(), a.dose(), a.startDate(), p.periodEnd(),
                    a.status() == AssignmentStatus.PAUSED, p.doneToday(), p.soFar().expected(), p.soFar().done(), last,
                    p.dueSession() == null ? null : p.dueSession().forClient(), reflections.containsKey(a.id()),
                    p.unreviewed()));
        }
        return result;
    }
}
