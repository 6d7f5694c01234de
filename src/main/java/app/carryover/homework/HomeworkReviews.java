package app.carryover.homework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;

/**
 * The session-start review: every assignment due at a held session (and any that reached an
 * earlier held session unreviewed), with what was expected and done, the entries, the client's
 * reflection, and one decision each — or a deferral with its reason. The client's reflection is
 * written here too.
 */
@Service
public class HomeworkReviews {

    /** One assignment on the review screen. */
    public record ReviewItem(AssignmentProgress progress, List<PracticeEntry> entries, Reflection reflection,
            StepUpRule stepUp, boolean carriedOver, List<EntryInWords> read, String worksheet) {

        /** The entries in words, newest first: what a clinician reads aloud with the client. */
        public List<EntryInWords> newestFirst() {
            List<EntryInWords> newest = new ArrayList<>(read);
            Collections.reverse(newest);
            return newest;
        }
    }

    /** The review screen of one session. */
    public record ReviewScreen(TherapySession session, List<ReviewItem> toReview, List<ReviewItem> reviewed) {
    }

    /** What the clinician decides for one assignment. */
    public record ReviewInput(ReviewDecision decision, Integer clinicianRating, Integer clientRating,
            List<Obstacle> obstacles, String obstacleOther, String troubleshooting) {
    }

    /** What the client writes before the session. */
    public record ReflectionInput(String learned, String gotInTheWay, List<Obstacle> obstacles, Integer selfRating) {
    }

    private final Assignments assignments;
    private final AssignmentRepository assignmentRepository;
    private final EntryRepository entries;
    private final ReviewRepository reviews;
    private final HierarchyRepository hierarchies;
    private final ExposureHierarchies exposure;
    private final Sessions sessions;
    private final ClientAccess access;
    private final Clock clock;
    private final EntryReader reader;

    HomeworkReviews(Assignments assignments, AssignmentRepository assignmentRepository, EntryRepository entries,
            ReviewRepository reviews, HierarchyRepository hierarchies, ExposureHierarchies exposure, Sessions sessions,
            ClientAccess access, Clock clock, EntryReader reader) {
        this.reader = reader;
        this.assignments = assignments;
        this.assignmentRepository = assignmentRepository;
        this.entries = entries;
        this.reviews = reviews;
        this.hierarchies = hierarchies;
        this.exposure = exposure;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    /** What opening a session shows first: the review of the homework due at it. */
    public ReviewScreen screen(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "homework review");
        TherapySession session = session(client, sessionId);
        // Only open assignments can be due or carried here, and only those reviewed here are listed as reviewed.
        Set<UUID> reviewedHere = reviews.reviewedAt(client.practiceId(), sessionId);
        List<AssignmentProgress> all = assignments.progressOfOpenAnd(client, reviewedHere);
        Map<UUID, Reflection> reflections = reviews.reflections(client.practiceId(),
                all.stream().map(p -> p.assignment().id()).toList());
        List<ReviewItem> toReview = new ArrayList<>();
        List<ReviewItem> reviewed = new ArrayList<>();
        for (AssignmentProgress p : all) {
            Review atThis = p.reviews().stream().filter(r -> r.sessionId().equals(sessionId) && !r.deferred())
                    .findFirst().orElse(null);
            boolean dueHere = p.dueSession() != null && p.dueSession().id().equals(sessionId);
            boolean carried = p.unreviewed() && p.dueSession() != null
                    && p.dueSession().startsAt().isBefore(session.startsAt());
            if (atThis != null) {
                reviewed.add(item(client, p, reflections, false));
            } else if (p.assignment().status().open() && (dueHere || carried)) {
                toReview.add(item(client, p, reflections, carried));
            }
        }
        return new ReviewScreen(session, toReview, reviewed);
    }

    /**
     * Records the decision for one assignment at a held session. Continue, step up, step down
     * and modify create the next assignment, pre-filled with the change, due at the next session.
     */
    @Transactional
    public Review decide(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, ReviewInput input) {
        return decideAt(actor, clientId, sessionId, assignmentId, input, null, clock.instant());
    }

    /**
     * Records the decision with the next assignment as the clinician composed it from {@link #proposal}
     * (Modify, Step up, Step down open the composer with the change filled in): the review and the next
     * assignment are stored together or not at all.
     */
    @Transactional
    public Review decide(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, ReviewInput input,
            AssignmentDraft next) {
        return decideAt(actor, clientId, sessionId, assignmentId, input, next, clock.instant());
    }

    /**
     * What a decision proposes as the next assignment, for the composer: Step up and Step down change
     * the difficulty and, for exposure, move to the next or previous step of the hierarchy (its words
     * replacing the old step's in the title and instructions); Modify keeps everything for editing. The
     * plan agreed for what got in the way comes with it.
     */
    public AssignmentDraft proposal(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId,
            ReviewDecision decision, String plan) {
        ClientRecord client = access.prepareChange(actor, clientId, "homework review");
        TherapySession session = heldSession(client, sessionId);
        AssignmentProgress p = openProgress(client, assignmentId);
        if (decision == null || !decision.continues()) {
            throw ProblemException.invalid("decision", "only continue, step up, step down and modify lead to a next assignment");
        }
        String agreed = blank(plan);
        return nextDraft(client, p.assignment(), decision)
                .inSession(session.id(), clock.instant().atZone(client.timeZone()).toLocalDate())
                .withPlan(agreed != null ? agreed : p.assignment().plan());
    }

    /** The decision as of a given moment (the clock's now, or an imported review). */
    Review decideAt(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, ReviewInput input, Instant at) {
        return decideAt(actor, clientId, sessionId, assignmentId, input, null, at);
    }

    private Review decideAt(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, ReviewInput input,
            AssignmentDraft composed, Instant at) {
        ClientRecord client = access.change(actor, clientId, "homework review");
        TherapySession session = heldSession(client, sessionId);
        AssignmentProgress p = openProgress(client, assignmentId);
        checkInput(input);
        Adherence adherence = p.dueSession() != null && p.dueSession().id().equals(sessionId) && p.whole() != null
                ? p.whole() : p.soFar();
        Assignment current = p.assignment();
        UUID next = null;
        if (composed != null && !input.decision().continues()) {
            throw ProblemException.invalid("decision", "a next assignment follows only continue, step up, step down or modify");
        }
        if (input.decision().continues()) {
            LocalDate today = at.atZone(client.timeZone()).toLocalDate();
            AssignmentDraft draft = composed != null
                    ? composed.inSession(session.id(), composed.startDate() != null ? composed.startDate() : today)
                    : nextDraft(client, current, input.decision()).inSession(session.id(), today)
                            .withPlan(blank(input.troubleshooting()) != null ? blank(input.troubleshooting()) : current.plan());
            next = assignments.create(actor, client, draft, current.id(), at).id();
        }
        Review review = new Review(client.practiceId(), Uuids.timeOrdered(), current.id(), sessionId, at,
                actor.accountId(), input.decision(), null, input.clinicianRating(), input.clientRating(),
                input.obstacles() == null ? List.of() : List.copyOf(input.obstacles()), blank(input.obstacleOther()),
                blank(input.troubleshooting()), adherence.expected(), adherence.done(), next);
        if (!reviews.insert(review)) {
            throw ProblemException.conflict("This assignment was already reviewed at this session.");
        }
        assignmentRepository.setStatus(client.practiceId(), current.id(),
                input.decision() == ReviewDecision.DROP ? AssignmentStatus.DISCONTINUED : AssignmentStatus.COMPLETED, at);
        return review;
    }

    /** Refuses a review's answers that cannot be stored, naming each field. */
    public static void checkInput(ReviewInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.decision() == null) {
            problems.add(new FieldProblem("decision", "choose continue, step up, step down, modify, complete or drop"));
        }
        checkRating(problems, "clinicianRating", input.clinicianRating());
        checkRating(problems, "clientRating", input.clientRating());
        checkText(problems, "obstacleOther", input.obstacleOther(), 500);
        checkText(problems, "troubleshooting", input.troubleshooting(), 2000);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /**
     * Puts a review off to the next session, with the reason (a crisis took the session, say): the
     * assignment is then due at the next session and is not flagged.
     */
    @Transactional
    public Review defer(Actor actor, UUID clientId, UUID sessionId, UUID assignmentId, String reason) {
        ClientRecord client = access.change(actor, clientId, "homework review");
        heldSession(client, sessionId);
        openProgress(client, assignmentId);
        String why = blank(reason);
        if (why == null || why.length() > 1000) {
            throw ProblemException.invalid("reason", "say in up to 1,000 characters why the review waits");
        }
        Review review = new Review(client.practiceId(), Uuids.timeOrdered(), assignmentId, sessionId, clock.instant(),
                actor.accountId(), null, why, null, null, List.of(), null, null, null, null, null);
        if (!reviews.insert(review)) {
            throw ProblemException.conflict("This assignment was already reviewed or deferred at this session.");
        }
        return review;
    }

    /** The client's reflection on an assignment, editable until it is reviewed. */
    @Transactional
    public Reflection reflect(Actor client, UUID assignmentId, ReflectionInput input) {
        ClientRecord record = access.self(client, client.clientId(), "reflection");
        AssignmentProgress p = assignments.progressOfOne(record, assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (p.reviewed()) {
            throw ProblemException.conflict("Your clinician has already reviewed this practice with you.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkText(problems, "learned", input.learned(), 2000);
        checkText(problems, "gotInTheWay", input.gotInTheWay(), 2000);
        checkRating(problems, "selfRating", input.selfRating());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Reflection reflection = new Reflection(assignmentId, blank(input.learned()), blank(input.gotInTheWay()),
                input.obstacles() == null ? List.of() : List.copyOf(input.obstacles()), input.selfRating(), clock.instant());
        reviews.saveReflection(record.practiceId(), record.id(), reflection);
        return reflection;
    }

    /** The client's own reflection, if written. */
    public Optional<Reflection> reflection(Actor actor, UUID clientId, UUID assignmentId) {
        ClientRecord record = access.read(actor, clientId, "reflection");
        return reviews.reflection(record.practiceId(), assignmentId);
    }

    private AssignmentDraft nextDraft(ClientRecord client, Assignment current, ReviewDecision decision) {
        AssignmentDraft draft = AssignmentDraft.from(current);
        Optional<ExposureHierarchy> hierarchy = current.exposureStepId() == null ? Optional.empty()
                : hierarchies.ofStep(client.practiceId(), client.id(), current.exposureStepId());
        Optional<ExposureStep> step = Optional.empty();
        if (decision == ReviewDecision.STEP_UP) {
            draft = draft.withDifficulty(Math.min(10, current.difficulty() + 1));
            step = hierarchy.flatMap(h -> h.after(current.exposureStepId()));
        } else if (decision == ReviewDecision.STEP_DOWN) {
            draft = draft.withDifficulty(Math.max(1, current.difficulty() - 1));
            step = hierarchy.flatMap(h -> h.before(current.exposureStepId()));
        }
        if (step.isPresent()) {
            String was = hierarchy.get().step(current.exposureStepId()).map(ExposureStep::situation).orElse("");
            String now = step.get().situation();
            draft = draft.withStep(step.get().id()).withText(replaceStep(current.title(), was, now, false),
                    replaceStep(current.instructions(), was, now, true));
        }
        return draft;
    }

    /**
     * The next step's situation in place of the old one's; instructions that never named the old step
     * gain a first line naming the new one, so the client always reads which step this week is.
     */
    static String replaceStep(String text, String was, String now, boolean nameIfMissing) {
        if (!was.isEmpty() && text.contains(was)) {
            return text.replace(was, now);
        }
        return nameIfMissing ? "This week's step: " + now + ".\n" + text : text;
    }

    private ReviewItem item(ClientRecord client, AssignmentProgress p, Map<UUID, Reflection> reflections, boolean carried) {
        Assignment a = p.assignment();
        StepUpRule stepUp = a.exposureStepId() == null ? null : exposure.suggestionOf(client.practiceId(), a.exposureStepId());
        List<PracticeEntry> list = entries.forAssignment(client.practiceId(), a.id());
        return new ReviewItem(p, list, reflections.get(a.id()), stepUp, carried, reader.read(list), reader.title(a));
    }

    private AssignmentProgress openProgress(ClientRecord client, UUID assignmentId) {
        AssignmentProgress p = assignments.progressOfOne(client, assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (!p.assignment().status().open()) {
            throw ProblemException.conflict("This assignment is " + p.assignment().status().label() + " already.");
        }
        return p;
    }

    private TherapySession session(ClientRecord client, UUID sessionId) {
        return sessions.timeline(client.practiceId(), client.id()).stream().filter(s -> s.id().equals(sessionId))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Session"));
    }

    private TherapySession heldSession(ClientRecord client, UUID sessionId) {
        TherapySession session = session(client, sessionId);
        if (session.status() != SessionStatus.HELD) {
            throw ProblemException.conflict("Mark the session as held before reviewing homework at it.");
        }
        return session;
    }

    private static void checkRating(List<FieldProblem> problems, String field, Integer value) {
        if (value != null && (value < 0 || value > 4)) {
            problems.add(new FieldProblem(field, "must be between 0 and 4"));
        }
    }

    private static void checkText(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + String.format("%,d", max) + " characters"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
