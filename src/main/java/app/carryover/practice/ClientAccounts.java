package app.carryover.practice;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the client record behind a client's account. Implemented by the caseload module, which
 * owns client records; sign-in asks it so the signed-in client knows their own record.
 */
public interface ClientAccounts {
    Optional<UUID> clientOf(UUID practiceId, UUID accountId);
}
