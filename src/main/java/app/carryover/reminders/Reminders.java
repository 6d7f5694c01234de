package app.carryover.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.DuePractices;
import app.carryover.system.Actor;

/** What other screens show of reminders: the follow-ups on a clinician's caseload. */
@Service
public class Reminders {

    /** An open follow-up: practice stopped on a daily assignment for the practice's task days. */
    public record FollowUp(UUID clientId, String clientName, String assignment, LocalDate lastPractised) {
    }

    private final Caseload caseload;
    private final EscalationRepository escalations;
    private final DuePractices practices;

    Reminders(Caseload caseload, EscalationRepository escalations, DuePractices practices) {
        this.caseload = caseload;
        this.escalations = escalations;
        this.practices = practices;
    }

    /** Open follow-up tasks for the clients on the clinician's care teams, oldest first. */
    public List<FollowUp> followUps(Actor clinician) {
        Map<UUID, ClientRecord> clients = new HashMap<>();
        caseload.mine(clinician).forEach(c -> clients.put(c.id(), c));
        List<FollowUp> result = new ArrayList<>();
        var tasks = escalations.openTasks(clinician.practiceId(), List.copyOf(clients.keySet()));
        if (tasks.isEmpty()) {
            return result;
        }
        // The open assignments' titles of every client with a task, in one statement (was: each client's progress).
        Map<UUID, String> titles = practices.openTitles(clinician.practiceId(),
                tasks.stream().map(t -> t.clientId()).distinct().toList());
        for (var task : tasks) {
            ClientRecord client = clients.get(task.clientId());
            result.add(new FollowUp(client.id(), client.displayName(), titles.getOrDefault(task.assignmentId(), "an assignment"),
                    task.since().minusDays(1)));
        }
        return result;
    }
}
