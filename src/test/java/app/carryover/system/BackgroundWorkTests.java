package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.TestClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background work on the shared PostgreSQL: scheduled with the change that asks for it (or not at
 * all), run when the application clock says it is due, and run once even with two nodes polling.
 */
@CarryoverTest
class BackgroundWorkTests {

    /** What a task is handed: stored as JSON, so it must come back whole. */
    record Note(UUID clientId, String text) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Scheduler applicationScheduler;
    @Autowired
    ConfigurableApplicationContext context;

    private final String taskName = "test-" + UUID.randomUUID();
    private final Map<String, Note> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final OneTimeTask<Note> task = Tasks.oneTime(taskName, Note.class).execute((instance, context) -> {
        received.put(instance.getId(), instance.getData());
        runs.computeIfAbsent(instance.getId(), k -> new AtomicInteger()).incrementAndGet();
    });

    @AfterEach
    void tidy() {
        clock.reset();
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ?").param(taskName).update();
    }

    @Test
    void testsRunBackgroundWorkOnlyWhenTheyAskForIt() {
        assertThat(applicationScheduler).isInstanceOf(ManualScheduler.class);
    }

    @Test
    void workScheduledInATransactionThatRollsBackIsNeverStored() {
        ManualScheduler node = manualNode();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            node.schedule(task.instance("rolled-back", new Note(UUID.randomUUID(), "never")), clock.instant());
            status.setRollbackOnly();
        });

        node.runAnyDueExecutions();

        assertThat(storedInstances()).isEmpty();
        assertThat(runs).isEmpty();
    }

    @Test
    void workScheduledWithACommittedChangeRunsOnceWhenTheClockReachesIt() {
        ManualScheduler node = manualNode();
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(start);
        UUID client = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> node.schedule(
                task.instance("reminder-1", new Note(client, "Practise at 10:00")), start.plus(Duration.ofHours(1))));

        assertThat(jdbc.sql("SELECT convert_from(task_data, 'UTF8') FROM scheduled_tasks WHERE task_name = ?")
                .param(taskName).query(String.class).single())
                .as("task data is stored as readable JSON")
                .contains("\"text\":\"Practise at 10:00\"").contains(client.toString());

        node.runAnyDueExecutions();
        assertThat(runs).as("not due before 10:00").isEmpty();

        clock.advance(Duration.ofMinutes(59));
        node.runAnyDueExecutions();
        assertThat(runs).as("still not due at 09:59").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        node.runAnyDueExecutions();
        node.runAnyDueExecutions();
        assertThat(runs.get("reminder-1")).hasValue(1);
        assertThat(received.get("reminder-1")).isEqualTo(new Note(client, "Practise at 10:00"));
        assertThat(storedInstances()).as("a finished one-off execution is removed").isEmpty();
    }

    @Test
    void twoNodesPollingOneDatabaseRunEveryExecutionExactlyOnce() {
        int count = 300;
        Instant now = clock.instant();
        Scheduler client = manualNode();
        for (int i = 0; i < count; i++) {
            client.schedule(task.instance("work-" + i, new Note(UUID.randomUUID(), "item " + i)), now);
        }
        SchedulerSettings polling = new SchedulerSettings(SchedulerSettings.Mode.POLLING, 4, Duration.ofMillis(100));
        Scheduler first = SchedulerConfiguration.build(dataSource, List.of(task), polling, clock, json);
        Scheduler second = SchedulerConfiguration.build(dataSource, List.of(task), polling, clock, json);
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> runs.size() == count && storedInstances().isEmpty());
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(runs).hasSize(count);
        assertThat(runs.values()).as("no execution ran twice").allSatisfy(n -> assertThat(n).hasValue(1));
    }

    /** The test framework pauses a cached context while another one runs and restarts it afterwards. */
    @Test
    void theApplicationsSchedulerStillRunsWorkAfterItsContextWasPausedAndRestarted() {
        context.pause();
        context.restart();

        assertThat(applicationScheduler.getSchedulerState().isShuttingDown())
                .as("a stopped scheduler never runs again").isFalse();
        assertThat(applicationScheduler.getSchedulerState().isPaused()).isFalse();
    }

    private ManualScheduler manualNode() {
        SchedulerSettings manual = new SchedulerSettings(SchedulerSettings.Mode.MANUAL, 1, Duration.ofSeconds(1));
        return (ManualScheduler) SchedulerConfiguration.build(dataSource, List.of(task), manual, clock, json);
    }

    private List<String> storedInstances() {
        return jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?").param(taskName)
                .query(String.class).list();
    }
}
