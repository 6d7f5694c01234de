package app.carryover.homework;

import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * A client's unfinished worksheet, kept on the server as they type (the page sends it a moment
 * after each change and when it is left), so nothing is lost when they leave the page and it can be
 * finished on another device. One draft per assignment; saving the entry discards it.
 */
@Service
public class EntryDrafts {

    /** The same cap as a whole answers document: a draft is never larger than an entry may be. */
    static final int MAX_BYTES = 256 * 1024;

    /** A kept draft: the answers as typed so far (JSON) and when they were last kept. */
    public record Draft(String answers, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final AssignmentRepository assignments;
    private final EntryRepository entries;
    private final WorksheetCatalogue worksheets;
    private final ClientAccess access;
    private final Clock clock;
    private final HierarchyRepository hierarchies;

    EntryDrafts(JdbcClient jdbc, AssignmentRepository assignments, EntryRepository entries, WorksheetCatalogue worksheets,
            ClientAccess access, Clock clock, HierarchyRepository hierarchies) {
        this.hierarchies = hierarchies;
        this.jdbc = jdbc;
        this.assignments = assignments;
        this.entries = entries;
        this.worksheets = worksheets;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The worksheet version an assignment was made with, as the client fills it: when the assignment
     * names its exposure step, the question asking which step was practised is left out (the step is
     * recorded with the entry all the same).
     */
    public WorksheetDefinition worksheetOf(Actor client, UUID assignmentId) {
        ClientRecord record = access.read(client, client.clientId(), "worksheet");
        Assignment a = assignments.find(record.practiceId(), record.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (!a.usesWorksheet()) {
            throw ProblemException.notFound("Worksheet");
        }
        WorksheetDefinition definition = worksheets.version(record.practiceId(), a.worksheetKey(), a.worksheetVersion())
                .orElseThrow(() -> ProblemException.notFound("Worksheet"));
        return namedStep(record, a).isPresent() ? NamedStep.without(definition) : definition;
    }

    /** The exposure step the assignment names, for the client's page ("Your step: …"). */
    public Optional<String> namedStep(Actor client, UUID assignmentId) {
        ClientRecord record = access.read(client, client.clientId(), "worksheet");
        return assignments.find(record.practiceId(), record.id(), assignmentId).flatMap(a -> namedStep(record, a));
    }

    private Optional<String> namedStep(ClientRecord record, Assignment a) {
        return a.exposureStepId() == null ? Optional.empty()
                : hierarchies.situation(record.practiceId(), a.exposureStepId());
    }

    /** The worksheet an entry was filled against, for printing it. */
    public WorksheetDefinition worksheetOf(PracticeEntry entry) {
        return worksheets.version(entry.practiceId(), entry.worksheetKey(), entry.worksheetVersion())
                .orElseThrow(() -> ProblemException.notFound("Worksheet"));
    }

    /** Keeps these answers as the assignment's draft. */
    @Transactional
    public void save(Actor client, UUID assignmentId, String answersJson) {
        keep(client, assignmentId, null, answersJson, null);
    }

    /**
     * Keeps the answers typed so far for a submission not yet stored: an empty set removes the
     * draft, and a submission already stored as an entry (a late save racing the entry's own
     * submission) keeps nothing, so a finished worksheet never comes back as a draft. A send older than
     * the draft kept (by {@code sentAt}, the page's own count) changes nothing: when the page is left
     * while an earlier send is still on its way, both arrive, in either order, and the newer words stay.
     *
     * @param sentAt when the page sent these answers (milliseconds on the client's clock), or null
     * @return the draft kept, or empty when nothing was kept
     */
    @Transactional
    public Optional<Draft> keep(Actor client, UUID assignmentId, UUID submissionId, String answersJson, Long sentAt) {
        ClientRecord record = access.self(client, client.clientId(), "worksheet draft");
        Assignment a = assignments.find(record.practiceId(), record.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (!a.status().open()) {
            throw ProblemException.conflict("This practice is " + a.status().label() + ".");
        }
        if (answersJson.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.invalid("answers", "are too long to keep as a draft");
        }
        if (submissionId != null && entries.byClientEntryId(record.practiceId(), record.id(), submissionId).isPresent()) {
            return Optional.empty();
        }
        if (answersJson.isBlank() || answersJson.strip().equals("{}")) {
            jdbc.sql("""
                    DELETE FROM entry_draft WHERE practice_id = ? AND assignment_id = ? AND client_id = ?
                    AND (client_seq IS NULL OR ?::bigint IS NULL OR client_seq <= ?::bigint)""")
                    .params(record.practiceId(), assignmentId, record.id(), sentAt, sentAt).update();
            return Optional.empty();
        }
        Instant now = clock.instant();
        // one statement, so two sends arriving together are ordered by the row lock, not by who commits last
        int kept = jdbc.sql("""
                INSERT INTO entry_draft (practice_id, assignment_id, client_id, answers, saved_at, client_seq)
                VALUES (?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (practice_id, assignment_id) DO UPDATE
                SET answers = EXCLUDED.answers, saved_at = EXCLUDED.saved_at, client_seq = EXCLUDED.client_seq
                WHERE entry_draft.client_seq IS NULL OR EXCLUDED.client_seq IS NULL OR EXCLUDED.client_seq >= entry_draft.client_seq""")
                .params(record.practiceId(), assignmentId, record.id(), answersJson, Timestamp.from(now), sentAt).update();
        return kept == 1 ? Optional.of(new Draft(answersJson, now)) : load(client, assignmentId);
    }

    public Optional<Draft> load(Actor client, UUID assignmentId) {
        ClientRecord record = access.read(client, client.clientId(), "worksheet draft");
        return jdbc.sql("SELECT answers::text, saved_at FROM entry_draft WHERE practice_id = ? AND assignment_id = ? AND client_id = ?")
                .params(record.practiceId(), assignmentId, record.id())
                .query((rs, n) -> new Draft(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    @Transactional
    public void discard(Actor client, UUID assignmentId) {
        ClientRecord record = access.self(client, client.clientId(), "worksheet draft");
        jdbc.sql("DELETE FROM entry_draft WHERE practice_id = ? AND assignment_id = ? AND client_id = ?")
                .params(record.practiceId(), assignmentId, record.id()).update();
    }
}
