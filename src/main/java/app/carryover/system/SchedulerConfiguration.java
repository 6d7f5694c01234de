package app.carryover.system;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.Waiter;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

import tools.jackson.databind.json.JsonMapper;

/**
 * Background work on db-scheduler, shared by every module: a module declares its work as
 * {@code Task} beans ({@code RecurringTask} beans start themselves) and schedules one-off work
 * through the {@link Scheduler} bean (a {@code SchedulerClient}).
 *
 * <p>Cluster-safe: nodes claim due executions with {@code SELECT … FOR UPDATE SKIP LOCKED} on
 * {@code scheduled_tasks}, so each runs on one node; a node that dies mid-run stops its heartbeat
 * and its execution is picked up again elsewhere, so a task must be safe to run twice (record what
 * it did in its own transaction). Scheduling inside a Spring transaction joins it (the data source is
 * transaction-aware), so work is scheduled exactly when the change that asks for it commits.
 *
 * <p>"Now" is the application's {@link Clock}, so tests that move the clock make work due; polling
 * itself waits on real time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerSettings.class)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    @Bean
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerSettings settings,
            Clock clock, JsonMapper json) {
        return build(dataSource, tasks.orderedStream().toList(), settings, clock, json);
    }

    /** The scheduler for these tasks on this database (also used by tests that run two nodes). */
    static Scheduler build(DataSource dataSource, List<Task<?>> tasks, SchedulerSettings settings, Clock clock,
            JsonMapper json) {
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        List<Task<?>> oneOff = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(t -> t instanceof RecurringTask<?>).<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        if (settings.mode() == SchedulerSettings.Mode.MANUAL) {
            TestHelper.ManualSchedulerBuilder manual = TestHelper.createManualScheduler(transactional, oneOff);
            manual.serializer(new JsonTaskData(json));
            return manual.clock(new ApplicationClock(clock)).startTasks(recurring).build();
        }
        com.github.kagkarlsson.scheduler.Clock now = clock::instant;
        return new SchedulerBuilder(transactional, oneOff) {
                    // Due-ness follows the application clock; the pause between polls is real time.
                    @Override
                    protected Waiter buildWaiter() {
                        return new Waiter(poolingInterval);
                    }
                }
                .clock(now)
                .serializer(new JsonTaskData(json))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .enableImmediateExecution()
                .startTasks(recurring)
                .build();
    }

    /** Starts polling once the application is up; stops (waiting for running executions) before the database closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
                log.info("Background work started ({} mode, {} threads)", settings.mode().name().toLowerCase(),
                        settings.threads());
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /**
             * Never paused: a stopped db-scheduler cannot start again, and the test framework pauses
             * (stops, then starts) contexts it switches away from, which left the shared context's
             * scheduler skipping every execution (seen as "Scheduler has been shutdown" in a full run).
             */
            @Override
            public boolean isPauseable() {
                return false;
            }

            @Override
            public int getPhase() {
                // After the web server has stopped taking requests, before anything the tasks use is closed.
                return Integer.MAX_VALUE - 4096;
            }
        };
    }

    /** The manual scheduler's clock, reading the application clock instead of holding its own. */
    private static final class ApplicationClock extends SettableClock {
        private final Clock clock;

        ApplicationClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
