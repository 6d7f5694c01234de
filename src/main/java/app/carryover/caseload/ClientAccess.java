package app.carryover.caseload;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/**
 * The one access guard for client records. Every module asks it before reading or changing
 * anything of a client's: a person who may not know the client gets 404 (so ids reveal nothing),
 * a person who may know them but not do this gets 403.
 */
@Service
public class ClientAccess {

    private final ClientRepository clients;

    ClientAccess(ClientRepository clients) {
        this.clients = clients;
    }

    /**
     * Clinical content, read: clinicians on the care team (supervisors too), and the client
     * themselves for their client-facing data.
     */
    public ClientRecord read(Actor actor, UUID clientId) {
        ClientRecord client = inPractice(actor, clientId);
        if (isSelf(actor, client) || teamRole(actor, client).isPresent()) {
            return client;
        }
        throw ProblemException.notFound("Client");
    }

    /** Clinical content, read by clinicians only (notes, briefs, coach feedback): never the client. */
    public ClientRecord readClinical(Actor actor, UUID clientId) {
        ClientRecord client = inPractice(actor, clientId);
        if (teamRole(actor, client).isPresent()) {
            return client;
        }
        if (isSelf(actor, client)) {
            throw ProblemException.forbidden("This is for your clinicians only.");
        }
        throw ProblemException.notFound("Client");
    }

    /** Clinical content, changed by the care team: the primary clinician and co-therapists. */
    public ClientRecord change(Actor actor, UUID clientId) {
        ClientRecord client = inPractice(actor, clientId);
        Optional<TeamRole> role = teamRole(actor, client);
        if (role.isEmpty()) {
            if (isSelf(actor, client)) {
                throw ProblemException.forbidden("Only your clinicians can change this.");
            }
            throw ProblemException.notFound("Client");
        }
        if (!role.get().canChange()) {
            throw ProblemException.forbidden("Supervisors read this record but do not change it.");
        }
        requireOpen(client);
        return client;
    }

    /** The client's own record, for what the client writes (entries, reflections). */
    public ClientRecord self(Actor actor, UUID clientId) {
        ClientRecord client = inPractice(actor, clientId);
        if (!isSelf(actor, client)) {
            if (teamRole(actor, client).isPresent()) {
                throw ProblemException.forbidden("Only the client can do this.");
            }
            throw ProblemException.notFound("Client");
        }
        requireOpen(client);
        return client;
    }

    /** Name and schedule, not clinical content: admins of the practice and the care team. */
    public ClientRecord administrative(Actor actor, UUID clientId) {
        ClientRecord client = inPractice(actor, clientId);
        if (actor.has(Role.ADMIN) || teamRole(actor, client).isPresent() || isSelf(actor, client)) {
            return client;
        }
        throw ProblemException.notFound("Client");
    }

    /** The caller's role on the client's care team, if any. */
    public Optional<TeamRole> teamRole(Actor actor, ClientRecord client) {
        if (!actor.has(Role.CLINICIAN) || !actor.practiceId().equals(client.practiceId())) {
            return Optional.empty();
        }
        return clients.roleOf(client.practiceId(), client.id(), actor.accountId());
    }

    private ClientRecord inPractice(Actor actor, UUID clientId) {
        if (clientId == null) {
            throw ProblemException.notFound("Client");
        }
        return clients.find(actor.practiceId(), clientId).orElseThrow(() -> ProblemException.notFound("Client"));
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
