package app.carryover.system.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.carryover.system.BundledDatabase;

/**
 * Makes a backup of the bundled database into the backup directory and keeps the newest
 * {@code keep}; the nightly task (switched on with {@code carryover.backup.nightly=true}) runs it on
 * one node. An external database is backed up with its own tools.
 */
@Component
@EnableConfigurationProperties(BackupSettings.class)
public class NightlyBackup {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);

    /** What one run did. */
    public record Outcome(Path file, BaseBackup.Summary summary, List<Path> removed) {
    }

    private final BackupSettings settings;
    private final ObjectProvider<BundledDatabase> bundled;
    private final Clock clock;

    NightlyBackup(BackupSettings settings, ObjectProvider<BundledDatabase> bundled, Clock clock) {
        this.settings = settings;
        this.bundled = bundled;
        this.clock = clock;
    }

    /** Makes one backup now with the given settings' key, directory and count. */
    public Outcome run(BackupSettings with) {
        BundledDatabase database = bundled.getIfAvailable();
        if (database == null) {
            throw new BackupException("Carryover backs up only its bundled database; back up an external one with its own tools");
        }
        // The bundled server's own data directory (in a real start, CARRYOVER_DATA_DIR).
        Path dataDirectory = database.clusterDirectory().getParent();
        BackupKey key = keyFor(with, dataDirectory);
        Path directory = with.directory() != null ? with.directory() : dataDirectory.resolve("backups");
        Path file = directory.resolve(BackupFiles.name(clock));
        try (Connection superuser = database.superuserConnection("postgres")) {
            BaseBackup.Summary summary = BackupFiles.writeFile(superuser, dataDirectory, key, file, clock);
            List<Path> removed = BackupFiles.prune(directory, with.keep());
            log.info("Nightly backup written to {} ({} files, {} MB); removed {} older", file, summary.files(),
                    summary.bytes() / 1_000_000, removed.size());
            return new Outcome(file, summary, removed);
        } catch (SQLException e) {
            throw new BackupException("Could not connect to the bundled database for a backup: " + e.getMessage(), e);
        }
    }

    public Outcome run() {
        return run(settings);
    }

    private BackupKey keyFor(BackupSettings with, Path dataDirectory) {
        if (with.keyFile() == null) {
            throw new BackupException("Backups need the practice's key: set CARRYOVER_BACKUP_KEY_FILE (make one with "
                    + "java -jar carryover.jar backup-key --output FILE)");
        }
        BackupKey key = BackupKey.read(with.keyFile());
        UUID installation = Installation.of(dataDirectory);
        if (!key.installation().equals(installation)) {
            throw new BackupException("The backup key " + with.keyFile() + " belongs to installation " + key.installation()
                    + ", not to this one (" + installation + ")");
        }
        return key;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "carryover.backup.nightly", havingValue = "true")
    static class Schedule {

        @Bean
        RecurringTask<Void> nightlyBackupTask(BackupSettings settings, NightlyBackup backup) {
            // Fail at start, not at half past two, when the key is missing or another installation's.
            BundledDatabase database = backup.bundled.getIfAvailable();
            if (database != null) {
                backup.keyFor(settings, database.clusterDirectory().getParent());
            }
            return Tasks.recurring("nightly-backup", Schedules.daily(ZoneId.systemDefault(), settings.at()))
                    .execute((instance, context) -> backup.run());
        }
    }
}
