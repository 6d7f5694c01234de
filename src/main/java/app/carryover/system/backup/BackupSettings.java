package app.carryover.system.backup;

import java.nio.file.Path;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Nightly backups of the bundled database ({@code carryover.backup.*}, or {@code CARRYOVER_BACKUP_*}).
 *
 * @param nightly   whether to make one every night
 * @param at        when, in the server's time zone
 * @param keep      how many nightly backups to keep (the oldest are removed)
 * @param directory where they go; best another disk than the data directory's
 * @param keyFile   the practice's backup key ({@code carryover backup-key --output FILE} makes one)
 */
@ConfigurationProperties("carryover.backup")
public record BackupSettings(
        @DefaultValue("false") boolean nightly,
        @DefaultValue("02:30") LocalTime at,
        @DefaultValue("7") int keep,
        Path directory,
        Path keyFile) {

    public BackupSettings {
        if (keep < 1) {
            throw new IllegalArgumentException("carryover.backup.keep must be at least 1 (was " + keep + ")");
        }
    }
}
