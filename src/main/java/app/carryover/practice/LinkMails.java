package app.carryover.practice;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import app.carryover.system.Mailer;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;

/**
 * The background half of {@link LinkRequests}: looks the address up, makes the link (stored only as a
 * hash) and sends it. Runs outside any request, so outside the practice fence; an address that has no
 * account that may have the link gets nothing.
 */
@Configuration(proxyBeanMethods = false)
class LinkMails {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Mailer mailer;
    private final Clock clock;
    private final String baseUrl;
    private final app.carryover.system.Texts texts;

    LinkMails(JdbcClient jdbc, AccountRepository accounts, Mailer mailer, Clock clock,
            ServerSettings server, app.carryover.system.Texts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    @Bean
    OneTimeTask<LinkRequests.LinkMail> linkMailTask() {
        return Tasks.oneTime("link-mail", LinkRequests.LinkMail.class)
                .execute((instance, context) -> send(instance.getData()));
    }

    void send(LinkRequests.LinkMail mail) {
        switch (mail.kind()) {
            case SIGN_IN -> signInLink(mail.email());
            case PASSWORD_RESET -> passwordReset(mail.email());
        }
    }

    /** Clients' one-time sign-in links; staff sign in with a password and second factor. */
    private void signInLink(String email) {
        Optional<Account> account = accounts.findByEmail(email)
                .filter(a -> a.status() == Account.Status.ACTIVE && a.roles().equals(Set.of(Role.CLIENT)));
        if (account.isEmpty()) {
            return;
        }
        Account a = account.get();
        String token = storeLink("sign_in_link", a, SignInLinks.LIFETIME);
        // In the client's own language (English unless they chose or were given another).
        java.util.Locale language = accounts.language(a.practiceId(), a.id())
                .flatMap(app.carryover.system.Languages::of).orElse(app.carryover.system.Languages.ENGLISH);
        mailer.send(a.email(), texts.in(language, "mail.signInLink.subject"), texts.in(language,
                "mail.signInLink.body", a.displayName(), baseUrl + "/signin/link?token=" + token));
    }

    /** A link to choose a new password, for anyone whose account can sign in. */
    private void passwordReset(String email) {
        Optional<Account> account = accounts.findByEmail(email).filter(a -> a.status() == Account.Status.ACTIVE);
        if (account.isEmpty()) {
            return;
        }
        Account a = account.get();
        String token = storeLink("password_reset", a, PasswordResets.LIFETIME);
        mailer.send(a.email(), "Choose a new Carryover password", """
                Hello %s,

                Someone (we hope you) asked to choose a new password for your Carryover account. This link
                works once, for the next 30 minutes:

                %s/signin/reset/new?token=%s

                If you did not ask for it, you can ignore this message: your password stays as it is.
                """.formatted(a.displayName(), baseUrl, token));
    }

    /**
     * A new one-time link for the account in {@code table} (sign_in_link or password_reset, which have the
     * same columns), stored only as its hash, usable for {@code lifetime}; answers the token for the mail.
     */
    private String storeLink(String table, Account a, java.time.Duration lifetime) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO " + table + " (practice_id, token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(a.practiceId(), Tokens.hash(token), a.id(), PracticeRepository.ts(now),
                        PracticeRepository.ts(now.plus(lifetime)))
                .update();
        return token;
    }
}
