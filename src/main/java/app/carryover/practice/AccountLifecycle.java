package app.carryover.practice;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.ProblemException;
import app.carryover.system.RequestOrigin;
import app.carryover.system.Role;
import app.carryover.system.SecretBox;

/**
 * An account's life after it was set up (issue 15 item 10): a person changes their password (with
 * their current one and, when they have one, their second factor), signs out everywhere, and makes new
 * recovery codes; an admin disables and re-enables accounts, resets a lost second factor and changes
 * roles. Every step is audited; each one that takes rights away ends the person's sessions at once
 * ({@link SessionGuard} refuses a session begun under an older {@code session_generation}) and a disabled
 * account's API tokens are revoked.
 */
@Service
public class AccountLifecycle {

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecretBox secrets;
    private final SignInThrottle throttle;
    private final RecoveryCodes recoveryCodes;
    private final AuditTrail audit;
    private final Mailer mailer;
    private final Clock clock;

    AccountLifecycle(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy,
            SecretBox secrets, SignInThrottle throttle, RecoveryCodes recoveryCodes, AuditTrail audit, Mailer mailer,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.secrets = secrets;
        this.throttle = throttle;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Changes the signed-in person's password: their current password, and their second factor's code when
     * they have one, both counted by the sign-in throttle. Their other sessions end; this one goes on
     * (the caller stamps it with the session generation returned).
     */
    @Transactional
    public int changePassword(Actor actor, String current, String next, String confirmation, String code) {
        Account account = own(actor);
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(account.email(), RequestOrigin.address());
        } catch (SignInThrottle.Throttled e) {
            throw ProblemException.tooManyAttempts("current", "too many wrong attempts; wait 15 minutes and try again");
        }
        boolean currentMatches = account.passwordHash() != null && encoder.matches(current == null ? "" : current,
                account.passwordHash());
        if (!currentMatches) {
            audit.recordNow(AuditEntry.by(actor, null, AuditAction.ACCESS_DENIED, "account", account.id(),
                    "password change refused: wrong current password"));
            throw ProblemException.invalid("current", "is not your current password");
        }
        if (account.hasSecondFactor() && !secondFactorMatches(account, code)) {
            audit.recordNow(AuditEntry.by(actor, null, AuditAction.ACCESS_DENIED, "account", account.id(),
                    "password change refused: wrong second-factor code"));
            throw ProblemException.invalid("code", "is not the current code from your authenticator app");
        }
        throttle.succeeded(attempt);
        String hash = newPasswordHash(account, next, confirmation);
        accounts.setPassword(account.practiceId(), account.id(), hash);
        int generation = endSessions(account);
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "account", account.id(),
                "password changed; other sessions ended"));
        notify(account, "Your Carryover password was changed", "Your password was changed just now, and every other"
                + " place you were signed in was signed out.");
        return generation;
    }

    /** A new password, checked against the policy and its confirmation, hashed. */
    String newPasswordHash(Account account, String next, String confirmation) {
        Optional<String> problem = policy.problem(next, account.email());
        if (problem.isPresent()) {
            throw ProblemException.invalid("password", problem.get());
        }
        if (!next.equals(confirmation)) {
            throw ProblemException.invalid("confirmation", "does not match the new password");
        }
        return encoder.encode(next);
    }

    /** Ends every session of the signed-in person, this one too. */
    @Transactional
    public void signOutEverywhere(Actor actor) {
        Account account = own(actor);
        endSessions(account);
        audit.record(AuditEntry.by(actor, null, AuditAction.SIGN_OUT, "account", account.id(), "signed out everywhere"));
    }

    /** Ten new recovery codes for the signed-in person (the old ones stop working), with their current code. */
    @Transactional
    public List<String> newRecoveryCodes(Actor actor, String code) {
        Account account = own(actor);
        if (!account.hasSecondFactor()) {
            throw ProblemException.invalid("code", "set up a second factor first");
        }
        try {
            throttle.begin(account.email(), RequestOrigin.address());
        } catch (SignInThrottle.Throttled e) {
            throw ProblemException.tooManyAttempts("code", "too many wrong codes; wait 15 minutes and try again");
        }
        if (!secondFactorMatches(account, code)) {
            audit.recordNow(AuditEntry.by(actor, null, AuditAction.ACCESS_DENIED, "account", account.id(),
                    "new recovery codes refused: wrong second-factor code"));
            throw ProblemException.invalid("code", "is not the current code from your authenticator app");
        }
        throttle.clear(account.email());
        List<String> codes = recoveryCodes.replace(account.practiceId(), account.id());
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "account", account.id(),
                "new recovery codes made; the earlier ones no longer work"));
        return codes;
    }

    /** Disables an account of the admin's practice: it can no longer sign in, its sessions end, its tokens are revoked. */
    @Transactional
    public void disable(Actor admin, UUID accountId) {
        Account account = ofPractice(admin, accountId);
        if (account.id().equals(admin.accountId())) {
            throw ProblemException.conflict("You cannot disable your own account; ask another admin.");
        }
        if (account.status() != Account.Status.ACTIVE) {
            throw ProblemException.conflict(account.displayName() + "'s account is not active.");
        }
        if (account.roles().contains(Role.ADMIN) && activeAdmins(admin.practiceId()) <= 1) {
            throw ProblemException.conflict("This is the practice's only active admin.");
        }
        accounts.setStatus(account.practiceId(), account.id(), Account.Status.DISABLED);
        endSessions(account);
        int revoked = jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE practice_id = ? AND account_id = ?"
                + " AND revoked_at IS NULL")
                .params(PracticeRepository.ts(clock.instant()), admin.accountId(), account.practiceId(), account.id())
                .update();
        audit.record(AuditEntry.by(admin, null, AuditAction.CHANGE, "account", account.id(), "disabled "
                + account.displayName() + "; sessions ended, " + revoked + " API token" + (revoked == 1 ? "" : "s")
                + " revoked"));
    }

    /** Lets a disabled account sign in again (its old sessions and tokens stay ended). */
    @Transactional
    public void enable(Actor admin, UUID accountId) {
        Account account = ofPractice(admin, accountId);
        if (account.status() != Account.Status.DISABLED) {
            throw ProblemException.conflict(account.displayName() + "'s account is not disabled.");
        }
        accounts.setStatus(account.practiceId(), account.id(), Account.Status.ACTIVE);
        audit.record(AuditEntry.by(admin, null, AuditAction.CHANGE, "account", account.id(),
                "enabled " + account.displayName() + " again"));
    }

    /**
     * Clears a person's second factor and recovery codes (a lost phone): their sessions end, and at their next
     * sign-in they set up a new one before anything else.
     */
    @Transactional
    public void resetSecondFactor(Actor admin, UUID accountId) {
        Account account = ofPractice(admin, accountId);
        if (account.id().equals(admin.accountId())) {
            throw ProblemException.conflict("Another admin resets your second factor; or use one of your recovery codes.");
        }
        jdbc.sql("UPDATE account SET totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL,"
                + " must_enrol_second_factor = true WHERE practice_id = ? AND id = ?")
                .params(account.practiceId(), account.id()).update();
        recoveryCodes.removeAll(account.practiceId(), account.id());
        endSessions(account);
        audit.record(AuditEntry.by(admin, null, AuditAction.CHANGE, "account", account.id(), "second factor of "
                + account.displayName() + " reset; they set up a new one at their next sign-in"));
        notify(account, "Your Carryover second factor was reset", "An admin of your practice reset your second"
                + " factor. At your next sign-in you will set up a new one with your authenticator app.");
    }

    /** Changes a staff member's roles; they hold the new ones from their next request on. */
    @Transactional
    public void changeRoles(Actor admin, UUID accountId, Set<Role> roles) {
        Account account = ofPractice(admin, accountId);
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        if (roles != null) {
            wanted.addAll(roles);
        }
        wanted.remove(Role.CLIENT);
        if (!account.isStaff()) {
            throw ProblemException.conflict("A client's account has no staff roles.");
        }
        if (wanted.isEmpty()) {
            throw ProblemException.invalid("roles", "choose at least one role; to switch someone off, disable the account");
        }
        if (account.roles().contains(Role.ADMIN) && !wanted.contains(Role.ADMIN)
                && (account.id().equals(admin.accountId()) || activeAdmins(admin.practiceId()) <= 1)) {
            throw ProblemException.conflict(account.id().equals(admin.accountId())
                    ? "Another admin removes your admin role." : "This is the practice's only active admin.");
        }
        if (wanted.equals(account.roles())) {
            return;
        }
        accounts.setRoles(account.practiceId(), account.id(), wanted);
        audit.record(AuditEntry.by(admin, null, AuditAction.CHANGE, "account", account.id(), "roles of "
                + account.displayName() + " changed from " + names(account.roles()) + " to " + names(wanted)));
    }

    /** Ends every session of the account; returns the new session generation (for a session that goes on). */
    int endSessions(Account account) {
        return jdbc.sql("UPDATE account SET session_generation = session_generation + 1 WHERE practice_id = ? AND id = ?"
                + " RETURNING session_generation").params(account.practiceId(), account.id()).query(Integer.class).single();
    }

    boolean secondFactorMatches(Account account, String code) {
        if (account.totpSecret() == null || account.totpConfirmedAt() == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secrets.open(account.totpSecret()), code, clock.instant());
        return step.isPresent() && accounts.useTotpStep(account.practiceId(), account.id(), step.getAsLong());
    }

    private Account own(Actor actor) {
        return accounts.find(actor.practiceId(), actor.accountId())
                .orElseThrow(() -> ProblemException.forbidden("Please sign in again."));
    }

    private Account ofPractice(Actor admin, UUID accountId) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins manage accounts.");
        }
        return accounts.find(admin.practiceId(), accountId).orElseThrow(() -> ProblemException.notFound("Account"));
    }

    private long activeAdmins(UUID practiceId) {
        return jdbc.sql("SELECT count(*) FROM account WHERE practice_id = ? AND status = 'ACTIVE' AND 'ADMIN' = ANY (roles)")
                .param(practiceId).query(Long.class).single();
    }

    private void notify(Account account, String subject, String what) {
        try {
            mailer.send(account.email(), subject, """
                    Hello %s,

                    %s

                    If this was not you or your practice, tell your practice's admin at once.
                    """.formatted(account.displayName(), what));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AccountLifecycle.class).warn("Could not send the notice '{}': {}", subject,
                    e.getClass().getSimpleName());
        }
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList();
    }
}
