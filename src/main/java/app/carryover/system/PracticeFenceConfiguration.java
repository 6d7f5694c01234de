package app.carryover.system;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wraps the application's DataSource in the practice fence, and warns when the role would bypass it. */
@Configuration(proxyBeanMethods = false)
class PracticeFenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PracticeFenceConfiguration.class);

    @Bean
    static BeanPostProcessor practiceFenceDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof FencedDataSource)) {
                    return new FencedDataSource(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    PracticeFence practiceFence(DataSource dataSource) {
        return new PracticeFence(dataSource);
    }

    /** Superusers and BYPASSRLS roles pass every policy: the fence would be silently open. */
    @EventListener(ApplicationReadyEvent.class)
    void checkRole(ApplicationReadyEvent event) {
        JdbcClient jdbc = event.getApplicationContext().getBean(JdbcClient.class);
        Boolean bypasses = jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).optional().orElse(false);
        if (bypasses) {
            log.warn("The database role is a superuser or has BYPASSRLS: row-level security (the practice fence "
                    + "under the access checks) does not apply to it. Use an ordinary role that owns the schema.");
        }
    }
}
