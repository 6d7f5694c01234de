package app.carryover.caseload;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.practice.ClientAccounts;
import app.carryover.practice.Invitations;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/** Clients of a practice: inviting them, listing a clinician's caseload, finding a client's record. */
@Service
public class Caseload implements ClientAccounts {

    private final ClientRepository clients;
    private final Invitations invitations;
    private final ClientAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Caseload(ClientRepository clients, Invitations invitations, ClientAccess access, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.invitations = invitations;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A clinician invites a client: the client's record and account are created, the clinician
     * becomes their primary clinician, and the client gets an e-mailed link.
     */
    @Transactional
    public Invited invite(Actor clinician, String displayName, String email, String timeZone) {
        return invite(clinician, displayName, email, timeZone, "");
    }

    /**
     * Invites a client who will read Carryover (pages, the invitation itself, reminders) in {@code language}
     * ("en" or "es"); blank leaves it to their browser when they accept.
     */
    @Transactional
    public Invited invite(Actor clinician, String displayName, String email, String timeZone, String language) {
        java.util.Locale chosen = language == null || language.isBlank() ? null : app.carryover.system.Languages.of(language)
                .orElseThrow(() -> ProblemException.invalid("language", "must be English or Spanish"));
        if (!clinician.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("Only clinicians invite clients.");
        }
        ZoneId zone = Practices.zone("timeZone", timeZone);
        Invitations.Sent sent = invitations.invite(clinician, email, displayName, Set.of(Role.CLIENT), chosen);
        ClientRecord client = new ClientRecord(clinician.practiceId(), Uuids.timeOrdered(), sent.accountId(),
                displayName.trim(), zone, ClientRecord.Status.ACTIVE, clock.instant());
        clients.insert(client);
        clients.addMember(client.practiceId(), client.id(), clinician.accountId(), TeamRole.PRIMARY, clock.instant());
        return new Invited(client, sent.unsentLink());
    }

    /** A client invited: their record, and the invitation link when no e-mail could carry it (else null). */
    public record Invited(ClientRecord client, String unsentLink) {
    }

    /**
     * Registers a client whose account already exists (the demo seeder, imports), with a
     * primary clinician.
     */
    @Transactional
    public ClientRecord admit(UUID practiceId, UUID accountId, String displayName, ZoneId zone, UUID primaryClinicianId) {
        ClientRecord client = new ClientRecord(practiceId, Uuids.timeOrdered(), accountId, displayName.trim(), zone,
                ClientRecord.Status.ACTIVE, clock.instant());
        clients.insert(client);
        clients.addMember(practiceId, client.id(), primaryClinicianId, TeamRole.PRIMARY, clock.instant());
        return client;
    }

    /**
     * Moves a client to another time zone (they moved, or travel for a while): "today" and reminders
     * follow it from now on; entries already written keep the local date they were made on.
     */
    @Transactional
    public ClientRecord changeTimeZone(Actor actor, UUID clientId, String timeZone) {
        ZoneId zone = Practices.zone("timeZone", timeZone);
        ClientRecord client = actor.isClient() ? access.self(actor, clientId, "time zone")
                : access.change(actor, clientId, "time zone");
        clients.setTimeZone(client.practiceId(), client.id(), zone);
        return clients.find(client.practiceId(), client.id()).orElseThrow();
    }

    /** The clients on the clinician's care teams. */
    public List<ClientRecord> mine(Actor clinician) {
        if (!clinician.has(Role.CLINICIAN)) {
            return List.of();
        }
        return app.carryover.system.RequestMemo.get("caseload:" + clinician.practiceId() + ":" + clinician.accountId(),
                () -> clients.onTeamOf(clinician.practiceId(), clinician.accountId()));
    }

    /** Every client of the practice, by name, for admins (names and schedules only). */
    public List<ClientRecord> everyone(Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins see every client of the practice.");
        }
        List<ClientRecord> all = clients.all(admin.practiceId());
        // Every client's name and status: one committed read row before the list leaves (issue 15 item 7).
        audit.recordNow(AuditEntry.by(admin, null, AuditAction.READ, "client list", null,
                "every client of the practice (" + all.size() + ")"));
        return all;
    }

    /**
     * Discharges a client: the record becomes read-only, the client's sign-in shows a closing
     * page and all contact stops. The care team's primary clinician or co-therapist, or an admin.
     */
    @Transactional
    public void discharge(Actor actor, UUID clientId, String note) {
        ClientRecord client = checkDischarge(actor, clientId, note);
        clients.discharge(client.practiceId(), client.id(), clock.instant(), note);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "client record", client.id(), "discharged"));
        events.publishEvent(new ClientDischarged(client.practiceId(), client.id(), clock.instant()));
    }

    /**
     * Checks a discharge without doing it, for the step that asks "Discharge …?": the same refusals
     * as {@link #discharge}, so nobody is asked to confirm what would then be refused.
     */
    public ClientRecord checkDischarge(Actor actor, UUID clientId, String note) {
        ClientRecord client = mayDischarge(actor, clientId, "discharge");
        if (client.discharged()) {
            throw ProblemException.conflict("This client is already discharged.");
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalid("note", "must be at most 2,000 characters");
        }
        return client;
    }

    /** Readmits a discharged client: the same record opens again. */
    @Transactional
    public void readmit(Actor actor, UUID clientId) {
        ClientRecord client = mayDischarge(actor, clientId, "readmission");
        if (!client.discharged()) {
            throw ProblemException.conflict("This client is not discharged.");
        }
        if (clients.erased(client.practiceId(), client.id())) {
            throw ProblemException.conflict("This client's record was erased after the retention period; it cannot be reopened.");
        }
        clients.setStatus(client.practiceId(), client.id(), ClientRecord.Status.ACTIVE, null);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "client record", client.id(), "readmitted"));
        events.publishEvent(new ClientReadmitted(client.practiceId(), client.id(), clock.instant()));
    }

    private ClientRecord mayDischarge(Actor actor, UUID clientId, String what) {
        if (actor.has(Role.ADMIN)) {
            return access.administrative(actor, clientId, what);
        }
        ClientRecord client = access.administrative(actor, clientId, what);
        if (!access.teamRole(actor, client).map(TeamRole::canChange).orElse(false)) {
            throw ProblemException.forbidden("Only the client's clinicians (not supervisors) or an admin can do this.");
        }
        return client;
    }

    /** A client's record for background work that no person reads (reminders): no access check, no audit. */
    public Optional<ClientRecord> find(UUID practiceId, UUID clientId) {
        return clients.find(practiceId, clientId);
    }

    /** Every practice's clients who are not discharged, for background work. */
    public List<ClientRecord> activeEverywhere() {
        return clients.activeEverywhere();
    }

    /**
     * The client's stored time zone when this installation's time-zone data no longer knows it (their
     * record then reads as UTC until someone chooses a zone), otherwise empty.
     */
    public Optional<String> unknownTimeZone(UUID practiceId, UUID clientId) {
        return clients.storedTimeZone(practiceId, clientId)
                .filter(id -> ClientRepository.knownZone(id).equals(java.time.ZoneOffset.UTC) && !isUtc(id));
    }

    private static boolean isUtc(String id) {
        try {
            return java.time.ZoneId.of(id).normalized().equals(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    @Override
    public Optional<UUID> clientOf(UUID practiceId, UUID accountId) {
        return clients.findByAccount(practiceId, accountId).map(ClientRecord::id);
    }
}
