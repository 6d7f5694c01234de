package app.carryover.system;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person a request acts for: services take it as a parameter and check it
 * against the object asked for.
 *
 * @param clientId the client record of a client account, otherwise null
 * @param readOnly true for an API token created with read-only scope
 */
public record Actor(UUID practiceId, UUID accountId, String email, String displayName, Set<Role> roles,
        UUID clientId, boolean readOnly) implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isClient() {
        return roles.contains(Role.CLIENT);
    }
}
