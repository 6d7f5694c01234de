package app.carryover.homework;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientRecord;
import app.carryover.coach.AssignmentCoach;
import app.carryover.coach.AssignmentText;
import app.carryover.coach.CoachReport;
import app.carryover.coach.PreviousStep;
import app.carryover.goals.Goal;
import app.carryover.goals.Goals;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the quality coach about an assignment as it is written: the linked goals, the instructions,
 * the structured dose and the step before it. The coach advises; it never blocks saving.
 */
@Component
class AssignmentQuality {

    private final Goals goals;
    private final AssignmentRepository assignments;
    private final JsonMapper json;

    AssignmentQuality(Goals goals, AssignmentRepository assignments, JsonMapper json) {
        this.goals = goals;
        this.assignments = assignments;
        this.json = json;
    }

    CoachReport analyse(ClientRecord client, AssignmentDraft draft, UUID previousId) {
        String goalText = goals.ofClient(client.practiceId(), client.id(), draft.goalIds()).stream()
                .map(Goal::statement).collect(Collectors.joining("; "));
        AssignmentText text = AssignmentText.of(goalText, "", nz(draft.title()), nz(draft.instructions()))
                .withWhy(draft.rationale())
                .withWorksheet(draft.worksheetKey() == null ? null : draft.worksheetKey().replace('-', ' '));
        if (draft.dose() != null && draft.dose().kind() != null) {
            text = text.withDose(coachDose(draft.dose()));
        }
        if (previousId != null) {
            var previous = assignments.find(client.practiceId(), client.id(), previousId);
            if (previous.isPresent()) {
                text = text.withPrevious(PreviousStep.of(previous.get().title() + ". " + previous.get().instructions()));
            }
        }
        return AssignmentCoach.analyse(text);
    }

    String reportJson(ClientRecord client, AssignmentDraft draft, UUID previousId) {
        return json.writeValueAsString(analyse(client, draft, previousId));
    }

    private static app.carryover.coach.Dose coachDose(Dose dose) {
        return switch (dose.kind()) {
            case PER_DAY -> app.carryover.coach.Dose.timesPer(dose.count(), app.carryover.coach.Dose.Per.DAY);
            case PER_WEEK -> app.carryover.coach.Dose.timesPer(dose.count(), app.carryover.coach.Dose.Per.WEEK);
            case PER_PERIOD -> app.carryover.coach.Dose.timesPer(dose.count(), app.carryover.coach.Dose.Per.PERIOD);
            case ON_DAYS -> new app.carryover.coach.Dose(dose.count(), null, dose.weekdays(), List.of(), null, null, null);
            case TRIGGER -> app.carryover.coach.Dose.triggered(dose.trigger(), dose.count());
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
