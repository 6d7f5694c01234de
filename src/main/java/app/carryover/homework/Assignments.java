package app.carryover.homework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.goals.GoalStatus;
import app.carryover.goals.Goals;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * Composing assignments and changing their status; listing a client's assignments with where each
 * stands. The care team composes and changes; the client reads their own (without clinician-only
 * material).
 */
@Service
public class Assignments {

    private final AssignmentRepository assignments;
    private final EntryRepository entries;
    private final ReviewRepository reviews;
    private final HierarchyRepository hierarchies;
    private final ClientAccess access;
    private final Goals goals;
    private final Sessions sessions;
    private final WorksheetCatalogue worksheets;
    private final AssignmentQuality quality;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Assignments(AssignmentRepository assignments, EntryRepository entries, ReviewRepository reviews,
            HierarchyRepository hierarchies, ClientAccess access, Goals goals, Sessions sessions,
            WorksheetCatalogue worksheets, AssignmentQuality quality, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.assignments = assignments;
        this.entries = entries;
        this.reviews = reviews;
        this.hierarchies = hierarchies;
        this.access = access;
        this.goals = goals;
        this.sessions = sessions;
        this.worksheets = worksheets;
        this.quality = quality;
        this.clock = clock;
    }

    /** Creates an assignment from the composer's draft; every field at fault is named. */
    @Transactional
    public Assignment compose(Actor actor, UUID clientId, AssignmentDraft draft) {
        ClientRecord client = access.change(actor, clientId, "assignments");
        return create(actor, client, draft, null, clock.instant());
    }

    /** A draft repeating an earlier assignment, for the composer's "copy". */
    public AssignmentDraft copy(Actor actor, UUID clientId, UUID assignmentId) {
        ClientRecord client = access.readClinical(actor, clientId, "assignment");
        return AssignmentDraft.from(find(client, assignmentId));
    }

    /** Pauses, resumes, completes or discontinues an assignment. Paused days expect no practice. */
    @Transactional
    public Assignment setStatus(Actor actor, UUID clientId, UUID assignmentId, AssignmentStatus status) {
        ClientRecord client = access.change(actor, clientId, "assignment");
        Assignment a = find(client, assignmentId);
        if (status == null) {
            throw ProblemException.invalid("status", "must be ACTIVE, PAUSED, COMPLETED or DISCONTINUED");
        }
        if (!a.status().open()) {
            throw ProblemException.conflict("This assignment is " + a.status().label() + " and can no longer change.");
        }
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        if (status == AssignmentStatus.PAUSED && a.status() == AssignmentStatus.ACTIVE) {
            assignments.pause(client.practiceId(), a.id(), today);
        } else if (status != AssignmentStatus.PAUSED && a.status() == AssignmentStatus.PAUSED) {
            assignments.resume(client.practiceId(), a.id(), today);
        }
        assignments.setStatus(client.practiceId(), a.id(), status, clock.instant());
        events.publishEvent(new AssignmentChanged(client.practiceId(), client.id(), a.id()));
        return find(client, assignmentId);
    }

    /** The client's assignments, oldest first; the client gets them without clinician-only material. */
    public List<Assignment> list(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "assignments");
        List<Assignment> all = assignments.forClient(client.practiceId(), client.id());
        return actor.isClient() ? all.stream().map(Assignment::forClient).toList() : all;
    }

    public Assignment get(Actor actor, UUID clientId, UUID assignmentId) {
        ClientRecord client = access.read(actor, clientId, "assignment");
        Assignment a = find(client, assignmentId);
        return actor.isClient() ? a.forClient() : a;
    }

    /** Where each of the client's assignments stands now (open ones, and closed ones when asked). */
    public List<AssignmentProgress> progress(Actor actor, UUID clientId, boolean includeClosed) {
        ClientRecord client = access.read(actor, clientId, "assignment progress");
        List<AssignmentProgress> result = progressOf(client, includeClosed);
        return actor.isClient() ? result.stream().map(Assignments::forClient).toList() : result;
    }

    /**
     * Where the open assignments of several clients stand now (a caseload), by client: the rule and audit of
     * {@link #progress} for each (clients the caller may not read are left out), in a fixed number of
     * statements however many clients there are.
     */
    public Map<UUID, List<AssignmentProgress>> openProgress(Actor actor, List<ClientRecord> clients) {
        List<ClientRecord> readable = access.readAll(actor, clients, "assignment progress");
        Map<UUID, List<AssignmentProgress>> result = new java.util.HashMap<>();
        if (readable.isEmpty()) {
            return result;
        }
        UUID practiceId = actor.practiceId();
        Map<UUID, ClientRecord> byId = new java.util.HashMap<>();
        readable.forEach(c -> byId.put(c.id(), c));
        List<Assignment> open = assignments.openOfClients(practiceId, byId.keySet());
        List<UUID> ids = open.stream().map(Assignment::id).toList();
        Instant now = clock.instant();
        Map<UUID, List<TherapySession>> timelines = sessions.timelines(practiceId, byId.keySet());
        Map<UUID, List<Review>> reviewsBy = reviews.forAssignments(practiceId, ids);
        Map<UUID, List<EntryRepository.Moment>> moments = entries.momentsOf(practiceId, ids);
        Map<UUID, UUID> clientOf = new java.util.HashMap<>();
        open.forEach(a -> clientOf.put(a.id(), a.clientId()));
        Map<UUID, Set<LocalDate>> paused = assignments.pausedDays(practiceId, ids,
                id -> now.atZone(byId.get(clientOf.get(id)).timeZone()).toLocalDate().plusDays(1));
        readable.forEach(c -> result.put(c.id(), new ArrayList<>()));
        for (Assignment a : open) {
            ClientRecord client = byId.get(a.clientId());
            result.get(a.clientId()).add(ProgressCalculator.progress(a, client.timeZone(),
                    timelines.getOrDefault(a.clientId(), List.of()), reviewsBy.getOrDefault(a.id(), List.of()),
                    moments.getOrDefault(a.id(), List.of()), paused.getOrDefault(a.id(), Set.of()), now));
        }
        return result;
    }

    /** Progress without an access check or audit, for services of this module that have done both. */
    List<AssignmentProgress> progressOf(ClientRecord client, boolean includeClosed) {
        return progressOf(client, includeClosed ? assignments.forClient(client.practiceId(), client.id())
                : assignments.openOrAmong(client.practiceId(), client.id(), List.of()));
    }

    /**
     * The progress of the client's open assignments and of these others. Each assignment's progress
     * depends on it alone, so a screen about a few of a year's assignments loads and computes only theirs.
     */
    List<AssignmentProgress> progressOfOpenAnd(ClientRecord client, java.util.Collection<UUID> others) {
        return progressOf(client, assignments.openOrAmong(client.practiceId(), client.id(), others));
    }

    /** The progress of one of the client's assignments, open or closed. */
    Optional<AssignmentProgress> progressOfOne(ClientRecord client, UUID assignmentId) {
        return assignments.find(client.practiceId(), client.id(), assignmentId)
                .map(a -> progressOf(client, List.of(a)).get(0));
    }

    List<AssignmentProgress> progressOf(ClientRecord client, List<Assignment> list) {
        List<UUID> ids = list.stream().map(Assignment::id).toList();
        Instant now = clock.instant();
        List<TherapySession> timeline = sessions.timeline(client.practiceId(), client.id());
        Map<UUID, List<Review>> reviewsBy = reviews.forAssignments(client.practiceId(), ids);
        Map<UUID, List<EntryRepository.Moment>> moments = entries.momentsOf(client.practiceId(), ids);
        Map<UUID, Set<LocalDate>> paused = assignments.pausedDays(client.practiceId(), ids,
                now.atZone(client.timeZone()).toLocalDate().plusDays(1));
        List<AssignmentProgress> result = new ArrayList<>();
        for (Assignment a : list) {
            result.add(ProgressCalculator.progress(a, client.timeZone(), timeline, reviewsBy.getOrDefault(a.id(), List.of()),
                    moments.getOrDefault(a.id(), List.of()), paused.getOrDefault(a.id(), Set.of()), now));
        }
        return result;
    }

    /** Creates an assignment as of {@code now} (the clock's now, or an imported moment). */
    Assignment create(Actor actor, ClientRecord client, AssignmentDraft draft, UUID previousId, Instant now) {
        Checked c = check(client, draft, now, null, false);
        LocalDate today = now.atZone(client.timeZone()).toLocalDate();
        Instant startsAt = c.start().isAfter(today) ? c.start().atStartOfDay(client.timeZone()).toInstant() : now;
        Assignment a = new Assignment(client.practiceId(), Uuids.timeOrdered(), client.id(), c.title(), c.instructions(),
                c.rationale(), draft.general(), List.copyOf(Set.copyOf(draft.goalIds())), draft.sessionId(),
                c.worksheet() == null ? null : c.worksheet().key(), c.worksheet() == null ? null : c.worksheet().version(),
                c.dose(), startsAt, c.start(), draft.dueDate(), c.difficulty(), draft.exposureStepId(),
                AssignmentStatus.ACTIVE, previousId, quality.reportJson(client, draft, previousId), now, 1, c.plan());
        assignments.insert(a, actor.accountId());
        events.publishEvent(new AssignmentChanged(client.practiceId(), client.id(), a.id()));
        return a;
    }

    /**
     * Changes an open assignment; the client sees the new version at once and the care team keeps the
     * history (who changed which field from what to what, and when). A worksheet or start day can
     * change only while nothing has been recorded against it. {@code expectedRevision}, when given,
     * refuses a change made over someone else's.
     */
    @Transactional
    public Assignment edit(Actor actor, UUID clientId, UUID assignmentId, AssignmentDraft draft, Integer expectedRevision,
            String note) {
        ClientRecord client = access.change(actor, clientId, "assignment");
        Assignment current = find(client, assignmentId);
        if (!current.status().open()) {
            throw ProblemException.conflict("This assignment is " + current.status().label()
                    + " and can no longer change; assign a new one instead.");
        }
        if (expectedRevision != null && expectedRevision != current.revision()) {
            throw ProblemException.conflict("Someone changed this assignment meanwhile; reload it and try again.");
        }
        if (note != null && note.length() > 1000) {
            throw ProblemException.invalid("note", "must be at most 1,000 characters");
        }
        Instant now = clock.instant();
        boolean recorded = !entries.momentsOf(client.practiceId(), List.of(current.id())).isEmpty();
        Checked c = check(client, draft, now, current, recorded);
        String worksheetKey = c.worksheet() == null ? null : c.worksheet().key();
        Integer worksheetVersion = c.worksheet() == null ? null
                : worksheetKey.equals(current.worksheetKey()) ? current.worksheetVersion() : c.worksheet().version();
        Instant startsAt = c.start().equals(current.startDate()) ? current.startsAt()
                : c.start().isAfter(now.atZone(client.timeZone()).toLocalDate())
                        ? c.start().atStartOfDay(client.timeZone()).toInstant() : now;
        Assignment next = new Assignment(current.practiceId(), current.id(), current.clientId(), c.title(), c.instructions(),
                c.rationale(), draft.general(), List.copyOf(Set.copyOf(draft.goalIds())), current.assignedInSession(),
                worksheetKey, worksheetVersion, c.dose(), startsAt, c.start(), draft.dueDate(), c.difficulty(),
                draft.exposureStepId(), current.status(), current.previousId(),
                quality.reportJson(client, draft, current.previousId()), current.createdAt(), current.revision() + 1, c.plan());
        List<AssignmentRevision.FieldChange> changes = AssignmentChanges.between(current, next,
                ids -> goals.ofClient(client.practiceId(), client.id(), ids).stream().map(g -> g.statement())
                        .sorted().collect(java.util.stream.Collectors.joining("; ")),
                step -> hierarchies.situation(client.practiceId(), step).orElse("a step no longer recorded"));
        if (changes.isEmpty()) {
            return current;
        }
        if (!assignments.update(next, current.revision(), now)) {
            throw ProblemException.conflict("Someone changed this assignment meanwhile; reload it and try again.");
        }
        assignments.insertRevision(next, changes, note == null || note.isBlank() ? null : note.strip(), now, actor.accountId());
        events.publishEvent(new AssignmentChanged(client.practiceId(), client.id(), next.id()));
        return next;
    }

    /** An assignment's changes, newest first, for the care team. */
    public List<AssignmentRevision> history(Actor actor, UUID clientId, UUID assignmentId) {
        ClientRecord client = access.readClinical(actor, clientId, "assignment history");
        find(client, assignmentId);
        return assignments.revisions(client.practiceId(), assignmentId);
    }

    /** A draft's fields, checked against the client's record; every field at fault is named. */
    private record Checked(String title, String instructions, String rationale, WorksheetDefinition worksheet, Dose dose,
            LocalDate start, int difficulty, String plan) {
    }

    private Checked check(ClientRecord client, AssignmentDraft draft, Instant now, Assignment current, boolean recorded) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = strip(draft.title());
        String instructions = strip(draft.instructions());
        String rationale = blankToNull(draft.rationale());
        String plan = blankToNull(draft.plan());
        if (title.isEmpty() || title.length() > 200) {
            problems.add(new FieldProblem("title", "must be 1 to 200 characters"));
        }
        if (instructions.isEmpty() || instructions.length() > 5000) {
            problems.add(new FieldProblem("instructions", "must be 1 to 5,000 characters: say what to do, written down"));
        }
        if (rationale != null && rationale.length() > 2000) {
            problems.add(new FieldProblem("rationale", "must be at most 2,000 characters"));
        }
        if (plan != null && plan.length() > 2000) {
            problems.add(new FieldProblem("plan", "must be at most 2,000 characters"));
        }
        if (!draft.general() && draft.goalIds().isEmpty()) {
            problems.add(new FieldProblem("goalIds", "link at least one goal, or mark the assignment as general"));
        }
        if (!draft.goalIds().isEmpty()) {
            long known = goals.ofClient(client.practiceId(), client.id(), draft.goalIds()).stream()
                    .filter(g -> g.status() != GoalStatus.DROPPED).count();
            if (known != Set.copyOf(draft.goalIds()).size()) {
                problems.add(new FieldProblem("goalIds", "must be open goals of this client"));
            }
        }
        if (current == null && draft.sessionId() != null && sessions.timeline(client.practiceId(), client.id()).stream()
                .noneMatch(s -> s.id().equals(draft.sessionId()))) {
            problems.add(new FieldProblem("sessionId", "is not a session of this client"));
        }
        WorksheetDefinition worksheet = null;
        String key = draft.worksheetKey() == null || draft.worksheetKey().isBlank() ? null : draft.worksheetKey();
        if (key != null) {
            worksheet = worksheets.latest(client.practiceId(), key).orElse(null);
            if (worksheet == null) {
                problems.add(new FieldProblem("worksheetKey", "is not a worksheet of the library"));
            }
        }
        if (current != null && recorded && !java.util.Objects.equals(key, current.worksheetKey())) {
            problems.add(new FieldProblem("worksheetKey", "cannot change once practice has been recorded against it; "
                    + "assign a new piece of homework with the other worksheet"));
        }
        Dose dose = null;
        if (draft.dose() == null) {
            problems.add(new FieldProblem("dose", "say how much practice: a count per day, per week, before the next session, on given days, or each time something happens"));
        } else {
            try {
                dose = draft.dose().checked();
            } catch (ProblemException e) {
                problems.addAll(e.fields());
            }
        }
        LocalDate today = now.atZone(client.timeZone()).toLocalDate();
        LocalDate start = draft.startDate() == null ? (current != null ? current.startDate() : today) : draft.startDate();
        boolean startKept = current != null && start.equals(current.startDate());
        if (!startKept && (start.isBefore(today.minusDays(7)) || start.isAfter(today.plusYears(1)))) {
            problems.add(new FieldProblem("startDate", "must be within a week before today and a year after"));
        }
        if (current != null && recorded && !startKept) {
            problems.add(new FieldProblem("startDate", "cannot change once practice has been recorded"));
        }
        if (draft.dueDate() != null && draft.dueDate().isBefore(start)) {
            problems.add(new FieldProblem("dueDate", "is before the start"));
        }
        int difficulty = draft.difficulty() == null ? 5 : draft.difficulty();
        if (difficulty < 1 || difficulty > 10) {
            problems.add(new FieldProblem("difficulty", "must be between 1 and 10"));
        }
        if (draft.exposureStepId() != null
                && hierarchies.ofStep(client.practiceId(), client.id(), draft.exposureStepId()).isEmpty()) {
            problems.add(new FieldProblem("exposureStepId", "is not a step of this client's exposure hierarchies"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(title, instructions, rationale, worksheet, dose, start, difficulty, plan);
    }

    /** One of the client's assignments, for services of this module that have checked access. */
    /** These assignments of the client, by id, in one statement (ids of other clients' are left out). */
    Map<UUID, Assignment> findAllIn(ClientRecord client, java.util.Collection<UUID> assignmentIds) {
        Map<UUID, Assignment> found = new java.util.HashMap<>();
        assignments.among(client.practiceId(), client.id(), assignmentIds).forEach(a -> found.put(a.id(), a));
        return found;
    }

    Optional<Assignment> findIn(ClientRecord client, UUID assignmentId) {
        return assignments.find(client.practiceId(), client.id(), assignmentId);
    }

    Assignment find(ClientRecord client, UUID assignmentId) {
        return assignments.find(client.practiceId(), client.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
    }

    private static AssignmentProgress forClient(AssignmentProgress p) {
        return new AssignmentProgress(p.assignment().forClient(), p.dueSession(), p.period(), p.soFar(), p.whole(),
                p.doneToday(), p.expectedToday(), p.unreviewed(), p.reviews());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
