package app.carryover.homework;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;

/**
 * Bringing earlier homework in with its real dates — from another system, from paper, or the demo
 * practice's few weeks of history. The care team's right; every step is audited like the live ones.
 */
@Service
public class HistoryImport {

    private final Assignments assignments;
    private final HomeworkReviews reviews;
    private final ClientAccess access;

    HistoryImport(Assignments assignments, HomeworkReviews reviews, ClientAccess access) {
        this.assignments = assignments;
        this.reviews = reviews;
        this.access = access;
    }

    /** An assignment as it was composed at {@code at}. */
    @Transactional
    public Assignment assignment(Actor clinician, UUID clientId, AssignmentDraft draft, Instant at) {
        ClientRecord client = access.change(clinician, clientId, "assignments (import)");
        return assignments.create(clinician, client, draft, null, at);
    }

    /** A review as it was decided at {@code at} (the session must be held). */
    @Transactional
    public Review review(Actor clinician, UUID clientId, UUID sessionId, UUID assignmentId, HomeworkReviews.ReviewInput input,
            Instant at) {
        return reviews.decideAt(clinician, clientId, sessionId, assignmentId, input, at);
    }
}
