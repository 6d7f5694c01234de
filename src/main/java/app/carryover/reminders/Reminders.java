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
import app.carryover.homework.DuePractice;
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
        Map<UUID, Map<UUID, String>> titles = new HashMap<>();
        for (var task : escalations.openTasks(clinician.practiceId(), List.copyOf(clients.keySet()))) {
            ClientRecord client = clients.get(task.clientId());
            String title = titles.computeIfAbsent(client.id(), id -> titlesOf(client)).getOrDefault(task.assignmentId(),
                    "an assignment");
            result.add(new FollowUp(client.id(), client.displayName(), title, task.since().minusDays(1)));
        }
        return result;
    }

    private Map<UUID, String> titlesOf(ClientRecord client) {
        Map<UUID, String> titles = new HashMap<>();
        for (DuePractice p : practices.openOf(client)) {
            titles.put(p.assignmentId(), p.title());
        }
        return titles;
    }
}
