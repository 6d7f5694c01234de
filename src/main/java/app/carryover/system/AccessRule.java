package app.carryover.system;

import java.util.EnumSet;
import java.util.Set;

/** The access rules a handler can declare; see {@link Access}. */
public enum AccessRule {
    /** Anyone, signed in or not: sign-in pages, first-run setup, health. */
    PUBLIC(null),
    /** Any signed-in person, for their own account (settings, tokens). */
    SIGNED_IN(EnumSet.allOf(Role.class)),
    /** Practice administration: accounts, care teams, settings, the audit log. */
    ADMIN(EnumSet.of(Role.ADMIN)),
    /** Admins and clinicians: client names and schedules, not clinical content. */
    STAFF(EnumSet.of(Role.ADMIN, Role.CLINICIAN)),
    /** Clinician-level work not tied to one client (the caseload, the worksheet library). */
    CLINICIAN(EnumSet.of(Role.CLINICIAN)),
    /** Reading a client's clinical record: clinicians on the client's care team, supervisors included. */
    CARE_TEAM_READ(EnumSet.of(Role.CLINICIAN)),
    /** Changing a client's clinical record: the primary clinician and co-therapists, not supervisors. */
    CARE_TEAM_WRITE(EnumSet.of(Role.CLINICIAN)),
    /** A client's own client-facing pages and data. */
    CLIENT_SELF(EnumSet.of(Role.CLIENT));

    private final Set<Role> roles;

    AccessRule(Set<Role> roles) {
        this.roles = roles;
    }

    /** True when the rule lets a person holding these roles through its role gate. */
    public boolean admits(Set<Role> held) {
        if (roles == null) {
            return true;
        }
        for (Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPublic() {
        return roles == null;
    }

}
