package app.carryover.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The reminders' background work on the shared scheduler: one execution per client and moment
 * (compose and send that moment's messages), one per retry of a message, and the recurring sweeps
 * that plan the coming days, escalate when practice stops and send the morning digests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderSettings.class)
class ReminderTasks {

    /** A client's reminders due at one moment. */
    record Slot(UUID practiceId, UUID clientId, Instant dueAt) {
        String instanceId() {
            return clientId + "@" + dueAt.getEpochSecond();
        }
    }

    /** The n-th attempt at one message (the first is made by its slot). */
    record Attempt(UUID practiceId, UUID messageId, int attempt) {
        String instanceId() {
            return messageId + "#" + attempt;
        }
    }

    static final String SLOT = "reminder-slot";
    static final String ATTEMPT = "reminder-attempt";

    @Bean
    OneTimeTask<Slot> reminderSlot(ObjectProvider<Dispatcher> dispatcher) {
        return Tasks.oneTime(SLOT, Slot.class).execute((instance, context) -> dispatcher.getObject().fire(instance.getData()));
    }

    @Bean
    OneTimeTask<Attempt> reminderAttempt(ObjectProvider<Dispatcher> dispatcher) {
        return Tasks.oneTime(ATTEMPT, Attempt.class)
                .execute((instance, context) -> dispatcher.getObject().retry(instance.getData()));
    }

    @Bean
    RecurringTask<Void> reminderPlanning(ObjectProvider<ReminderPlanner> planner) {
        return Tasks.recurring("reminder-planning", FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> planner.getObject().sweep());
    }

    @Bean
    RecurringTask<Void> reminderEscalation(ObjectProvider<Escalations> escalations) {
        return Tasks.recurring("reminder-escalation", FixedDelay.of(Duration.ofMinutes(30)))
                .execute((instance, context) -> escalations.getObject().sweep());
    }

    @Bean
    RecurringTask<Void> reminderDigest(ObjectProvider<ClinicianDigest> digest) {
        return Tasks.recurring("reminder-digest", FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> digest.getObject().sweep());
    }
}
