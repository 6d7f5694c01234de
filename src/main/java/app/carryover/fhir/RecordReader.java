package app.carryover.fhir;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.goals.Goals;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeEntry;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Instrument;
import app.carryover.measures.Instruments;
import app.carryover.measures.MeasureAdministration;
import app.carryover.measures.Measures;
import app.carryover.sessions.Sessions;
import app.carryover.system.Actor;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetLibrary;

/**
 * Reads a client's homework record through the owning modules' services, so their access rules
 * and read audit apply unchanged: the care team reads it (supervisors too), nobody else learns the
 * client exists.
 */
@Component
class RecordReader {

    private final ClientAccess access;
    private final Goals goals;
    private final Sessions sessions;
    private final Assignments assignments;
    private final PracticeLog log;
    private final WorksheetLibrary library;
    private final Measures measures;
    private final Instruments instruments;
    private final Clock clock;

    RecordReader(ClientAccess access, Goals goals, Sessions sessions, Assignments assignments, PracticeLog log,
            WorksheetLibrary library, Measures measures, Instruments instruments, Clock clock) {
        this.measures = measures;
        this.instruments = instruments;
        this.access = access;
        this.goals = goals;
        this.sessions = sessions;
        this.assignments = assignments;
        this.log = log;
        this.library = library;
        this.clock = clock;
    }

    HomeworkRecord read(Actor actor, UUID clientId) {
        ClientRecord client = access.readClinical(actor, clientId, "FHIR record");
        List<AssignmentProgress> progress = assignments.progress(actor, clientId, true);
        Map<UUID, List<PracticeEntry>> entries = log.ofAssignments(actor, clientId,
                progress.stream().map(p -> p.assignment().id()).toList());
        Map<String, WorksheetDefinition> worksheets = new HashMap<>();
        for (AssignmentProgress p : progress) {
            Assignment a = p.assignment();
            List<PracticeEntry> of = entries.get(a.id());
            if (a.usesWorksheet()) {
                worksheet(worksheets, client, a.worksheetKey(), a.worksheetVersion());
            }
            for (PracticeEntry e : of) {
                if (e.worksheetKey() != null) {
                    worksheet(worksheets, client, e.worksheetKey(), e.worksheetVersion());
                }
            }
        }
        List<MeasureAdministration> given = measures.history(actor, clientId);
        Map<String, Instrument> used = new HashMap<>();
        for (MeasureAdministration a : given) {
            if (!used.containsKey(a.instrument())) {
                instruments.find(client.practiceId(), a.instrument()).ifPresent(i -> used.put(a.instrument(), i));
            }
        }
        return new HomeworkRecord(client, goals.list(actor, clientId), sessions.list(actor, clientId), progress, entries,
                worksheets, given, used, clock.instant());
    }

    private void worksheet(Map<String, WorksheetDefinition> into, ClientRecord client, String key, Integer version) {
        if (version == null) {
            return;
        }
        into.computeIfAbsent(HomeworkRecord.versionKey(key, version),
                k -> library.find(client.practiceId(), key, version).orElse(null));
        into.values().removeIf(Objects::isNull);
    }
}
