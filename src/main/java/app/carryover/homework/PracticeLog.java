package app.carryover.homework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;
import app.carryover.worksheets.AnswerCheck;
import app.carryover.worksheets.AnswerValidation;
import app.carryover.worksheets.Answers;
import app.carryover.worksheets.ExtractedValue;
import app.carryover.worksheets.InvalidAnswersException;
import app.carryover.worksheets.ValueExtraction;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * The client recording practice: a quick log (an optional 0–10 rating and note) or a filled
 * worksheet, dated by the device and fixed to the client's local date at that moment; editing
 * (earlier versions kept) and deleting until the assignment has been reviewed.
 */
@Service
public class PracticeLog {

    /** How far a device clock may run ahead before an entry counts as "in the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The result of a log: the entry, and whether this call stored it (false for a retry). */
    public record Logged(PracticeEntry entry, boolean created) {
    }

    private final EntryRepository entries;
    private final AssignmentRepository assignments;
    private final ReviewRepository reviews;
    private final ClientAccess access;
    private final Practices practices;
    private final WorksheetCatalogue worksheets;
    private final Clock clock;
    private final EntryReader reader;
    private final HierarchyRepository hierarchies;
    private final ApplicationEventPublisher events;

    PracticeLog(EntryRepository entries, AssignmentRepository assignments, ReviewRepository reviews, ClientAccess access,
            Practices practices, WorksheetCatalogue worksheets, Clock clock, EntryReader reader,
            HierarchyRepository hierarchies, ApplicationEventPublisher events) {
        this.reader = reader;
        this.hierarchies = hierarchies;
        this.events = events;
        this.entries = entries;
        this.assignments = assignments;
        this.reviews = reviews;
        this.access = access;
        this.practices = practices;
        this.worksheets = worksheets;
        this.clock = clock;
    }

    @Transactional
    public Logged log(Actor client, UUID assignmentId, EntryInput input) {
        ClientRecord record = access.self(client, client.clientId(), "practice entries");
        if (input.clientEntryId() == null) {
            throw ProblemException.invalid("clientEntryId", "is required (made on the device, so a retry never counts twice)");
        }
        try {
            return logOnce(client, record, assignmentId, input);
        } catch (ProblemException refused) {
            // A retry of an entry stored earlier gets it back, even if the assignment has closed or the date aged since.
            var retried = entries.byClientEntryId(record.practiceId(), record.id(), input.clientEntryId());
            if (retried.isPresent()) {
                return new Logged(retried.get(), false);
            }
            throw refused;
        }
    }

    /** Checks and stores a new entry; a retry (the same client-made id) finds the stored one at the insert. */
    private Logged logOnce(Actor client, ClientRecord record, UUID assignmentId, EntryInput input) {
        Assignment a = assignments.find(record.practiceId(), record.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (!a.status().open()) {
            throw ProblemException.conflict("This practice is " + a.status().label() + "; it no longer takes entries.");
        }
        Instant now = clock.instant();
        Instant occurred = input.occurredAt() == null ? now : input.occurredAt();
        LocalDate localDate = checkWhen(client, record, a, occurred, now);
        Checked checked = check(a, input, localDate);
        PracticeEntry entry = new PracticeEntry(record.practiceId(), Uuids.timeOrdered(), a.id(), record.id(),
                input.clientEntryId(), occurred, localDate, record.timeZone().getId(), input.rating(), checked.note(),
                a.worksheetKey(), a.worksheetVersion(), checked.answers(), null, 1, false, now);
        var stored = entries.insertOnce(entry, checked.values());
        if (stored.isEmpty()) {
            // A retry, or another device or tab stored this very submission a moment ago.
            return new Logged(entries.byClientEntryId(record.practiceId(), record.id(), input.clientEntryId()).orElseThrow(), false);
        }
        events.publishEvent(new PracticeLogged(entry.practiceId(), entry.clientId(), entry.assignmentId(), entry.id(),
                entry.occurredAt(), entry.localDate()));
        return new Logged(stored.get(), true);
    }

    /**
     * Records practice on the client's behalf with its real date, for paper copies and imports:
     * the care team's right, any past date within the assignment, never the future.
     */
    @Transactional
    public PracticeEntry recordFor(Actor clinician, UUID clientId, UUID assignmentId, Instant occurredAt, Integer rating,
            String note, String answers) {
        return recordFor(clinician, clientId, assignmentId, Uuids.timeOrdered(), occurredAt, rating, note, answers).entry();
    }

    /**
     * {@link #recordFor(Actor, UUID, UUID, Instant, Integer, String, String)} once per
     * {@code importId} (an id the importer derives from the source's own identifier): a repeated
     * import gets the entry stored the first time back, with {@code created} false.
     */
    @Transactional
    public Logged recordFor(Actor clinician, UUID clientId, UUID assignmentId, UUID importId, Instant occurredAt,
            Integer rating, String note, String answers) {
        ClientRecord record = access.change(clinician, clientId, "practice entries");
        var earlier = entries.byClientEntryId(record.practiceId(), record.id(), importId);
        if (earlier.isPresent()) {
            return new Logged(earlier.get(), false);
        }
        Assignment a = assignments.find(record.practiceId(), record.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (occurredAt == null || occurredAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("occurredAt", "is required and cannot be in the future");
        }
        LocalDate localDate = occurredAt.atZone(record.timeZone()).toLocalDate();
        if (localDate.isBefore(a.startDate())) {
            throw ProblemException.invalid("occurredAt", "is before this practice began");
        }
        Checked checked = check(a, new EntryInput(null, occurredAt, rating, note, answers), localDate);
        PracticeEntry entry = new PracticeEntry(record.practiceId(), Uuids.timeOrdered(), a.id(), record.id(),
                importId, occurredAt, localDate, record.timeZone().getId(), rating, checked.note(),
                a.worksheetKey(), a.worksheetVersion(), checked.answers(), null, 1, false, clock.instant());
        if (entries.insertOnce(entry, checked.values()).isEmpty()) {
            // the same import stored a moment ago by a parallel call
            return new Logged(entries.byClientEntryId(record.practiceId(), record.id(), importId).orElseThrow(), false);
        }
        events.publishEvent(new PracticeLogged(entry.practiceId(), entry.clientId(), entry.assignmentId(), entry.id(),
                entry.occurredAt(), entry.localDate()));
        return new Logged(entries.find(record.practiceId(), record.id(), entry.id()).orElseThrow(), true);
    }

    /** Changes an entry until its assignment has been reviewed; the earlier version is kept. */
    @Transactional
    public PracticeEntry edit(Actor client, UUID entryId, EntryInput input) {
        ClientRecord record = access.self(client, client.clientId(), "practice entry");
        PracticeEntry current = entries.find(record.practiceId(), record.id(), entryId)
                .orElseThrow(() -> ProblemException.notFound("Entry"));
        Assignment a = assignments.find(record.practiceId(), record.id(), current.assignmentId()).orElseThrow();
        requireNotReviewed(record, a);
        Instant now = clock.instant();
        Instant occurred = input.occurredAt() == null ? current.occurredAt() : input.occurredAt();
        LocalDate localDate = occurred.equals(current.occurredAt()) ? current.localDate()
                : checkWhen(client, record, a, occurred, now);
        Checked checked = check(a, input, localDate);
        entries.revise(current, occurred, localDate, input.rating(), checked.note(), checked.answers(), checked.values(),
                changesContent(current, occurred, input.rating(), checked), now);
        return entries.find(record.practiceId(), record.id(), entryId).orElseThrow();
    }

    /** Takes an entry out of the counts until its assignment has been reviewed; its history stays. */
    @Transactional
    public void delete(Actor client, UUID entryId) {
        ClientRecord record = access.self(client, client.clientId(), "practice entry");
        PracticeEntry current = entries.find(record.practiceId(), record.id(), entryId)
                .orElseThrow(() -> ProblemException.notFound("Entry"));
        requireNotReviewed(record, assignments.find(record.practiceId(), record.id(), current.assignmentId()).orElseThrow());
        entries.delete(current, clock.instant());
    }

    /** The client's entries, newest first. */
    public List<PracticeEntry> history(Actor actor, UUID clientId, int limit) {
        ClientRecord record = access.read(actor, clientId, "practice entries");
        return entries.forClient(record.practiceId(), record.id(), Math.max(1, Math.min(limit, 500)));
    }

    /** The entries of one assignment, oldest first. */
    public List<PracticeEntry> ofAssignment(Actor actor, UUID clientId, UUID assignmentId) {
        ClientRecord record = access.read(actor, clientId, "practice entries");
        assignments.find(record.practiceId(), record.id(), assignmentId).orElseThrow(() -> ProblemException.notFound("Assignment"));
        return entries.forAssignment(record.practiceId(), assignmentId);
    }

    /**
     * The entries of several of the client's assignments, by assignment (every asked id present), each
     * oldest first, in one statement however many there are: one read of the client, audited once.
     * An id that is not one of the client's assignments has no entries.
     */
    public Map<UUID, List<PracticeEntry>> ofAssignments(Actor actor, UUID clientId, java.util.Collection<UUID> assignmentIds) {
        ClientRecord record = access.read(actor, clientId, "practice entries");
        Map<UUID, List<PracticeEntry>> found = entries.forAssignmentsOfClient(record.practiceId(), record.id(), assignmentIds);
        Map<UUID, List<PracticeEntry>> result = new java.util.LinkedHashMap<>();
        assignmentIds.forEach(id -> result.put(id, found.getOrDefault(id, List.of())));
        return result;
    }

    /**
     * Entries in words (questions and answers, numbers with their labels), for entries the caller has
     * already been allowed to read.
     */
    public List<EntryInWords> inWords(List<PracticeEntry> read) {
        return reader.read(read);
    }

    /** The title of the worksheet an assignment uses (in its version), or null for a quick log. */
    public String worksheetTitle(Assignment a) {
        return reader.title(a);
    }

    public PracticeEntry get(Actor actor, UUID clientId, UUID entryId) {
        ClientRecord record = access.read(actor, clientId, "practice entry");
        return entries.find(record.practiceId(), record.id(), entryId).orElseThrow(() -> ProblemException.notFound("Entry"));
    }

    /**
     * An entry may be dated back a few days (a practice setting, 3 by default), never into the
     * future, and not before the assignment began.
     */
    private LocalDate checkWhen(Actor client, ClientRecord record, Assignment a, Instant occurred, Instant now) {
        if (occurred.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("occurredAt", "is in the future");
        }
        LocalDate localDate = occurred.atZone(record.timeZone()).toLocalDate();
        LocalDate today = now.atZone(record.timeZone()).toLocalDate();
        int backdate = practices.of(client).backdateDays();
        if (localDate.isBefore(today.minusDays(backdate))) {
            throw ProblemException.invalid("occurredAt", "is more than " + backdate + " days ago; ask your clinician to note it instead");
        }
        if (occurred.isBefore(a.createdAt().minus(Duration.ofDays(1))) && localDate.isBefore(a.startDate())) {
            throw ProblemException.invalid("occurredAt", "is before this practice began");
        }
        return localDate;
    }

    private record Checked(String note, String answers, List<ExtractedValue> values) {
    }

    private Checked check(Assignment a, EntryInput input, LocalDate entryDate) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.rating() != null && (input.rating() < 0 || input.rating() > 10)) {
            problems.add(new FieldProblem("rating", "must be between 0 and 10"));
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2,000 characters"));
        }
        String answersJson = null;
        List<ExtractedValue> values = List.of();
        if (input.answers() != null && !input.answers().isBlank()) {
            if (!a.usesWorksheet()) {
                problems.add(new FieldProblem("answers", "this practice has no worksheet; log it without answers"));
            } else {
                WorksheetDefinition definition = worksheets.version(a.practiceId(), a.worksheetKey(), a.worksheetVersion())
                        .orElseThrow(() -> ProblemException.conflict("This worksheet version is no longer available."));
                try {
                    String named = a.exposureStepId() == null ? null
                            : hierarchies.situation(a.practiceId(), a.exposureStepId()).orElse(null);
                    AnswerCheck check = AnswerValidation.complete(definition,
                            Answers.parse(NamedStep.fill(definition, input.answers(), named)));
                    if (!check.isValid()) {
                        check.errors().forEach(e -> problems.add(new FieldProblem("answers." + e.path(), e.message())));
                    } else {
                        Answers accepted = check.accepted();
                        answersJson = accepted.toJson();
                        values = ValueExtraction.extract(definition, accepted);
                        problems.addAll(EntryDates.check(definition, answersJson, entryDate));
                    }
                } catch (InvalidAnswersException e) {
                    problems.add(new FieldProblem("answers", e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(note, answersJson, values);
    }

    /**
     * Whether a change alters what was recorded, so the entry is marked "edited": a new time, changed
     * answers, or a rating or note replaced or removed. Adding a rating or a note where there was none
     * (the "How did it go?" after Done) completes the entry rather than editing it.
     */
    private static boolean changesContent(PracticeEntry current, Instant occurred, Integer rating, Checked checked) {
        return !occurred.equals(current.occurredAt())
                || !sameJson(current.answers(), checked.answers())
                || (current.rating() != null && !current.rating().equals(rating))
                || (current.note() != null && !current.note().equals(checked.note()));
    }

    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Answers.parse(a).equals(Answers.parse(b));
    }

    /** Whether the client may still correct or remove this entry: until their clinician has reviewed the practice. */
    public boolean mayChange(Actor client, PracticeEntry entry) {
        ClientRecord record = access.read(client, client.clientId(), "practice entry");
        return assignments.find(record.practiceId(), record.id(), entry.assignmentId())
                .map(a -> !reviewed(record, a)).orElse(false);
    }

    /** Puts back an entry the client removed (the undo of {@link #delete}), until the practice has been reviewed. */
    @Transactional
    public PracticeEntry restore(Actor client, UUID entryId) {
        ClientRecord record = access.self(client, client.clientId(), "practice entry");
        PracticeEntry removed = entries.findRemoved(record.practiceId(), record.id(), entryId)
                .orElseThrow(() -> ProblemException.notFound("Removed entry"));
        requireNotReviewed(record, assignments.find(record.practiceId(), record.id(), removed.assignmentId()).orElseThrow());
        entries.restore(removed, clock.instant());
        return entries.find(record.practiceId(), record.id(), entryId).orElseThrow();
    }

    /**
     * What an entry said before the client changed it, oldest first, leaving out copies that said
     * the same as the version after them (a removal that was undone).
     */
    public List<EntryRevision> earlierVersions(Actor actor, UUID clientId, UUID entryId) {
        PracticeEntry current = get(actor, clientId, entryId);
        List<EntryRevision> all = entries.revisions(current.practiceId(), entryId);
        List<EntryRevision> changed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            EntryRevision r = all.get(i);
            boolean sameAsNext = i + 1 < all.size()
                    ? r.sameAs(all.get(i + 1).rating(), all.get(i + 1).note(), all.get(i + 1).answers(), all.get(i + 1).localDate())
                    : r.sameAs(current.rating(), current.note(), current.answers(), current.localDate());
            if (!sameAsNext) {
                changed.add(r);
            }
        }
        return changed;
    }

    private boolean reviewed(ClientRecord record, Assignment a) {
        return reviews.forAssignments(record.practiceId(), List.of(a.id())).getOrDefault(a.id(), List.of())
                .stream().anyMatch(r -> !r.deferred());
    }

    private void requireNotReviewed(ClientRecord record, Assignment a) {
        if (reviewed(record, a)) {
            throw ProblemException.conflict("Your clinician has already reviewed this practice, so its entries stay as they are.");
        }
    }
}
