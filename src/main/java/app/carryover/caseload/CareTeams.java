package app.carryover.caseload;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/** Admins decide who is on each client's care team and in which role. */
@Service
public class CareTeams {

    private final ClientRepository clients;
    private final Practices practices;
    private final AuditTrail audit;
    private final Clock clock;

    CareTeams(ClientRepository clients, Practices practices, AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.practices = practices;
        this.audit = audit;
        this.clock = clock;
    }

    /** One clinician of a client's care team and their role. */
    public record Member(UUID clinicianId, TeamRole role) {
    }

    /**
     * A client's care team, for work done for the practice rather than for a signed-in person (the
     * escalation of an unacknowledged risk alert); no access check, so callers show nothing of it.
     */
    public List<Member> of(UUID practiceId, UUID clientId) {
        return clients.team(practiceId, clientId).stream().map(m -> new Member(m.clinicianId(), m.role())).toList();
    }

    /** Puts a clinician on the team in a role (or changes their role); one primary per client. */
    @Transactional
    public void assign(Actor admin, UUID clientId, UUID clinicianId, TeamRole role) {
        ClientRecord client = requireAdminAndClient(admin, clientId);
        practices.person(admin.practiceId(), clinicianId).filter(p -> p.roles().contains(Role.CLINICIAN))
                .orElseThrow(() -> ProblemException.invalid("clinicianId", "is not a clinician of this practice"));
        if (role == null) {
            throw ProblemException.invalid("role", "must be PRIMARY, CO_THERAPIST or SUPERVISOR");
        }
        if (role == TeamRole.PRIMARY) {
            clients.team(admin.practiceId(), clientId).stream()
                    .filter(m -> m.role() == TeamRole.PRIMARY && !m.clinicianId().equals(clinicianId))
                    .forEach(m -> clients.addMember(admin.practiceId(), clientId, m.clinicianId(), TeamRole.CO_THERAPIST,
                            clock.instant()));
        }
        clients.addMember(client.practiceId(), client.id(), clinicianId, role, clock.instant());
        audit.record(AuditEntry.by(admin, clientId, AuditAction.CHANGE, "care team", clinicianId,
                "now " + role.name().toLowerCase().replace('_', '-')));
    }

    /** Takes a clinician off the team. */
    @Transactional
    public void remove(Actor admin, UUID clientId, UUID clinicianId) {
        requireAdminAndClient(admin, clientId);
        if (clients.removeMember(admin.practiceId(), clientId, clinicianId) == 0) {
            throw ProblemException.notFound("Care team member");
        }
        audit.record(AuditEntry.by(admin, clientId, AuditAction.CHANGE, "care team", clinicianId, "removed"));
    }

    private ClientRecord requireAdminAndClient(Actor admin, UUID clientId) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins change care teams.");
        }
        return clients.find(admin.practiceId(), clientId).orElseThrow(() -> ProblemException.notFound("Client"));
    }
}
