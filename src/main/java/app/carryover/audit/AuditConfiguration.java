package app.carryover.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The audit's settings, and the sealer as recurring background work (one node at a time). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    @Bean
    RecurringTask<Void> auditSealing(AuditSealer sealer, AuditSettings settings) {
        return Tasks.recurring("audit-sealing", FixedDelay.of(settings.sealEvery()))
                .execute((instance, context) -> sealer.sealPending());
    }
}
