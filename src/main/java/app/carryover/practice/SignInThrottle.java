package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password and code guessing: after 5 failures for one account, or 20 from one
 * address, within 15 minutes, further attempts are refused until the window has passed. Counts
 * live in the database, so every node sees the same ones.
 *
 * <p>An attempt is counted <em>before</em> its password or code is checked ({@link #begin}): its row
 * is committed first and the rows are counted after, so of any number of parallel guesses at most
 * the limit see a count within it and get checked (issue 15: 60 parallel wrong codes got 9 checks
 * against a limit of 5 when the count came first). A refused attempt takes its row back, so
 * guessing while throttled does not prolong the wait; a failed one keeps it; a successful one gives
 * its row back ({@link #succeeded}) and a completed sign-in forgets the account's failures.
 */
@Component
class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Raised instead of checking credentials while an account or address is throttled. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("Too many failed attempts. Please wait 15 minutes and try again.");
        }
    }

    /** An attempt counted before its check; a failure if nothing else is said about it. */
    record Attempt(long id, String email, String address) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separately;

    SignInThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts an attempt for this account and address, committed at once, then refuses it (taking the
     * row back) when the account or the address is over its limit.
     *
     * @throws Throttled when the attempt may not be checked
     */
    Attempt begin(String email, String address) {
        String normalised = AccountRepository.normalise(email);
        String from = address == null ? "unknown" : address;
        Instant now = clock.instant();
        long id = separately.execute(status -> jdbc.sql(
                "INSERT INTO sign_in_failure (email, address, failed_at) VALUES (?, ?, ?) RETURNING id")
                .params(normalised, from, PracticeRepository.ts(now)).query(Long.class).single());
        Instant since = now.minus(WINDOW);
        long forAccount = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE email = ? AND failed_at > ?")
                .params(normalised, PracticeRepository.ts(since)).query(Long.class).single();
        long forAddress = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE address = ? AND failed_at > ?")
                .params(from, PracticeRepository.ts(since)).query(Long.class).single();
        if (forAccount > PER_ACCOUNT || forAddress > PER_ADDRESS) {
            forget(id);
            throw new Throttled();
        }
        return new Attempt(id, normalised, from);
    }

    /** The attempt passed its check: it is no failure. */
    void succeeded(Attempt attempt) {
        forget(attempt.id());
    }

    /** Whether this attempt was the last one the account may make in this window (for a one-time audit row). */
    boolean reachedLimit(Attempt attempt) {
        Instant since = clock.instant().minus(WINDOW);
        return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE email = ? AND failed_at > ?")
                .params(attempt.email(), PracticeRepository.ts(since)).query(Long.class).single() >= PER_ACCOUNT;
    }

    private void forget(long id) {
        separately.executeWithoutResult(status -> jdbc.sql("DELETE FROM sign_in_failure WHERE id = ?").param(id).update());
    }

    void clear(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email = ?").param(AccountRepository.normalise(email)).update();
    }
}
