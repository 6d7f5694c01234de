package app.carryover.practice;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks every request made with a session against the account as it is now (one indexed read): a
 * disabled account, a session begun under an older {@code session_generation} (sign out everywhere, a
 * changed password, a reset second factor) or older than the practice's session lifetime
 * (12 hours by default, however active) is ended there and then; roles changed by an admin take effect
 * on this request. API-token requests are checked by the token filter, which reads the account too.
 */
class SessionGuard extends OncePerRequestFilter {

    /** When this session's person passed their last factor. */
    static final String SIGNED_IN_AT = "carryover.signedInAt";
    /** The account's session generation when this session began. */
    static final String GENERATION = "carryover.sessionGeneration";

    private record State(String status, Set<Role> roles, int generation, int maxHours) {
    }

    private final JdbcClient jdbc;
    private final SecurityContextRepository contexts;
    private final AuditTrail audit;
    private final Clock clock;

    SessionGuard(JdbcClient jdbc, SecurityContextRepository contexts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.contexts = contexts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user) || session == null
                || ApiTokenFilter.authenticatesByToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        Actor actor = user.actor();
        boolean full = auth.getAuthorities().stream().anyMatch(a -> SignedInUser.SIGNED_IN.equals(a.getAuthority()));
        Optional<State> state = jdbc.sql("""
                SELECT a.status, a.roles, a.session_generation, p.session_max_hours
                FROM account a JOIN practice p ON p.id = a.practice_id
                WHERE a.practice_id = ? AND a.id = ?""")
                .params(actor.practiceId(), actor.accountId())
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    Arrays.stream((String[]) rs.getArray(2).getArray()).map(Role::valueOf).forEach(roles::add);
                    return new State(rs.getString(1), roles, rs.getInt(3), rs.getInt(4));
                })
                .optional();
        Instant signedInAt = session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at
                : Instant.ofEpochMilli(session.getCreationTime());
        Instant now = clock.instant();
        String ended = null;
        if (state.isEmpty() || !"ACTIVE".equals(state.get().status())) {
            ended = "the account is disabled";
        } else if ((session.getAttribute(GENERATION) instanceof Integer g ? g : 0) < state.get().generation()) {
            ended = "the account's sessions were ended";
        } else if (full && !now.isBefore(signedInAt.plus(Duration.ofHours(state.get().maxHours())))) {
            ended = "it reached the practice's session lifetime of " + state.get().maxHours() + " hours";
        }
        if (ended != null) {
            if (full) {
                audit.recordNow(AuditEntry.by(actor, null, AuditAction.SIGN_OUT, "account", actor.accountId(),
                        "session ended: " + ended));
            }
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (SecurityConfiguration.isApi(request)) {
                SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "Your session has ended; please sign in again.");
            } else {
                response.sendRedirect(request.getContextPath() + "/signin?ended");
            }
            return;
        }
        if (full && !state.get().roles().equals(actor.roles())) {
            SignedInUser updated = user.withRoles(state.get().roles());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                    SignedInUser.fullAuthorities(updated.actor())));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }
}
