package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password and code guessing: after 5 failures for one account, or 20 from one
 * address, within 15 minutes, further attempts are refused until the window has passed. Counts
 * live in the database, so every node sees the same ones.
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

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void check(String email, String address) {
        Instant since = clock.instant().minus(WINDOW);
        long forAccount = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE email = ? AND failed_at > ?")
                .params(AccountRepository.normalise(email), PracticeRepository.ts(since)).query(Long.class).single();
        long forAddress = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE address = ? AND failed_at > ?")
                .params(address, PracticeRepository.ts(since)).query(Long.class).single();
        if (forAccount >= PER_ACCOUNT || forAddress >= PER_ADDRESS) {
            throw new Throttled();
        }
    }

    /** Recorded in its own transaction, so a failed sign-in still counts when the rest rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address) {
        jdbc.sql("INSERT INTO sign_in_failure (email, address, failed_at) VALUES (?, ?, ?)")
                .params(AccountRepository.normalise(email), address, PracticeRepository.ts(clock.instant())).update();
    }

    void clear(String email) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE email = ?").param(AccountRepository.normalise(email)).update();
    }
}
