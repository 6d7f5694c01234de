package app.carryover.homework;

import java.sql.Timestamp;
import java.time.Clock;
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

/** A client's unfinished worksheet, kept as they fill it so nothing is lost when they leave the page. */
@Service
public class EntryDrafts {

    private final JdbcClient jdbc;
    private final AssignmentRepository assignments;
    private final WorksheetCatalogue worksheets;
    private final ClientAccess access;
    private final Clock clock;
    private final HierarchyRepository hierarchies;

    EntryDrafts(JdbcClient jdbc, AssignmentRepository assignments, WorksheetCatalogue worksheets, ClientAccess access,
            Clock clock, HierarchyRepository hierarchies) {
        this.hierarchies = hierarchies;
        this.jdbc = jdbc;
        this.assignments = assignments;
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

    @Transactional
    public void save(Actor client, UUID assignmentId, String answersJson) {
        ClientRecord record = access.self(client, client.clientId(), "worksheet draft");
        Assignment a = assignments.find(record.practiceId(), record.id(), assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment"));
        if (!a.status().open()) {
            throw ProblemException.conflict("This practice is " + a.status().label() + ".");
        }
        jdbc.sql("""
                INSERT INTO entry_draft (practice_id, assignment_id, client_id, answers, saved_at)
                VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (practice_id, assignment_id) DO UPDATE SET answers = EXCLUDED.answers, saved_at = EXCLUDED.saved_at""")
                .params(record.practiceId(), assignmentId, record.id(), answersJson, Timestamp.from(clock.instant())).update();
    }

    public Optional<String> load(Actor client, UUID assignmentId) {
        ClientRecord record = access.read(client, client.clientId(), "worksheet draft");
        return jdbc.sql("SELECT answers::text FROM entry_draft WHERE practice_id = ? AND assignment_id = ? AND client_id = ?")
                .params(record.practiceId(), assignmentId, record.id()).query(String.class).optional();
    }

    @Transactional
    public void discard(Actor client, UUID assignmentId) {
        ClientRecord record = access.self(client, client.clientId(), "worksheet draft");
        jdbc.sql("DELETE FROM entry_draft WHERE practice_id = ? AND assignment_id = ? AND client_id = ?")
                .params(record.practiceId(), assignmentId, record.id()).update();
    }
}
