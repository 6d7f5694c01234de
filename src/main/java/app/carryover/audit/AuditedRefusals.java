package app.carryover.audit;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.system.Actor;
import app.carryover.system.RefusalRecorder;

/** Puts requests refused at a handler's role gate on the audit, like refusals in the services. */
@Component
class AuditedRefusals implements RefusalRecorder {

    private final AuditTrail trail;

    AuditedRefusals(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void refused(Actor actor, UUID clientId, String request, String why) {
        trail.recordNow(AuditEntry.by(actor, clientId, AuditAction.ACCESS_DENIED, request, null, why));
    }
}
