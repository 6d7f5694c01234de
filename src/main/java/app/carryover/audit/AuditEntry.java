package app.carryover.audit;

import java.util.UUID;

import app.carryover.system.Actor;

/**
 * One thing to record. {@code subject} names the kind of object ("goals", "client record",
 * "session notes"); {@code detail} says what happened in plain words and never holds clinical
 * content itself.
 */
public record AuditEntry(UUID practiceId, UUID actorId, String actorLabel, UUID clientId, AuditAction action,
        String subject, String objectId, String detail) {

    public static AuditEntry by(Actor actor, UUID clientId, AuditAction action, String subject, Object objectId,
            String detail) {
        return new AuditEntry(actor.practiceId(), actor.accountId(), label(actor), clientId, action, subject,
                objectId == null ? null : objectId.toString(), detail);
    }

    static String label(Actor actor) {
        String roles = actor.roles().stream().map(r -> r.name().toLowerCase()).sorted()
                .reduce((a, b) -> a + "+" + b).orElse("");
        return actor.displayName() + " (" + roles + (actor.readOnly() ? ", read-only token" : "") + ")";
    }
}
