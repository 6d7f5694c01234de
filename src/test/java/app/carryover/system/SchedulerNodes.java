package app.carryover.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;

import tools.jackson.databind.json.JsonMapper;

/** Extra polling nodes on the test database, for tests of other modules that need two nodes. */
public final class SchedulerNodes {

    private SchedulerNodes() {
    }

    /** A polling node running these tasks, built exactly as the application builds its own. */
    public static Scheduler polling(DataSource dataSource, List<Task<?>> tasks, Clock clock, JsonMapper json, int threads,
            Duration pollingInterval) {
        return SchedulerConfiguration.build(dataSource, tasks,
                new SchedulerSettings(SchedulerSettings.Mode.POLLING, threads, pollingInterval), clock, json);
    }
}
