package app.carryover.system;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy, the client's address (for the audit and the sign-in throttle) and the
 * scheme come from X-Forwarded-For and X-Forwarded-Proto, but only when the request arrives from
 * a proxy named in {@code CARRYOVER_TRUSTED_PROXIES}; anyone else could forge those headers.
 */
@Configuration(proxyBeanMethods = false)
class ReverseProxyConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(ServerSettings settings) {
        String proxies = settings.trustedProxies();
        return factory -> {
            if (proxies.isBlank()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            String pattern = Arrays.stream(proxies.split(","))
                    .map(String::trim).filter(p -> !p.isEmpty()).map(Pattern::quote)
                    .collect(Collectors.joining("|"));
            valve.setInternalProxies(pattern);
            valve.setTrustedProxies(pattern);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            factory.addEngineValves(valve);
        };
    }
}
