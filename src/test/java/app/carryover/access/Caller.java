package app.carryover.access;

import java.util.EnumSet;
import java.util.Set;

import app.carryover.system.Role;

/** Everyone the endpoint walk calls each handler as, relative to the client whose objects it names. */
enum Caller {
    /** An admin of the client's practice who is not on the client's care team (and not a clinician). */
    ADMIN_OFF_TEAM(EnumSet.of(Role.ADMIN)),
    /** The client's primary clinician. */
    PRIMARY(EnumSet.of(Role.CLINICIAN)),
    /** A supervisor on the client's care team (reads only). */
    SUPERVISOR(EnumSet.of(Role.CLINICIAN)),
    /** A clinician of the same practice on another client's team only. */
    OTHER_CLINICIAN(EnumSet.of(Role.CLINICIAN)),
    /** The client. */
    CLIENT(EnumSet.of(Role.CLIENT)),
    /** Another client of the same practice. */
    OTHER_CLIENT(EnumSet.of(Role.CLIENT)),
    /** An admin and clinician of another practice. */
    FOREIGN_STAFF(EnumSet.of(Role.ADMIN, Role.CLINICIAN)),
    /** A client of another practice. */
    FOREIGN_CLIENT(EnumSet.of(Role.CLIENT));

    final Set<Role> roles;

    Caller(Set<Role> roles) {
        this.roles = roles;
    }

    boolean isClient() {
        return roles.contains(Role.CLIENT);
    }

    boolean isForeign() {
        return this == FOREIGN_STAFF || this == FOREIGN_CLIENT;
    }
}
