package app.carryover.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How background work runs ({@code carryover.scheduler.*}).
 *
 * @param mode            {@code polling}: every node polls the shared table and claims due work (the
 *                        default); {@code manual}: nothing runs until someone calls
 *                        {@code ManualScheduler.runAnyDueExecutions()} — for tests that move the clock
 * @param threads         executions run at once on this node
 * @param pollingInterval how often an idle node looks for due work
 */
@ConfigurationProperties("carryover.scheduler")
record SchedulerSettings(
        @DefaultValue("polling") Mode mode,
        @DefaultValue("4") int threads,
        @DefaultValue("5s") Duration pollingInterval) {

    enum Mode { POLLING, MANUAL }

    SchedulerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("carryover.scheduler.threads must be at least 1 (was " + threads + ")");
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("carryover.scheduler.polling-interval must be positive (was " + pollingInterval + ")");
        }
    }
}
