package app.carryover.practice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.RequestOrigin;
import app.carryover.system.Role;
import app.carryover.system.SecretBox;
import app.carryover.system.Uuids;

/**
 * Personal API tokens for the JSON API ({@code Authorization: Bearer co_…}). Creating one needs
 * the second factor; each carries its owner's rights (or fewer: read-only), expires (90 days by
 * default, a year at most), is shown once and kept only as a hash. Owners and admins revoke them.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "co_";
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    /** A token as its owner and admins see it: never the secret. */
    public record TokenView(UUID id, UUID accountId, String name, boolean readOnly, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A newly created token: the secret is in this object only, once. */
    public record Created(TokenView token, String secret) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;

    private final app.carryover.system.PracticeFence fence;
    private final SignInThrottle throttle;

    ApiTokens(JdbcClient jdbc, AccountRepository accounts, AccountUserDetailsService users, SecretBox secrets,
            AuditTrail audit, Clock clock, app.carryover.system.PracticeFence fence, SignInThrottle throttle) {
        this.fence = fence;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Created create(Actor actor, String name, Integer days, boolean readOnly, String code) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw ProblemException.invalid("name", "must be 1 to 100 characters");
        }
        int lifetime = days == null ? DEFAULT_DAYS : days;
        if (lifetime < 1 || lifetime > MAX_DAYS) {
            throw ProblemException.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        Account account = accounts.find(actor.practiceId(), actor.accountId())
                .orElseThrow(() -> ProblemException.forbidden("Please sign in again."));
        if (!account.hasSecondFactor()) {
            throw ProblemException.invalid("code", "set up a second factor first (Settings → Second factor)");
        }
        // The code is a second factor like the one at sign-in: counted in the same throttle before it is
        // checked, each wrong one audited (issue 15: 100 wrong codes gave 100 × 400 and left no trace).
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(account.email(), RequestOrigin.address());
        } catch (SignInThrottle.Throttled e) {
            throw ProblemException.tooManyAttempts("code", "too many wrong codes; wait 15 minutes and try again");
        }
        OptionalLong step = Totp.matchingStep(secrets.open(account.totpSecret()), code, clock.instant());
        if (step.isEmpty() || !accounts.useTotpStep(account.practiceId(), account.id(), step.getAsLong())) {
            audit.recordNow(AuditEntry.by(actor, null, AuditAction.ACCESS_DENIED, "API token", null,
                    "wrong second-factor code for a new API token"
                            + (throttle.reachedLimit(attempt) ? "; further codes refused for 15 minutes" : "")));
            throw ProblemException.invalid("code", "is not the current code from your authenticator app");
        }
        throttle.succeeded(attempt);
        String secret = PREFIX + Tokens.newToken();
        Instant now = clock.instant();
        UUID id = Uuids.timeOrdered();
        jdbc.sql("""
                INSERT INTO api_token (practice_id, id, account_id, name, token_hash, read_only, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.practiceId(), id, actor.accountId(), trimmed, Tokens.hash(secret), readOnly,
                        Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(lifetime))))
                .update();
        audit.record(AuditEntry.by(actor, null, AuditAction.TOKEN_CREATED, "API token", id,
                "'" + trimmed + "', " + lifetime + " days" + (readOnly ? ", read-only" : "")));
        return new Created(find(actor.practiceId(), id).orElseThrow(), secret);
    }

    /** The caller's own tokens. */
    public List<TokenView> mine(Actor actor) {
        return jdbc.sql("SELECT * FROM api_token WHERE practice_id = ? AND account_id = ? ORDER BY created_at DESC")
                .params(actor.practiceId(), actor.accountId()).query(ApiTokens::map).list();
    }

    /** Every token of the practice; admins only. */
    public List<TokenView> practice(Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins see every token of the practice.");
        }
        return jdbc.sql("SELECT * FROM api_token WHERE practice_id = ? ORDER BY created_at DESC")
                .param(admin.practiceId()).query(ApiTokens::map).list();
    }

    /** Revokes a token: its owner, or any admin of the practice. */
    @Transactional
    public void revoke(Actor actor, UUID tokenId) {
        TokenView token = find(actor.practiceId(), tokenId)
                .filter(t -> t.accountId().equals(actor.accountId()) || actor.has(Role.ADMIN))
                .orElseThrow(() -> ProblemException.notFound("Token"));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(clock.instant()), actor.accountId(), actor.practiceId(), tokenId).update();
        audit.record(AuditEntry.by(actor, null, AuditAction.TOKEN_REVOKED, "API token", tokenId, "'" + token.name() + "'"));
    }

    /**
     * The principal behind a presented token, when it is well formed, known, unexpired and not
     * revoked, and its account is active. Each use is audited.
     */
    Optional<SignedInUser> authenticate(String presented, String method, String path) {
        // A token is found by its hash alone and decides who the request acts for: past the fence.
        return fence.unrestricted(() -> authenticateUnfenced(presented, method, path));
    }

    private Optional<SignedInUser> authenticateUnfenced(String presented, String method, String path) {
        if (presented == null || !presented.startsWith(PREFIX) || !Tokens.wellFormed(presented.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Object[]> row = jdbc.sql("""
                UPDATE api_token SET last_used_at = ?
                WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?
                RETURNING practice_id, account_id, read_only, id""")
                .params(Timestamp.from(now), Tokens.hash(presented), Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3),
                        rs.getObject(4, UUID.class)})
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        Optional<Account> account = accounts.find((UUID) r[0], (UUID) r[1]).filter(a -> a.status() == Account.Status.ACTIVE);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        SignedInUser user = users.principal(account.get()).withReadOnly((Boolean) r[2]);
        audit.recordNow(AuditEntry.by(user.actor(), null, AuditAction.TOKEN_USE, "API token", r[3], method + " " + path));
        return Optional.of(user);
    }

    private Optional<TokenView> find(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM api_token WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(ApiTokens::map).optional();
    }

    private static TokenView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new TokenView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getBoolean("read_only"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
