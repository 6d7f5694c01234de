package app.carryover.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import app.carryover.system.BundledDatabase;

/**
 * What every test JVM shares: one bundled PostgreSQL (non-durable, for speed) holding one
 * migrated database used by all Spring tests, and one GreenMail SMTP server. Started on first
 * use, stopped when the JVM exits.
 */
public final class TestEnvironment {

    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile TestEnvironment instance;

    private final BundledDatabase database;
    private final GreenMail mail;
    private final SmsProvider sms;
    private final Path dataDirectory;

    private TestEnvironment() throws IOException {
        dataDirectory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
        // Tests trade crash safety for speed; benchmarks ask for the durable settings a real start uses.
        database = BundledDatabase.start(dataDirectory.resolve("db"), Boolean.getBoolean("carryover.test.durable"));
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        sms = new SmsProvider();
        // Spring Boot runs its shutdown handlers after every application context has closed, so the
        // database outlives the beans that still use it while closing (the event publication registry).
        SpringApplication.getShutdownHandlers().add(() -> {
            mail.stop();
            try {
                sms.stop();
            } catch (IOException e) {
                // the JVM is ending anyway
            }
            database.close();
            FileSystemUtils.deleteRecursively(dataDirectory.toFile());
        });
    }

    public static TestEnvironment get() {
        if (instance == null) {
            synchronized (TestEnvironment.class) {
                if (instance == null) {
                    try {
                        instance = new TestEnvironment();
                    } catch (IOException e) {
                        throw new IllegalStateException("Could not start the test environment", e);
                    }
                }
            }
        }
        return instance;
    }

    public BundledDatabase database() {
        return database;
    }

    public GreenMail mail() {
        return mail;
    }

    /** The local stand-in for the text-message provider. */
    public SmsProvider sms() {
        return sms;
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A new, empty database on the shared server, for tests of the first run. */
    public String newEmptyDatabase() {
        String name = "carryover_empty_" + databases.incrementAndGet();
        database.createDatabase(name);
        return database.jdbcUrl(name);
    }
}
