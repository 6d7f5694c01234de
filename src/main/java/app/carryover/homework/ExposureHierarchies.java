package app.carryover.homework;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * Exposure hierarchies: situations a client fears, with anticipated distress 0–100, in order.
 * Exposure assignments point at a step; their trials are entries of the exposure practice log.
 */
@Service
public class ExposureHierarchies {

    /** A step to add: a situation and the distress the client expects from it. */
    public record StepInput(String situation, Integer anticipatedDistress) {
    }

    private final HierarchyRepository hierarchies;
    private final AssignmentRepository assignments;
    private final EntryRepository entries;
    private final ClientAccess access;
    private final Clock clock;

    ExposureHierarchies(HierarchyRepository hierarchies, AssignmentRepository assignments, EntryRepository entries,
            ClientAccess access, Clock clock) {
        this.hierarchies = hierarchies;
        this.assignments = assignments;
        this.entries = entries;
        this.access = access;
        this.clock = clock;
    }

    /** Checks that the caller may create a hierarchy for this client (before showing the form). */
    public void prepare(Actor actor, UUID clientId) {
        access.prepareChange(actor, clientId, "exposure hierarchy form");
    }

    public List<ExposureHierarchy> list(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "exposure hierarchies");
        return hierarchies.forClient(client.practiceId(), client.id());
    }

    /** Creates a hierarchy; steps are ordered by anticipated distress, lowest first. */
    @Transactional
    public ExposureHierarchy create(Actor actor, UUID clientId, String title, List<StepInput> steps) {
        ClientRecord client = access.change(actor, clientId, "exposure hierarchy");
        String name = title == null ? "" : title.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("title", "must be 1 to 200 characters"));
        }
        List<StepInput> kept = steps == null ? List.of()
                : steps.stream().filter(s -> s.situation() != null && !s.situation().isBlank()).toList();
        if (kept.isEmpty()) {
            problems.add(new FieldProblem("steps", "add at least one situation"));
        }
        for (int i = 0; i < kept.size(); i++) {
            StepInput s = kept.get(i);
            if (s.situation().strip().length() > 500) {
                problems.add(new FieldProblem("steps[" + i + "].situation", "must be at most 500 characters"));
            }
            if (s.anticipatedDistress() == null || s.anticipatedDistress() < 0 || s.anticipatedDistress() > 100) {
                problems.add(new FieldProblem("steps[" + i + "].anticipatedDistress", "must be between 0 and 100"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID id = Uuids.timeOrdered();
        hierarchies.insert(client.practiceId(), id, client.id(), name, actor.accountId(), clock.instant());
        List<StepInput> ordered = kept.stream()
                .sorted(java.util.Comparator.comparingInt(StepInput::anticipatedDistress)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            hierarchies.insertStep(client.practiceId(), new ExposureStep(Uuids.timeOrdered(), id, i + 1,
                    ordered.get(i).situation().strip(), ordered.get(i).anticipatedDistress()), clock.instant());
        }
        return hierarchies.find(client.practiceId(), client.id(), id).orElseThrow();
    }

    /** Whether the trials of a step suggest stepping up, with the rule and the numbers. */
    public StepUpRule suggestion(Actor actor, UUID clientId, UUID stepId) {
        ClientRecord client = access.readClinical(actor, clientId, "exposure step");
        hierarchies.ofStep(client.practiceId(), client.id(), stepId).orElseThrow(() -> ProblemException.notFound("Step"));
        return suggestionOf(client.practiceId(), stepId);
    }

    StepUpRule suggestionOf(UUID practiceId, UUID stepId) {
        List<UUID> ids = assignments.forStep(practiceId, stepId).stream().map(Assignment::id).toList();
        List<BigDecimal> peaks = entries.valuesOf(practiceId, ids, BuiltInWorksheets.ExposurePractice.PEAK_DISTRESS)
                .stream().map(r -> (BigDecimal) r[2]).toList();
        return StepUpRule.judge(peaks);
    }
}
