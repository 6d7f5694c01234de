package app.carryover.practice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import app.carryover.system.Actor;
import app.carryover.system.Role;
import app.carryover.system.SignedIn;

/** The security principal: an {@link Actor} plus what sign-in needs to know about the account. */
final class SignedInUser implements UserDetails, CredentialsContainer, SignedIn {

    static final String SIGNED_IN = SignedIn.FULLY_SIGNED_IN;
    static final String PENDING_SECOND_FACTOR = "PENDING_SECOND_FACTOR";

    private final Actor actor;
    private final boolean active;
    private final boolean secondFactorRequired;
    private final boolean secondFactorEnrolled;
    private String passwordHash;

    SignedInUser(Actor actor, String passwordHash, boolean active, boolean secondFactorRequired,
            boolean secondFactorEnrolled) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.active = active;
        this.secondFactorRequired = secondFactorRequired;
        this.secondFactorEnrolled = secondFactorEnrolled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    /** The same person acting through an API token, possibly with read-only rights. */
    SignedInUser withReadOnly(boolean readOnly) {
        Actor a = actor;
        return new SignedInUser(new Actor(a.practiceId(), a.accountId(), a.email(), a.displayName(), a.roles(),
                a.clientId(), readOnly), null, active, secondFactorRequired, secondFactorEnrolled);
    }

    /** The same person holding the roles their account has now (an admin changed them). */
    SignedInUser withRoles(java.util.Set<Role> roles) {
        Actor a = actor;
        return new SignedInUser(new Actor(a.practiceId(), a.accountId(), a.email(), a.displayName(), roles,
                a.clientId(), a.readOnly()), null, active, secondFactorRequired, secondFactorEnrolled);
    }

    boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    boolean secondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    /** Authorities of a person who has passed every factor their account needs. */
    static List<GrantedAuthority> fullAuthorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        for (Role role : actor.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return fullAuthorities(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.actor.accountId().equals(actor.accountId());
    }

    @Override
    public int hashCode() {
        return actor.accountId().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.accountId() + "]";
    }
}
