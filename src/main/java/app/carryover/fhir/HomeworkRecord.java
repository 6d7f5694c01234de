package app.carryover.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.carryover.caseload.ClientRecord;
import app.carryover.goals.Goal;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.PracticeEntry;
import app.carryover.measures.Instrument;
import app.carryover.measures.MeasureAdministration;
import app.carryover.sessions.TherapySession;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * Everything of one client's record the FHIR export maps, read once under one access check.
 *
 * @param worksheets the worksheet versions the assignments and entries use, by {@code key|version}
 * @param entries    each assignment's entries, oldest first
 * @param instruments the instruments the administrations used, by key
 */
record HomeworkRecord(ClientRecord client, List<Goal> goals, List<TherapySession> sessions,
        List<AssignmentProgress> assignments, Map<UUID, List<PracticeEntry>> entries,
        Map<String, WorksheetDefinition> worksheets, List<MeasureAdministration> measures,
        Map<String, Instrument> instruments, Instant readAt) {

    static String versionKey(String key, int version) {
        return key + "|" + version;
    }
}
