package app.carryover.system;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import jakarta.servlet.Filter;

/** Puts the {@link SessionStore} in front of Spring Session's JDBC repository, and bounds its memory to a request. */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** How far the stored last-access time may lag behind the real one (and so how early a session may end). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Bean
    static BeanPostProcessor sessionStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc
                        ? new SessionStore((FindByIndexNameSessionRepository<?>) jdbc, TOUCH_EVERY) : bean;
            }
        };
    }

    /** Outside Spring Session's own filter, so its commit at the end of the request still finds the session. */
    @Bean
    FilterRegistrationBean<Filter> sessionStoreRequests() {
        Filter filter = (request, response, chain) -> SessionStore.duringRequest(() -> chain.doFilter(request, response));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("sessionStoreRequests");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
