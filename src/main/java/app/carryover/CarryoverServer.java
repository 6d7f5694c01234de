package app.carryover;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import app.carryover.system.BundledDatabase;

/**
 * Starts the web server. Without {@code CARRYOVER_DB_URL} the bundled PostgreSQL is started
 * first and stopped only after the Spring context has closed, because beans such as the event
 * publication registry still use the database while the context shuts down.
 */
final class CarryoverServer {

    private static final Logger log = LoggerFactory.getLogger(CarryoverServer.class);

    private CarryoverServer() {
    }

    static void run(String[] args) {
        LaunchSettings settings = LaunchSettings.from(System.getenv(), args);
        BundledDatabase database = null;
        if (settings.externalDatabaseUrl() == null) {
            database = BundledDatabase.start(settings.dataDirectory(), true);
            System.setProperty("spring.datasource.url", database.jdbcUrl());
            System.setProperty("spring.datasource.username", database.username());
            System.setProperty("spring.datasource.password", database.password());
            System.setProperty("carryover.database.bundled", "true");
        }
        System.setProperty("carryover.data-dir", settings.dataDirectory().toString());
        SpringApplication application = new SpringApplication(CarryoverApplication.class);
        application.setRegisterShutdownHook(false);
        if (database != null) {
            // The context's own handle on the bundled server (nightly backups); it does not manage its life.
            BundledDatabase registered = database;
            application.addInitializers(context -> context.getBeanFactory().registerSingleton("bundledDatabase", registered));
        }
        // One hook, registered before the context starts, so an interrupt during start-up also
        // stops the bundled server; it closes the context first and the database after it.
        BundledDatabase bundled = database;
        ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (started) {
                if (started[0] != null) {
                    started[0].close();
                }
            }
            if (bundled != null) {
                bundled.close();
                log.info("Bundled PostgreSQL stopped");
            }
        }, "carryover-shutdown"));
        ConfigurableApplicationContext context = application.run(args);
        synchronized (started) {
            started[0] = context;
        }
    }

    /** What must be known before Spring starts: where the data lives and which database to use. */
    record LaunchSettings(Path dataDirectory, String externalDatabaseUrl) {

        static LaunchSettings from(Map<String, String> env, String[] args) {
            String dataDir = value("carryover.data-dir", "CARRYOVER_DATA_DIR", env, args);
            String dbUrl = value("carryover.db.url", "CARRYOVER_DB_URL", env, args);
            return new LaunchSettings(Path.of(dataDir == null ? "data" : dataDir),
                    dbUrl == null || dbUrl.isBlank() ? null : dbUrl);
        }

        private static String value(String property, String variable, Map<String, String> env, String[] args) {
            for (String arg : args) {
                if (arg.startsWith("--" + property + "=")) {
                    return arg.substring(property.length() + 3);
                }
            }
            String fromProperty = System.getProperty(property);
            return fromProperty != null ? fromProperty : env.get(variable);
        }
    }
}
