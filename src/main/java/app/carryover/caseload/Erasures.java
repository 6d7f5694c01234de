package app.carryover.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/**
 * A client's request to have their data erased, and its decision. The client asks (with a reason if
 * they like); a request is held for review while anything a {@link Hold} names is open (open risk
 * alerts, once the measures module has them); the client's primary clinician or a co-therapist, or
 * an admin, approves or declines it with a reason. Approval discharges the client (all contact
 * stops) and sets the record to be erased when the practice's retention period after discharge
 * ends ({@link Retention}): the records the practice must keep are kept until then, then deleted,
 * and the client row stays without a name so the audit keeps its subject. Every step is audited.
 */
@Service
public class Erasures {

    public enum Status { REQUESTED, HELD, APPROVED, DECLINED, WITHDRAWN, DONE }

    /** One request as the client and the care team see it. */
    public record Request(UUID id, UUID clientId, Instant requestedAt, String clientReason, Status status, String holdReason,
            Instant decidedAt, String decisionReason, Instant eraseAfter, Instant doneAt) {

        public boolean open() {
            return status == Status.REQUESTED || status == Status.HELD;
        }
    }

    /** An open request with the client's name, for the lists of those who decide. */
    public record Pending(Request request, String clientName) {
    }

    /**
     * Something that holds an erasure request for review while it is open (another module's
     * concern, such as an open risk alert): answers the reason, or empty.
     */
    public interface Hold {
        Optional<String> reasonToHold(UUID practiceId, UUID clientId);
    }

    private final ClientAccess access;
    private final ClientRepository clients;
    private final Retention retention;
    private final ObjectProvider<Hold> holds;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasures(ClientAccess access, ClientRepository clients, Retention retention, ObjectProvider<Hold> holds,
            JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.clients = clients;
        this.retention = retention;
        this.holds = holds;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in client asks for their data to be erased. */
    @Transactional
    public Request request(Actor actor, String reason) {
        ClientRecord client = own(actor, "erasure request");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw ProblemException.invalid("reason", "must be at most 1,000 characters");
        }
        if (latest(client).map(Request::open).orElse(false)) {
            throw ProblemException.conflict("You have already asked; your clinician will decide.");
        }
        Optional<String> hold = holdReason(client);
        UUID id = Uuids.timeOrdered();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO erasure_request (practice_id, id, client_id, requested_at, requested_by, client_reason, "
                + "status, hold_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(client.practiceId(), id, client.id(), Timestamp.from(now), actor.accountId(), why,
                        hold.isPresent() ? Status.HELD.name() : Status.REQUESTED.name(), hold.orElse(null))
                .update();
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CREATE, "erasure request", id,
                hold.isPresent() ? "requested by the client; held for review" : "requested by the client"));
        return latest(client).orElseThrow();
    }

    /** The client takes back an open request. */
    @Transactional
    public void withdraw(Actor actor) {
        ClientRecord client = own(actor, "erasure request");
        Request open = latest(client).filter(Request::open)
                .orElseThrow(() -> ProblemException.conflict("There is no open erasure request to withdraw."));
        jdbc.sql("UPDATE erasure_request SET status = 'WITHDRAWN', decided_at = ?, decided_by = ? WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(clock.instant()), actor.accountId(), client.practiceId(), open.id()).update();
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "erasure request", open.id(), "withdrawn by the client"));
    }

    /** The client's latest request, for their own privacy page. */
    public Optional<Request> mine(Actor actor) {
        if (!actor.isClient()) {
            return Optional.empty();
        }
        return clients.find(actor.practiceId(), actor.clientId()).flatMap(this::latest);
    }

    /** A client's latest request, for those who decide (the care team who may change the record, admins). */
    public Optional<Request> of(Actor actor, UUID clientId) {
        ClientRecord client = access.administrative(actor, clientId, "erasure request");
        if (actor.isClient()) {
            throw ProblemException.notFound("Client");
        }
        return latest(client);
    }

    /**
     * Whether the client has an open request, for a notice on a page that has already checked the
     * caller's access to this client (the clinician's client page).
     */
    public boolean hasOpenRequest(ClientRecord client) {
        return latest(client).map(Request::open).orElse(false);
    }

    /** Whether the caller decides this client's requests (for showing the form). */
    public boolean mayDecide(Actor actor, ClientRecord client) {
        return actor.has(Role.ADMIN) || access.teamRole(actor, client).map(TeamRole::canChange).orElse(false);
    }

    /** The open requests the caller may decide: an admin's whole practice, a clinician's own clients. */
    public List<Pending> pending(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("Only clinicians and admins decide erasure requests.");
        }
        String mine = actor.has(Role.ADMIN) ? "" : " AND EXISTS (SELECT 1 FROM care_team_member t WHERE t.practice_id = "
                + "r.practice_id AND t.client_id = r.client_id AND t.clinician_id = ? AND t.team_role IN ('PRIMARY', 'CO_THERAPIST'))";
        var query = jdbc.sql("SELECT r.*, c.display_name FROM erasure_request r JOIN client c ON c.practice_id = r.practice_id "
                + "AND c.id = r.client_id WHERE r.practice_id = ? AND r.status IN ('REQUESTED', 'HELD')" + mine
                + " ORDER BY r.requested_at");
        query = actor.has(Role.ADMIN) ? query.params(actor.practiceId()) : query.params(actor.practiceId(), actor.accountId());
        return query.query((rs, n) -> new Pending(row(rs), rs.getString("display_name"))).list();
    }

    /**
     * Approves or declines the client's open request, with a reason. A held request is approved
     * only once nothing holds it any more.
     */
    @Transactional
    public Request decide(Actor actor, UUID clientId, boolean approve, String reason) {
        ClientRecord client = decider(actor, clientId, "erasure decision");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ProblemException.invalid("reason", "say why (it is kept with the decision)");
        }
        if (why.length() > 1000) {
            throw ProblemException.invalid("reason", "must be at most 1,000 characters");
        }
        Request open = latest(client).filter(Request::open)
                .orElseThrow(() -> ProblemException.conflict("This client has no open erasure request."));
        Instant now = clock.instant();
        if (approve) {
            Optional<String> hold = holdReason(client);
            if (hold.isPresent()) {
                jdbc.sql("UPDATE erasure_request SET status = 'HELD', hold_reason = ? WHERE practice_id = ? AND id = ?")
                        .params(hold.get(), client.practiceId(), open.id()).update();
                throw ProblemException.conflict("Held for review: " + hold.get() + ". Approve it once that is resolved.");
            }
            Instant dischargedAt = client.discharged()
                    ? jdbc.sql("SELECT discharged_at FROM client WHERE practice_id = ? AND id = ?")
                            .params(client.practiceId(), client.id()).query(Timestamp.class).single().toInstant()
                    : now;
            if (!client.discharged()) {
                clients.discharge(client.practiceId(), client.id(), now, "Discharged on approving the client's erasure request.");
                audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "client record", client.id(),
                        "discharged on approving erasure"));
                events.publishEvent(new ClientDischarged(client.practiceId(), client.id(), now));
            }
            Instant eraseAfter = retention.eraseAfter(client.practiceId(), dischargedAt);
            jdbc.sql("UPDATE erasure_request SET status = 'APPROVED', decided_at = ?, decided_by = ?, decision_reason = ?, "
                    + "erase_after = ? WHERE practice_id = ? AND id = ?")
                    .params(Timestamp.from(now), actor.accountId(), why, Timestamp.from(eraseAfter), client.practiceId(),
                            open.id()).update();
            audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "erasure request", open.id(),
                    "approved; the record is erased after " + eraseAfter));
        } else {
            jdbc.sql("UPDATE erasure_request SET status = 'DECLINED', decided_at = ?, decided_by = ?, decision_reason = ? "
                    + "WHERE practice_id = ? AND id = ?")
                    .params(Timestamp.from(now), actor.accountId(), why, client.practiceId(), open.id()).update();
            audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "erasure request", open.id(), "declined"));
        }
        return latest(client).orElseThrow();
    }

    private ClientRecord own(Actor actor, String what) {
        if (!actor.isClient()) {
            throw ProblemException.forbidden("Only the client asks for their own data to be erased.");
        }
        return access.read(actor, actor.clientId(), what);
    }

    /** The client's primary clinician or a co-therapist, or an admin of the practice. */
    private ClientRecord decider(Actor actor, UUID clientId, String what) {
        ClientRecord client = access.administrative(actor, clientId, what);
        if (mayDecide(actor, client)) {
            return client;
        }
        if (actor.isClient()) {
            throw ProblemException.notFound("Client");
        }
        throw ProblemException.forbidden("Only the client's clinicians (not supervisors) or an admin decide this.");
    }

    private Optional<String> holdReason(ClientRecord client) {
        return holds.orderedStream().map(h -> h.reasonToHold(client.practiceId(), client.id()))
                .flatMap(Optional::stream).findFirst();
    }

    private Optional<Request> latest(ClientRecord client) {
        return jdbc.sql("SELECT * FROM erasure_request WHERE practice_id = ? AND client_id = ? ORDER BY requested_at DESC, id DESC LIMIT 1")
                .params(client.practiceId(), client.id()).query((rs, n) -> row(rs)).optional();
    }

    private static Request row(ResultSet rs) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                instant(rs.getTimestamp("requested_at")), rs.getString("client_reason"), Status.valueOf(rs.getString("status")),
                rs.getString("hold_reason"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                instant(rs.getTimestamp("erase_after")), instant(rs.getTimestamp("done_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
