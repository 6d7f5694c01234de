package app.carryover.homework;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientDischarged;

/** Discharge closes a client's open assignments (they are discontinued, not deleted). */
@Component
class DischargeClosesHomework {

    private final AssignmentRepository assignments;
    private final Clock clock;

    DischargeClosesHomework(AssignmentRepository assignments, Clock clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ClientDischarged discharged) {
        assignments.closeOpen(discharged.practiceId(), discharged.clientId(), clock.instant());
    }
}
