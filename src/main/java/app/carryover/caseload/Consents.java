package app.carryover.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.RequestOrigin;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/**
 * Consent, kind by kind. A client accepts the practice's current terms at first sign-in (and
 * again after the practice publishes a new version); messages and transcript analysis are
 * separate choices. Withdrawing the terms stops every reminder and message and flags the client
 * to their clinicians.
 */
@Service
public class Consents {

    /** The practice's terms text as published. */
    public record Document(int version, String body, Instant publishedAt) {
    }

    /** A client's latest decision of one kind. */
    public record Decision(ConsentKind kind, boolean given, Integer version, Instant at, String address) {
    }

    static final String DEFAULT_TERMS = """
            Carryover helps you and your clinician plan and record practice between sessions.

            What we keep: the practice your clinician sets, what you record about it (entries, ratings, notes, \
            reflections), questionnaires you fill in, and when you signed in. Your clinicians on your care team \
            can read them; the practice's administrators see your name and appointment times but not what you \
            record, unless they are also on your care team. Every reading and change of your record is logged.

            What we do not do: we do not sell or share your information, we do not use it for advertising, and \
            what you write is not read in real time. In an emergency, contact the emergency services or the \
            contacts your practice gives you.

            Your choices: you can withdraw this consent at any time in Settings. Carryover then stops all \
            reminders and messages, and your clinician is told so you can talk about it. You can ask your \
            practice for a copy of your information or for its deletion, as the law where you live allows.""";

    private final JdbcClient jdbc;
    private final ClientRepository clients;
    private final ClientAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(JdbcClient jdbc, ClientRepository clients, ClientAccess access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's current terms; the built-in text as version 1 until the practice publishes its own. */
    public Document currentTerms(UUID practiceId) {
        return jdbc.sql("""
                SELECT version, body, published_at FROM consent_document
                WHERE practice_id = ? AND kind = 'TERMS' ORDER BY version DESC LIMIT 1""")
                .param(practiceId)
                .query((rs, n) -> new Document(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional().orElse(new Document(1, DEFAULT_TERMS, Instant.EPOCH));
    }

    /** Publishes a new version of the practice's terms; clients accept it at their next visit. */
    @Transactional
    public Document publishTerms(Actor admin, String body) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins set the practice's terms.");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 50000) {
            throw ProblemException.invalid("body", "must be 1 to 50,000 characters");
        }
        int version = currentTerms(admin.practiceId()).version() + 1;
        jdbc.sql("""
                INSERT INTO consent_document (practice_id, kind, version, body, published_at, published_by)
                VALUES (?, 'TERMS', ?, ?, ?, ?)""")
                .params(admin.practiceId(), version, text, Timestamp.from(clock.instant()), admin.accountId()).update();
        audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "terms of use", version, "published version " + version));
        return currentTerms(admin.practiceId());
    }

    /** The client's latest decision of each kind. */
    public Map<ConsentKind, Decision> decisions(UUID practiceId, UUID clientId) {
        Map<ConsentKind, Decision> latest = new EnumMap<>(ConsentKind.class);
        jdbc.sql("""
                SELECT DISTINCT ON (kind) kind, given, version, decided_at, address FROM consent_decision
                WHERE practice_id = ? AND client_id = ? ORDER BY kind, decided_at DESC, id DESC""")
                .params(practiceId, clientId)
                .query((rs, n) -> new Decision(ConsentKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                        (Integer) rs.getObject(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list().forEach(d -> latest.put(d.kind(), d));
        return latest;
    }

    /** True when the client has accepted the practice's current terms. */
    public boolean hasAcceptedCurrentTerms(UUID practiceId, UUID clientId) {
        // One statement (every client request asks, through ClientGate): the latest terms decision is an
        // acceptance of the current version or a later one (version 1, the built-in text, when none is published).
        return jdbc.sql("""
                SELECT coalesce((
                    SELECT d.given AND d.version IS NOT NULL AND d.version >= coalesce((
                        SELECT max(version) FROM consent_document WHERE practice_id = ? AND kind = 'TERMS'), 1)
                    FROM consent_decision d WHERE d.practice_id = ? AND d.client_id = ? AND d.kind = 'TERMS'
                    ORDER BY d.decided_at DESC, d.id DESC LIMIT 1), false)""")
                .params(practiceId, practiceId, clientId).query(Boolean.class).single();
    }

    /** True when the client's latest terms decision is a withdrawal (their clinicians see a flag). */
    public boolean hasWithdrawnTerms(UUID practiceId, UUID clientId) {
        Decision terms = decisions(practiceId, clientId).get(ConsentKind.TERMS);
        return terms != null && !terms.given();
    }

    /** Which of these clients' latest terms decision is a withdrawal, in one statement (a caseload's flags). */
    public java.util.Set<UUID> withdrewTerms(UUID practiceId, java.util.Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT client_id FROM (
                    SELECT DISTINCT ON (client_id) client_id, given FROM consent_decision
                    WHERE practice_id = ? AND client_id = ANY (?) AND kind = 'TERMS'
                    ORDER BY client_id, decided_at DESC, id DESC) latest
                WHERE NOT given""")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(UUID.class).list());
    }

    /**
     * Whether Carryover may contact the client on this channel: not discharged, terms accepted and
     * not withdrawn, and the channel's own consent given. Everything that sends asks this first.
     */
    public boolean mayContact(UUID practiceId, UUID clientId, ConsentKind channel) {
        Optional<ClientRecord> client = clients.find(practiceId, clientId);
        if (client.isEmpty() || client.get().discharged()) {
            return false;
        }
        Map<ConsentKind, Decision> decisions = decisions(practiceId, clientId);
        Decision terms = decisions.get(ConsentKind.TERMS);
        Decision own = decisions.get(channel);
        return terms != null && terms.given() && own != null && own.given();
    }

    /** Whether the client has agreed to the analysis of their session transcripts. */
    public boolean mayAnalyseTranscripts(UUID practiceId, UUID clientId) {
        Map<ConsentKind, Decision> decisions = decisions(practiceId, clientId);
        Decision d = decisions.get(ConsentKind.TRANSCRIPT_ANALYSIS);
        Decision terms = decisions.get(ConsentKind.TERMS);
        return d != null && d.given() && terms != null && terms.given();
    }

    /**
     * Withdraws one channel's consent on the client's behalf when they asked outside a signed-in page:
     * a one-click unsubscribe link or a STOP reply. {@code how} says which, for the record and audit.
     * Returns false when it was not given (nothing to withdraw).
     */
    @Transactional
    public boolean withdrawForClient(UUID practiceId, UUID clientId, ConsentKind kind, String how) {
        if (kind == ConsentKind.TERMS) {
            throw new IllegalArgumentException("The terms are withdrawn by the client in their settings");
        }
        Decision current = decisions(practiceId, clientId).get(kind);
        if (current == null || !current.given()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO consent_decision (practice_id, id, client_id, kind, version, given, decided_at, address)
                VALUES (?, ?, ?, ?, NULL, false, ?, ?)""")
                .params(practiceId, Uuids.timeOrdered(), clientId, kind.name(), Timestamp.from(clock.instant()), RequestOrigin.address())
                .update();
        audit.record(new AuditEntry(practiceId, null, "client (" + how + ")", clientId, AuditAction.CONSENT, "consent",
                kind.name(), "withdrew " + kind.label().toLowerCase() + " by " + how));
        return true;
    }

    /** The client gives or withdraws one kind of consent; the terms are accepted at their current version. */
    @Transactional
    public void decide(Actor client, ConsentKind kind, boolean given) {
        ClientRecord record = access.self(client, client.clientId(), "consent");
        Integer version = kind == ConsentKind.TERMS ? currentTerms(record.practiceId()).version() : null;
        if (kind != ConsentKind.TERMS && given && !hasAcceptedCurrentTerms(record.practiceId(), record.id())) {
            throw ProblemException.invalid("kind", "accept the terms of use first");
        }
        jdbc.sql("""
                INSERT INTO consent_decision (practice_id, id, client_id, kind, version, given, decided_at, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.practiceId(), Uuids.timeOrdered(), record.id(), kind.name(), version, given,
                        Timestamp.from(clock.instant()), RequestOrigin.address())
                .update();
        audit.record(AuditEntry.by(client, record.id(), AuditAction.CONSENT, "consent", kind.name(),
                (given ? "gave " : "withdrew ") + kind.label().toLowerCase()
                        + (version == null ? "" : " (version " + version + ")")));
    }
}
