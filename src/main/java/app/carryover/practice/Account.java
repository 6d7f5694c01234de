package app.carryover.practice;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import app.carryover.system.Role;

/** A person who signs in: an admin, a clinician, a client, or several of these at once. */
record Account(UUID practiceId, UUID id, String email, String displayName, Set<Role> roles, Status status,
        String passwordHash, byte[] totpSecret, Instant totpConfirmedAt, Long totpLastStep, Instant createdAt,
        int sessionGeneration, boolean mustEnrolSecondFactor) {

    /** A new account: no sessions ended yet, no second-factor reset pending. */
    Account(UUID practiceId, UUID id, String email, String displayName, Set<Role> roles, Status status,
            String passwordHash, byte[] totpSecret, Instant totpConfirmedAt, Long totpLastStep, Instant createdAt) {
        this(practiceId, id, email, displayName, roles, status, passwordHash, totpSecret, totpConfirmedAt, totpLastStep,
                createdAt, 0, false);
    }

    enum Status { INVITED, ACTIVE, DISABLED }

    boolean isStaff() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.CLINICIAN);
    }

    boolean hasSecondFactor() {
        return totpConfirmedAt != null;
    }
}
