package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;

/**
 * Issue 15 item 9: the failure and link tables were never pruned. The hourly task forgets failed attempts
 * and link requests once their 15-minute window has passed, and sign-in and reset links a day after they
 * expired; whatever still counts or still works stays.
 */
@CarryoverTest
class HousekeepingTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Housekeeping housekeeping;

    @Test
    void expiredSignInRowsGoAndLiveOnesStay() {
        TestPractice practice = Fixtures.practice(context);
        UUID account = practice.client().accountId();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();

        failure("old-" + tag + "@example.org", now.minus(Duration.ofMinutes(16)));
        failure("new-" + tag + "@example.org", now.minus(Duration.ofMinutes(14)));
        linkRequest("old-" + tag + "@example.org", now.minus(Duration.ofMinutes(16)));
        linkRequest("new-" + tag + "@example.org", now.minus(Duration.ofMinutes(14)));
        link("sign_in_link", practice.id(), account, "expired two days ago " + tag, now.minus(Duration.ofDays(2)));
        link("sign_in_link", practice.id(), account, "expired an hour ago " + tag, now.minus(Duration.ofHours(1)));
        link("sign_in_link", practice.id(), account, "still valid " + tag, now.plus(Duration.ofMinutes(10)));
        link("password_reset", practice.id(), account, "expired two days ago " + tag, now.minus(Duration.ofDays(2)));
        link("password_reset", practice.id(), account, "still valid " + tag, now.plus(Duration.ofMinutes(10)));

        int removed = housekeeping.prune();

        assertThat(removed).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM sign_in_failure WHERE email LIKE ?", "%-" + tag + "@example.org"))
                .as("failures left").isEqualTo(1);
        assertThat(jdbc.sql("SELECT email FROM sign_in_failure WHERE email LIKE ?").param("%-" + tag + "@example.org")
                .query(String.class).single()).startsWith("new-");
        assertThat(jdbc.sql("SELECT email FROM link_request WHERE email LIKE ?").param("%-" + tag + "@example.org")
                .query(String.class).list()).containsExactly("new-" + tag + "@example.org");
        assertThat(count("SELECT count(*) FROM sign_in_link WHERE account_id = ?", account))
                .as("sign-in links left: the one expired an hour ago and the valid one").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM password_reset WHERE account_id = ?", account))
                .as("reset links left").isEqualTo(1);
    }

    private void failure(String email, Instant at) {
        jdbc.sql("INSERT INTO sign_in_failure (email, address, failed_at) VALUES (?, '192.0.2.1', ?)")
                .params(email, PracticeRepository.ts(at)).update();
    }

    private void linkRequest(String email, Instant at) {
        jdbc.sql("INSERT INTO link_request (kind, email, address, requested_at) VALUES ('SIGN_IN', ?, '192.0.2.1', ?)")
                .params(email, PracticeRepository.ts(at)).update();
    }

    private void link(String table, UUID practiceId, UUID accountId, String token, Instant expires) {
        jdbc.sql("INSERT INTO " + table + " (practice_id, token_hash, account_id, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
                .params(practiceId, Tokens.hash(token), accountId, PracticeRepository.ts(expires.minus(Duration.ofMinutes(15))),
                        PracticeRepository.ts(expires))
                .update();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
