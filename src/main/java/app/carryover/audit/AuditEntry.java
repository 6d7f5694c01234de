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

    /**
     * How a row names who acted: staff by name and roles ("Chris Primary (clinician)"), a client by
     * their client id only ("client 0190… (client)"). The label is inside the row's MAC and the row is
     * never changed, so a client's name written here would outlive the erasure of their record; the
     * audit pages show the client's current name in its place ({@link #clientActor}), which after
     * erasure is "Erased client".
     */
    static String label(Actor actor) {
        String roles = actor.roles().stream().map(r -> r.name().toLowerCase()).sorted()
                .reduce((a, b) -> a + "+" + b).orElse("");
        String who = actor.isClient() && actor.clientId() != null ? CLIENT_ACTOR + actor.clientId() : actor.displayName();
        return who + " (" + roles + (actor.readOnly() ? ", read-only token" : "") + ")";
    }

    static final String CLIENT_ACTOR = "client ";
    private static final java.util.regex.Pattern CLIENT_LABEL = java.util.regex.Pattern.compile(
            "client ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) \\((.*)\\)");

    /** The client a label written by {@link #label} names by id, or null for any other label. */
    static UUID clientActor(String label) {
        java.util.regex.Matcher m = label == null ? null : CLIENT_LABEL.matcher(label);
        return m != null && m.matches() ? UUID.fromString(m.group(1)) : null;
    }

    /** A client's label with their current name in place of their id: "Kim Client (client)". */
    static String withName(String label, String name) {
        java.util.regex.Matcher m = CLIENT_LABEL.matcher(label);
        return m.matches() ? name + " (" + m.group(2) + ")" : label;
    }
}
