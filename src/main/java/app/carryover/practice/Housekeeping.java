package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Hourly, forgets what sign-in no longer needs (issue 15: the failure and link tables were never
 * pruned): failed attempts and link requests once their 15-minute window has passed, sign-in links and
 * password-reset links a day after they expired. Holds no client data; each run is one statement per table.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Housekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> signInHousekeeping() {
        return Tasks.recurring("sign-in-housekeeping", FixedDelay.ofHours(1)).execute((instance, context) -> prune());
    }

    /** Deletes what has expired; returns how many rows went. */
    int prune() {
        Instant now = clock.instant();
        int removed = delete("DELETE FROM sign_in_failure WHERE failed_at <= ?", now.minus(SignInThrottle.WINDOW))
                + delete("DELETE FROM link_request WHERE requested_at <= ?", now.minus(LinkRequests.WINDOW))
                + delete("DELETE FROM sign_in_link WHERE expires_at <= ?", now.minus(Duration.ofDays(1)))
                + delete("DELETE FROM password_reset WHERE expires_at <= ?", now.minus(Duration.ofDays(1)));
        if (removed > 0) {
            log.info("Sign-in housekeeping removed {} expired rows", removed);
        }
        return removed;
    }

    private int delete(String sql, Instant before) {
        return jdbc.sql(sql).param(PracticeRepository.ts(before)).update();
    }
}
