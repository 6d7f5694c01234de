package app.carryover.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

/**
 * Background work in tests: events handled by module listeners (asynchronous, after commit) and
 * scheduled work run by the manual scheduler at the test clock's time.
 */
public final class Background {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    private Background() {
    }

    /**
     * Lets every listener finish with what was published so far, then runs everything the test clock
     * says is due (a run takes a batch at a time, other test classes leave work behind, and a run may
     * schedule work for "now"), then lets the listeners finish with what that published.
     */
    public static void runDue(ApplicationContext context) {
        awaitEvents(context);
        ManualScheduler scheduler = (ManualScheduler) context.getBean(Scheduler.class);
        if (scheduler.getSchedulerState().isShuttingDown() || scheduler.getSchedulerState().isPaused()) {
            throw new IllegalStateException("the application's scheduler is " + (scheduler.getSchedulerState()
                    .isShuttingDown() ? "stopped" : "paused") + ": nothing due would run");
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Clock clock = context.getBean(Clock.class);
        for (int i = 0; i < 100; i++) {
            scheduler.runAnyDueExecutions();
            if (jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= ?")
                    .param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single() == 0) {
                break;
            }
        }
        awaitEvents(context);
    }

    /**
     * Waits until every event published so far has been handled (a listener that failed is not waited
     * for); fails naming the listeners still at work after 30 seconds rather than letting a test go
     * on before they are done.
     */
    public static void awaitEvents(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        String pending = "SELECT listener_id FROM event_publication WHERE completion_date IS NULL"
                + " AND (status IS NULL OR status <> 'FAILED')";
        while (true) {
            List<String> listeners = jdbc.sql(pending).query(String.class).list();
            if (listeners.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("events still being handled after " + EVENT_WAIT.toSeconds()
                        + " seconds by " + listeners);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for events", e);
            }
        }
    }
}
