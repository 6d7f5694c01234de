package app.carryover.caseload;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.RequestMemo;
import app.carryover.system.Role;

/**
 * The one access guard for client records, and the place every read of one is audited. Every
 * module asks it before reading or changing anything of a client's, naming what it touches: a
 * person who may not know the client gets 404 (so ids reveal nothing), a person who may know
 * them but not do this gets 403. Reads are recorded before the data is read, in a transaction of
 * their own, so a read whose audit row cannot be written is refused; changes are recorded in the
 * caller's transaction, so they commit or roll back together; refusals are recorded too.
 */
@Service
public class ClientAccess {

    private static final String READS_RECORDED = ClientAccess.class.getName() + ".readsRecorded";
    private static final String GATE_CHECKED = ClientAccess.class.getName() + ".gateChecked";

    private final ClientRepository clients;
    private final AuditTrail audit;

    ClientAccess(ClientRepository clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * Reading clinical content: clinicians on the care team (supervisors too), and the client
     * themselves for their client-facing data.
     */
    public ClientRecord read(Actor actor, UUID clientId, String what) {
        ClientRecord client = inPractice(actor, clientId, what);
        if (isSelf(actor, client) || teamRole(actor, client).isPresent()) {
            recordRead(actor, client, what, null);
            return client;
        }
        throw refused(actor, client.id(), what, ProblemException.notFound("Client"));
    }

    /** Reading clinician-only material (notes, briefs, coach feedback, ratings): never the client. */
    public ClientRecord readClinical(Actor actor, UUID clientId, String what) {
        ClientRecord client = inPractice(actor, clientId, what);
        if (teamRole(actor, client).isPresent()) {
            recordRead(actor, client, what, null);
            return client;
        }
        if (isSelf(actor, client)) {
            throw refused(actor, client.id(), what, ProblemException.forbidden("This is for your clinicians only."));
        }
        throw refused(actor, client.id(), what, ProblemException.notFound("Client"));
    }

    /** Changing clinical content: the primary clinician and co-therapists, while the client is not discharged. */
    public ClientRecord change(Actor actor, UUID clientId, String what) {
        ClientRecord client = mayChangeOrRefuse(actor, clientId, what);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, what, null, null));
        return client;
    }

    /**
     * Opening a form that will change clinical content: the same checks as {@link #change}, recorded
     * as a read, since nothing changes until the form is sent.
     */
    public ClientRecord prepareChange(Actor actor, UUID clientId, String what) {
        ClientRecord client = mayChangeOrRefuse(actor, clientId, what);
        recordRead(actor, client, what, "opened to change");
        return client;
    }

    /** The checks of a change: on the team, not a supervisor, the client not discharged. */
    private ClientRecord mayChangeOrRefuse(Actor actor, UUID clientId, String what) {
        ClientRecord client = inPractice(actor, clientId, what);
        Optional<TeamRole> role = teamRole(actor, client);
        if (role.isEmpty()) {
            if (isSelf(actor, client)) {
                throw refused(actor, client.id(), what, ProblemException.forbidden("Only your clinicians can change this."));
            }
            throw refused(actor, client.id(), what, ProblemException.notFound("Client"));
        }
        if (!role.get().canChange()) {
            throw refused(actor, client.id(), what,
                    ProblemException.forbidden("Supervisors read this record but do not change it."));
        }
        requireOpen(client);
        return client;
    }

    /** What the client writes themselves (entries, reflections, consent), while not discharged. */
    public ClientRecord self(Actor actor, UUID clientId, String what) {
        ClientRecord client = inPractice(actor, clientId, what);
        if (!isSelf(actor, client)) {
            if (teamRole(actor, client).isPresent()) {
                throw refused(actor, client.id(), what, ProblemException.forbidden("Only the client can do this."));
            }
            throw refused(actor, client.id(), what, ProblemException.notFound("Client"));
        }
        requireOpen(client);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, what, null, null));
        return client;
    }

    /** Name and schedule, not clinical content: admins of the practice, the care team, the client. */
    public ClientRecord administrative(Actor actor, UUID clientId, String what) {
        ClientRecord client = inPractice(actor, clientId, what);
        if (actor.has(Role.ADMIN) || teamRole(actor, client).isPresent() || isSelf(actor, client)) {
            recordRead(actor, client, what, null);
            return client;
        }
        throw refused(actor, client.id(), what, ProblemException.notFound("Client"));
    }

    /** The caller's role on the client's care team, if any. */
    public Optional<TeamRole> teamRole(Actor actor, ClientRecord client) {
        if (!actor.has(Role.CLINICIAN) || !actor.practiceId().equals(client.practiceId())) {
            return Optional.empty();
        }
        return RequestMemo.get(roleKey(client.practiceId(), client.id(), actor.accountId()),
                () -> clients.roleOf(client.practiceId(), client.id(), actor.accountId()));
    }

    /**
     * Reading the clinical content of several clients at once (a caseload): the rule of {@link #read}
     * for each, with the caller's roles looked up in one statement and the reads recorded together in
     * one transaction before any data is read (one row per client, as single reads write). Clients the
     * caller is not on the care team of are left out. Later single reads of these clients in the same
     * request need no further look-up or row.
     */
    public java.util.List<ClientRecord> readAll(Actor actor, java.util.List<ClientRecord> records, String what) {
        if (!actor.has(Role.CLINICIAN) || records.isEmpty()) {
            return java.util.List.of();
        }
        java.util.Map<UUID, TeamRole> roles = clients.rolesOf(actor.practiceId(), actor.accountId(),
                records.stream().map(ClientRecord::id).toList());
        java.util.List<ClientRecord> readable = new java.util.ArrayList<>();
        java.util.List<AuditEntry> rows = new java.util.ArrayList<>();
        Set<UUID> done = recorded();
        String call = call();
        for (ClientRecord client : records) {
            TeamRole role = roles.get(client.id());
            if (role == null || !client.practiceId().equals(actor.practiceId())) {
                continue;
            }
            RequestMemo.put(clientKey(client.practiceId(), client.id()), Optional.of(client));
            RequestMemo.put(roleKey(client.practiceId(), client.id(), actor.accountId()), Optional.of(role));
            readable.add(client);
            if (done == null || !done.contains(client.id())) {
                rows.add(AuditEntry.by(actor, client.id(), AuditAction.READ, what, null, call));
            }
        }
        audit.recordNowAll(rows);
        if (done != null) {
            readable.forEach(c -> done.add(c.id()));
        }
        return readable;
    }

    /**
     * The client's gate ({@link ClientGate}) read the client's own record just before the handler runs;
     * the handler's first access check takes it over instead of reading it again. Only the first: after
     * that the request may have changed the record, so later checks read it afresh (unless the request
     * only reads, see {@link RequestMemo}).
     */
    static void checkedByGate(ClientRecord client) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(GATE_CHECKED, client, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static Optional<ClientRecord> fromGate(UUID practiceId, UUID clientId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(request.getAttribute(GATE_CHECKED, RequestAttributes.SCOPE_REQUEST) instanceof ClientRecord c)) {
            return Optional.empty();
        }
        request.removeAttribute(GATE_CHECKED, RequestAttributes.SCOPE_REQUEST);
        return c.practiceId().equals(practiceId) && c.id().equals(clientId) ? Optional.of(c) : Optional.empty();
    }

    private static String clientKey(UUID practiceId, UUID clientId) {
        return "client:" + practiceId + ":" + clientId;
    }

    private static String roleKey(UUID practiceId, UUID clientId, UUID accountId) {
        return "team-role:" + practiceId + ":" + clientId + ":" + accountId;
    }

    /** Whether the caller may change this client's clinical content (for showing or hiding edit controls). */
    public boolean mayChange(Actor actor, ClientRecord client) {
        return !client.discharged() && teamRole(actor, client).map(TeamRole::canChange).orElse(false);
    }

    private ClientRecord inPractice(Actor actor, UUID clientId, String what) {
        Optional<ClientRecord> client = clientId == null ? Optional.empty()
                : RequestMemo.get(clientKey(actor.practiceId(), clientId),
                        () -> fromGate(actor.practiceId(), clientId).or(() -> clients.find(actor.practiceId(), clientId)));
        if (client.isEmpty()) {
            audit.recordNow(AuditEntry.by(actor, null, AuditAction.ACCESS_DENIED, what, clientId,
                    "404 no such client in this practice"));
            throw ProblemException.notFound("Client");
        }
        return client.get();
    }

    /**
     * Records a read before the data is read. Within one web request the first read of a client
     * writes the row (naming what was read first and the request), and later reads of the same
     * client in that request are covered by it: one committed row per page or API call, not one per
     * internal lookup.
     */
    private void recordRead(Actor actor, ClientRecord client, String what, String detail) {
        Set<UUID> done = recorded();
        if (done != null) {
            if (done.contains(client.id())) {
                return;
            }
            String call = call();
            audit.recordNow(AuditEntry.by(actor, client.id(), AuditAction.READ, what, null,
                    detail == null ? call : detail + (call == null ? "" : "; " + call)));
            done.add(client.id());
            return;
        }
        audit.recordNow(AuditEntry.by(actor, client.id(), AuditAction.READ, what, null, detail));
    }

    /** The clients whose reads this web request has recorded, or null outside one. */
    private static Set<UUID> recorded() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> done = (Set<UUID>) request.getAttribute(READS_RECORDED, RequestAttributes.SCOPE_REQUEST);
        if (done == null) {
            done = new HashSet<>();
            request.setAttribute(READS_RECORDED, done, RequestAttributes.SCOPE_REQUEST);
        }
        return done;
    }

    /** "GET /clients/…" for the audit row's detail, or null outside a web request. */
    private static String call() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : null;
    }

    private ProblemException refused(Actor actor, UUID clientId, String what, ProblemException problem) {
        audit.recordNow(AuditEntry.by(actor, clientId, AuditAction.ACCESS_DENIED, what, null,
                problem.status().value() + " " + problem.getMessage()));
        return problem;
    }

    private static boolean isSelf(Actor actor, ClientRecord client) {
        return actor.isClient() && client.id().equals(actor.clientId());
    }

    private static void requireOpen(ClientRecord client) {
        if (client.discharged()) {
            throw ProblemException.conflict("This client has been discharged; the record is read-only until readmission.");
        }
    }
}
