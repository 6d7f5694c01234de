package app.carryover.system.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backups as files: written whole or not at all, named by time, the oldest removed past a count. */
public final class BackupFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("carryover-\\d{8}-\\d{6}Z\\.backup");
    private static final Logger log = LoggerFactory.getLogger(BackupFiles.class);

    private BackupFiles() {
    }

    /** The name a backup made now gets in a backup directory (UTC, so names sort by time). */
    public static String name(Clock clock) {
        return "carryover-" + STAMP.format(clock.instant()) + "Z.backup";
    }

    /**
     * Writes a backup to {@code out}. A failure of the destination (a full disk, a lost mount) is
     * reported as such; the server ends the backup and goes on serving, unharmed.
     */
    public static BaseBackup.Summary write(Connection superuser, Path dataRoot, BackupKey key, OutputStream out,
            String destination, Clock clock) {
        try {
            return BaseBackup.write(superuser, dataRoot, key, out, clock);
        } catch (IOException e) {
            throw new BackupException("The backup could not be written to " + destination + ": " + Restore.reason(e)
                    + ". The live database is unharmed; the backup was ended.", e);
        } catch (SQLException e) {
            throw new BackupException("The database refused the backup: " + e.getMessage(), e);
        }
    }

    /** Writes a backup to {@code target} through a partial file, moved into place only when complete. */
    public static BaseBackup.Summary writeFile(Connection superuser, Path dataRoot, BackupKey key, Path target, Clock clock) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.deleteIfExists(partial);
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new BackupException("Could not create " + partial + ": " + Restore.reason(e));
        }
        try {
            BaseBackup.Summary summary;
            try (OutputStream out = Files.newOutputStream(partial)) {
                summary = write(superuser, dataRoot, key, out, target.toString(), clock);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (BackupException e) {
            deleteQuietly(partial);
            throw new BackupException(e.getMessage() + " The partial file was removed.", e.getCause());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException("The backup could not be finished in " + target + ": " + Restore.reason(e)
                    + ". The live database is unharmed; the partial file was removed.", e);
        }
    }

    /** Removes all but the newest {@code keep} backups Carryover named in {@code directory}; answers the removed. */
    public static List<Path> prune(Path directory, int keep) {
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> ours = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
            for (Path old : ours.subList(0, Math.max(0, ours.size() - Math.max(1, keep)))) {
                Files.delete(old);
                removed.add(old);
            }
        } catch (IOException e) {
            log.warn("Could not remove old backups in {}: {}", directory, e.getMessage());
        }
        return removed;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the partial backup {}: {}", file, e.getMessage());
        }
    }
}
