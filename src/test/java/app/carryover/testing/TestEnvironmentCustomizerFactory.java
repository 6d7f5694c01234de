package app.carryover.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the shared test database and SMTP server. Contexts of
 * ordinary tests are equal (so Spring caches one); a {@link FreshDatabase} class gets its own.
 */
public class TestEnvironmentCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        boolean fresh = AnnotatedElementUtils.hasAnnotation(testClass, FreshDatabase.class);
        boolean noMail = AnnotatedElementUtils.hasAnnotation(testClass, WithoutMailServer.class);
        if (noMail && !fresh) {
            throw new IllegalStateException(testClass.getName() + ": @WithoutMailServer needs @FreshDatabase (a context of its own)");
        }
        return new Customizer(fresh ? testClass.getName() : null, !noMail);
    }

    private record Customizer(String freshFor, boolean mail) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestEnvironment env = TestEnvironment.get();
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", freshFor == null ? env.database().jdbcUrl() : env.newEmptyDatabase());
            properties.put("spring.datasource.username", env.database().username());
            properties.put("spring.datasource.password", env.database().password());
            properties.put("spring.datasource.hikari.maximum-pool-size", "6");
            properties.put("carryover.database.bundled", "true");
            properties.put("carryover.data-dir", env.dataDirectory().toString());
            properties.put("spring.mail.host", mail ? "127.0.0.1" : "");
            properties.put("spring.mail.port", String.valueOf(env.smtpPort()));
            properties.put("spring.mail.username", "");
            properties.put("spring.mail.password", "");
            properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
            properties.put("carryover.base-url", "http://localhost");
            properties.put("carryover.reminders.sms.base-url", env.sms().url());
            properties.put("carryover.reminders.sms.account-sid", SmsProvider.ACCOUNT);
            properties.put("carryover.reminders.sms.auth-token", SmsProvider.TOKEN);
            properties.put("carryover.reminders.sms.from", SmsProvider.FROM);
            properties.put("carryover.metrics-token", OperationsTokens.SCRAPE);
            // Background work runs when a test asks (ManualScheduler.runAnyDueExecutions), at the test clock's time.
            properties.put("carryover.scheduler.mode", "manual");
            // Test servers need no graceful drain; it only delays the end of the test JVM.
            properties.put("server.shutdown", "immediate");
            properties.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("carryover-test", properties));
            context.getBeanFactory().registerSingleton("clock", new TestClock());
            // As a real start has it: the context's handle on the bundled server (backups), not its owner.
            context.getBeanFactory().registerSingleton("bundledDatabase", env.database());
            // Inside the practice fence (added before the application's post-processors), so its statements count too.
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                            ? new StatementCounter(dataSource) : bean;
                }
            });
        }
    }
}
