package app.carryover.caseload;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.system.ClientNames;

/** Answers clients' names for the audit page (admins of the practice see names already). */
@Component
class ClientDirectory implements ClientNames {

    private final ClientRepository clients;

    ClientDirectory(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Map<UUID, String> namesOf(UUID practiceId, Collection<UUID> clientIds) {
        return clients.names(practiceId, clientIds);
    }
}
