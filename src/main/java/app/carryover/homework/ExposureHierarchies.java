package app.carryover.homework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
                .sorted(Comparator.comparingInt(StepInput::anticipatedDistress)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            hierarchies.insertStep(client.practiceId(), new ExposureStep(Uuids.timeOrdered(), id, i + 1,
                    ordered.get(i).situation().strip(), ordered.get(i).anticipatedDistress()), clock.instant());
        }
        return hierarchies.find(client.practiceId(), client.id(), id).orElseThrow();
    }

    /**
     * A step as the edit form sends it: an existing step's id (null for a new one), its situation and
     * expected distress. The list's order is the hierarchy's new order; existing steps left out are removed.
     */
    public record StepEdit(UUID id, String situation, Integer anticipatedDistress) {
    }

    /**
     * Changes a hierarchy: steps added, reworded, re-rated, reordered or removed, and its title. Removed
     * steps stay for the assignments and trials that name them. Each change is kept in words; a change
     * made over someone else's ({@code expectedRevision} no longer current) is refused.
     */
    @Transactional
    public ExposureHierarchy update(Actor actor, UUID clientId, UUID hierarchyId, String title, List<StepEdit> steps,
            Integer expectedRevision) {
        ClientRecord client = access.change(actor, clientId, "exposure hierarchy");
        ExposureHierarchy current = hierarchies.find(client.practiceId(), client.id(), hierarchyId)
                .orElseThrow(() -> ProblemException.notFound("Exposure hierarchy"));
        if (expectedRevision != null && expectedRevision != current.revision()) {
            throw ProblemException.conflict("Someone changed this hierarchy meanwhile; reload it and try again.");
        }
        String name = title == null ? "" : title.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("title", "must be 1 to 200 characters"));
        }
        List<StepEdit> kept = steps == null ? List.of()
                : steps.stream().filter(s -> s.situation() != null && !s.situation().isBlank()).toList();
        if (kept.isEmpty()) {
            problems.add(new FieldProblem("steps", "keep at least one situation"));
        }
        for (int i = 0; i < kept.size(); i++) {
            StepEdit s = kept.get(i);
            if (s.id() != null && current.step(s.id()).isEmpty()) {
                problems.add(new FieldProblem("steps[" + i + "].id", "is not a step of this hierarchy"));
            }
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
        Instant now = clock.instant();
        List<String> changes = new ArrayList<>();
        if (!name.equals(current.title())) {
            changes.add("Title: “" + current.title() + "” → “" + name + "”");
        }
        List<UUID> keptIds = kept.stream().map(StepEdit::id).filter(Objects::nonNull).toList();
        for (ExposureStep old : current.steps()) {
            if (!keptIds.contains(old.id())) {
                changes.add("Removed step " + old.position() + ": “" + old.situation() + "” (" + old.anticipatedDistress() + "/100)");
            }
        }
        List<ExposureStep> next = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            StepEdit e = kept.get(i);
            ExposureStep step = new ExposureStep(e.id() == null ? Uuids.timeOrdered() : e.id(), hierarchyId, i + 1,
                    e.situation().strip(), e.anticipatedDistress());
            next.add(step);
            if (e.id() == null) {
                changes.add("Added step " + step.position() + ": “" + step.situation() + "” (" + step.anticipatedDistress() + "/100)");
                continue;
            }
            ExposureStep old = current.step(e.id()).orElseThrow();
            if (!old.situation().equals(step.situation()) || old.anticipatedDistress() != step.anticipatedDistress()) {
                changes.add("Changed step " + old.position() + ": “" + old.situation() + "” (" + old.anticipatedDistress()
                        + "/100) → “" + step.situation() + "” (" + step.anticipatedDistress() + "/100)");
            }
        }
        List<UUID> oldOrder = current.steps().stream().map(ExposureStep::id).filter(keptIds::contains).toList();
        if (!oldOrder.equals(keptIds)) {
            changes.add("New order: " + IntStream.range(0, next.size())
                    .mapToObj(i -> (i + 1) + ". " + next.get(i).situation()).collect(Collectors.joining("; ")));
        }
        if (changes.isEmpty()) {
            return current;
        }
        if (!hierarchies.advance(client.practiceId(), hierarchyId, name, current.revision())) {
            throw ProblemException.conflict("Someone changed this hierarchy meanwhile; reload it and try again.");
        }
        for (ExposureStep old : current.steps()) {
            if (!keptIds.contains(old.id())) {
                hierarchies.removeStep(client.practiceId(), old.id(), now);
            }
        }
        for (ExposureStep step : next) {
            if (current.step(step.id()).isPresent()) {
                hierarchies.updateStep(client.practiceId(), step);
            } else {
                hierarchies.insertStep(client.practiceId(), step, now);
            }
        }
        hierarchies.insertRevision(client.practiceId(), hierarchyId, current.revision() + 1, changes, now, actor.accountId());
        return hierarchies.find(client.practiceId(), client.id(), hierarchyId).orElseThrow();
    }

    /** One hierarchy of the client, for the edit form. */
    public ExposureHierarchy get(Actor actor, UUID clientId, UUID hierarchyId) {
        ClientRecord client = access.read(actor, clientId, "exposure hierarchy");
        return hierarchies.find(client.practiceId(), client.id(), hierarchyId)
                .orElseThrow(() -> ProblemException.notFound("Exposure hierarchy"));
    }

    /** A hierarchy's changes, newest first, for the care team. */
    public List<HierarchyRevision> history(Actor actor, UUID clientId, UUID hierarchyId) {
        ClientRecord client = access.readClinical(actor, clientId, "exposure hierarchy history");
        hierarchies.find(client.practiceId(), client.id(), hierarchyId)
                .orElseThrow(() -> ProblemException.notFound("Exposure hierarchy"));
        return hierarchies.revisions(client.practiceId(), hierarchyId);
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
