package app.carryover.practice;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.system.Mailer;
import app.carryover.system.PracticeFence;
import app.carryover.system.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One-time sign-in links for clients, through Spring Security's one-time-token login. Links are
 * stored as hashes, used once, and expire after 15 minutes. Only client accounts get them:
 * clinicians and admins sign in with a password and second factor. Whoever asks sees the same
 * answer, so the form never tells which addresses have accounts.
 */
@Component
class SignInLinks implements OneTimeTokenService, OneTimeTokenGenerationSuccessHandler {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Mailer mailer;
    private final Clock clock;
    private final String baseUrl;

    private final PracticeFence fence;
    private final app.carryover.system.Texts texts;

    SignInLinks(JdbcClient jdbc, AccountRepository accounts, Mailer mailer, Clock clock,
            @Value("${carryover.base-url}") String baseUrl, PracticeFence fence, app.carryover.system.Texts texts) {
        this.texts = texts;
        this.fence = fence;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        return fence.unrestricted(() -> generateUnfenced(request));
    }

    private OneTimeToken generateUnfenced(GenerateOneTimeTokenRequest request) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        Optional<Account> account = eligible(request.getUsername());
        account.ifPresent(a -> jdbc.sql("""
                INSERT INTO sign_in_link (practice_id, token_hash, account_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(a.practiceId(), Tokens.hash(token), a.id(), PracticeRepository.ts(now),
                        PracticeRepository.ts(expires))
                .update());
        return new DefaultOneTimeToken(token, AccountRepository.normalise(request.getUsername()), expires);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        eligible(token.getUsername()).ifPresent(account -> {
            java.util.Locale language = accounts.language(account.practiceId(), account.id())
                    .flatMap(app.carryover.system.Languages::of).orElse(app.carryover.system.Languages.ENGLISH);
            mailer.send(account.email(), texts.in(language, "mail.signInLink.subject"), texts.in(language,
                    "mail.signInLink.body", account.displayName(), baseUrl + "/signin/link?token=" + token.getTokenValue()));
        });
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
                .map(a -> (OneTimeToken) new DefaultOneTimeToken(token, a.email(), now))
                .orElse(null);
    }

    /** Links are asked for by address, which is unique across practices: this looks past the fence. */
    private Optional<Account> eligible(String email) {
        return fence.unrestricted(() -> accounts.findByEmail(email))
                .filter(a -> a.status() == Account.Status.ACTIVE && a.roles().equals(Set.of(Role.CLIENT)));
    }
}
