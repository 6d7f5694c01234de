package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.PracticeFence;
import app.carryover.system.ProblemException;

/**
 * Choosing a new password through an e-mailed one-time link (asked for on the sign-in page; made and sent
 * by {@link LinkMails}). The link works once, for 30 minutes; using it ends every session of the account
 * and forgets its failed sign-ins. A second factor stays as it was: it is still asked for at sign-in.
 */
@Service
class PasswordResets {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountLifecycle lifecycle;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final PracticeFence fence;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, AccountLifecycle lifecycle, SignInThrottle throttle,
            AuditTrail audit, PracticeFence fence, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.throttle = throttle;
        this.audit = audit;
        this.fence = fence;
        this.clock = clock;
    }

    /** The account a live link belongs to; empty when the link is unknown, used or expired. */
    Optional<Account> open(String token) {
        // Found by the link's hash alone, whoever this browser is signed in as: past the fence.
        return fence.unrestricted(() -> find(token));
    }

    private Optional<Account> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT practice_id, account_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?")
                .params(Tokens.hash(token), PracticeRepository.ts(clock.instant()))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .flatMap(ids -> accounts.find(ids[0], ids[1]))
                .filter(a -> a.status() == Account.Status.ACTIVE);
    }

    /** Sets the new password and uses the link up, in one transaction. */
    @Transactional
    void reset(String token, String password, String confirmation) {
        fence.unrestricted(() -> {
            Account account = find(token).orElseThrow(() -> ProblemException.gone(
                    "This link has expired or was already used. Ask for a new one on the sign-in page."));
            String hash = lifecycle.newPasswordHash(account, password == null ? "" : password,
                    confirmation == null ? "" : confirmation);
            int used = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                    .params(PracticeRepository.ts(clock.instant()), Tokens.hash(token)).update();
            if (used != 1) {
                throw ProblemException.gone("This link was already used. Ask for a new one on the sign-in page.");
            }
            accounts.setPassword(account.practiceId(), account.id(), hash);
            lifecycle.endSessions(account);
            throttle.clear(account.email());
            Actor self = new Actor(account.practiceId(), account.id(), account.email(), account.displayName(),
                    account.roles(), null, false);
            audit.record(AuditEntry.by(self, null, AuditAction.CHANGE, "account", account.id(),
                    "password reset with an e-mailed link; every session ended"));
            return null;
        });
    }
}
