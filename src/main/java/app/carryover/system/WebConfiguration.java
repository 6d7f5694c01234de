package app.carryover.system;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import jakarta.servlet.DispatcherType;

/**
 * Registers the access check, lets handlers take the signed-in {@link Actor} as a parameter, and
 * gives every page form its origin.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<RefusalRecorder> refusals;

    WebConfiguration(ObjectProvider<RefusalRecorder> refusals) {
        this.refusals = refusals;
    }

    /** Every page form also carries the page it was shown on, beside its CSRF token ({@link FormOrigins}). */
    @Bean
    static BeanPostProcessor formOrigins() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof RequestDataValueProcessor processor && !(bean instanceof FormOrigins)
                        ? new FormOrigins(processor) : bean;
            }
        };
    }

    /**
     * Versioned URLs for the static files only ({@link StaticResourceUrls}); in place of the filter Spring
     * Boot's Thymeleaf set-up would register (it steps aside for any {@link ResourceUrlEncodingFilter}), on
     * the same dispatches.
     */
    @Bean
    static FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceUrls() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new StaticResourceUrls());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** The language of each page ({@link LanguageResolver}): the client's choice, else the browser's. */
    @Bean
    static LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(refusals));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                Actor actor = AccessInterceptor.currentActor();
                if (actor == null) {
                    throw ProblemException.forbidden("Please sign in.");
                }
                return actor;
            }
        });
    }
}
