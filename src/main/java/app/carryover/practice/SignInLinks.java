package app.carryover.practice;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.system.PracticeFence;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One-time sign-in links for clients, through Spring Security's one-time-token login. Links are
 * stored as hashes, used once, and expire after 15 minutes. Only client accounts get them:
 * clinicians and admins sign in with a password and second factor. Whoever asks sees the same
 * answer, equally fast: asking is counted and limited ({@link LinkRequests}), and the link is made and
 * mailed by a background task ({@link LinkMails}), never in the request.
 */
@Component
class SignInLinks implements OneTimeTokenService, OneTimeTokenGenerationSuccessHandler {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final LinkRequests requests;
    private final Clock clock;
    private final PracticeFence fence;

    SignInLinks(JdbcClient jdbc, AccountRepository accounts, LinkRequests requests, Clock clock, PracticeFence fence) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.requests = requests;
        this.clock = clock;
        this.fence = fence;
    }

    /**
     * Spring Security asks for a token here before handing it to {@link #handle}; none is made in the
     * request (the background task makes it), so this only carries the address asked for.
     */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        return new DefaultOneTimeToken("made-by-the-background-task", AccountRepository.normalise(request.getUsername()),
                clock.instant());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        requests.ask(LinkRequests.Kind.SIGN_IN, token.getUsername(), request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/signin/link/sent");
    }

    @Override
    @Transactional
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        return fence.unrestricted(() -> consumeUnfenced(authentication));
    }

    private OneTimeToken consumeUnfenced(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        if (!Tokens.wellFormed(token)) {
            return null;
        }
        Instant now = clock.instant();
        Optional<UUID[]> used = jdbc.sql("""
                UPDATE sign_in_link SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING practice_id, account_id""")
                .params(PracticeRepository.ts(now), Tokens.hash(token), PracticeRepository.ts(now))
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional();
        return used.flatMap(ids -> accounts.find(ids[0], ids[1]))
                .filter(a -> a.status() == Account.Status.ACTIVE)
                .map(a -> (OneTimeToken) new DefaultOneTimeToken(token, a.email(), now))
                .orElse(null);
    }
}
