package app.carryover.system;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Clients' names by id, for modules below `caseload` that show who a row is about (the audit). The
 * caseload module answers it; names are what admins of the practice already see.
 */
public interface ClientNames {

    /** The names of those of {@code clientIds} that are clients of the practice (others are left out). */
    Map<UUID, String> namesOf(UUID practiceId, Collection<UUID> clientIds);
}
