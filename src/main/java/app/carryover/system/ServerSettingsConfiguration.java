package app.carryover.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and checks the installation's settings at start ({@link ServerSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServerSettings.class)
class ServerSettingsConfiguration {
}
