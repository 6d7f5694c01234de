package app.carryover.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** The audit over the JSON API, for admins and their tools. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping
    List<AuditLog.Row> browse(Actor actor, @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "200") int limit) {
        return log.browse(actor, new AuditLog.Filter(actorId, clientId, action, from, to), limit);
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/verification")
    AuditLog.Verification verify(Actor actor, @RequestParam(required = false) Long seal,
            @RequestParam(required = false) String head) {
        return log.verify(actor, AuditController.published(seal, head));
    }
}
