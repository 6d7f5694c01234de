package app.carryover.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.carryover.system.backup.BackupException;
import app.carryover.system.backup.BackupFiles;
import app.carryover.system.backup.BackupKey;
import app.carryover.system.backup.BaseBackup;
import app.carryover.system.backup.Installation;
import app.carryover.system.backup.Restore;

/**
 * The backup commands, run from the packaged jar beside a running Carryover or a stopped one:
 * <pre>
 * carryover backup-key --output FILE                    make this installation's backup key (keep it safe, off the server)
 * carryover backup --key-file FILE [--output FILE|DIR]  a consistent, encrypted backup of the bundled database
 * carryover restore --input FILE --key-file FILE --data-dir NEW_EMPTY_DIR
 * </pre>
 * {@code --data-dir} defaults to {@code CARRYOVER_DATA_DIR} or {@code ./data}; {@code --key-file} to
 * {@code CARRYOVER_BACKUP_KEY_FILE}.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    /** Runs one command; answers the exit status (0 done, 1 refused or failed with a reason, 2 wrong usage). */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("Unexpected argument '" + args[i] + "'. Options: --data-dir, --key-file, --output, --input.");
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        Path dataDir = Path.of(option(options, "data-dir", "CARRYOVER_DATA_DIR", "data")).toAbsolutePath().normalize();
        try {
            return switch (command) {
                case "backup-key" -> makeKey(options, dataDir, out, err);
                case "backup" -> backup(options, dataDir, out, err);
                case "restore" -> restore(options, dataDir, out, err);
                default -> 2;
            };
        } catch (BackupException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int makeKey(Map<String, String> options, Path dataDir, PrintStream out, PrintStream err) {
        String output = options.get("output");
        if (output == null) {
            err.println("Say where to write the key: carryover backup-key --output FILE");
            return 2;
        }
        requireInstallation(dataDir);
        BackupKey key = BackupKey.generate(Installation.of(dataDir));
        key.write(Path.of(output));
        out.println("Backup key for installation " + key.installation() + " written to " + output + " (fingerprint "
                + key.fingerprint() + ").");
        out.println("Keep a copy away from this server: without it no backup can be restored.");
        return 0;
    }

    private static int backup(Map<String, String> options, Path dataDir, PrintStream out, PrintStream err) throws BackupException {
        BackupKey key = key(options);
        if (key == null) {
            err.println("Say which key to use: --key-file FILE (or CARRYOVER_BACKUP_KEY_FILE)");
            return 2;
        }
        requireInstallation(dataDir);
        if (!key.installation().equals(Installation.of(dataDir))) {
            throw new BackupException("The key file belongs to installation " + key.installation() + ", not to the one in "
                    + dataDir + " (" + Installation.of(dataDir) + ")");
        }
        // A directory (the default, an existing one, or one named with a trailing slash) gets a dated file.
        String output = options.get("output");
        Path target = output == null ? dataDir.resolve("backups") : Path.of(output);
        if (output == null || output.endsWith("/") || Files.isDirectory(target)) {
            target = target.resolve(BackupFiles.name(Clock.systemUTC()));
        }
        Path cluster = dataDir.resolve("postgres");
        BaseBackup.Summary summary;
        Optional<ProcessHandle> running = BundledServerProcess.running(cluster);
        if (running.isPresent()) {
            try (Connection superuser = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                    + BundledServerProcess.port(cluster) + "/postgres", BundledDatabase.SUPERUSER, superuserPassword(dataDir))) {
                summary = BackupFiles.writeFile(superuser, dataDir, key, target, Clock.systemUTC());
            } catch (SQLException e) {
                throw new BackupException("Could not connect to the running bundled PostgreSQL: " + e.getMessage(), e);
            }
        } else {
            // Carryover is stopped: start its database for the backup and stop it after.
            try (BundledDatabase database = BundledDatabase.start(dataDir, true);
                    Connection superuser = database.superuserConnection("postgres")) {
                summary = BackupFiles.writeFile(superuser, dataDir, key, target, Clock.systemUTC());
            } catch (SQLException e) {
                throw new BackupException("Could not connect to the bundled PostgreSQL: " + e.getMessage(), e);
            }
        }
        out.printf("Backup written to %s: %d files, %.1f MB of data read, in %.1f s (PostgreSQL %s, WAL %s to %s).%n",
                target, summary.files(), summary.bytes() / 1e6, summary.took().toMillis() / 1e3, summary.server(),
                summary.startLsn(), summary.stopLsn());
        return 0;
    }

    private static int restore(Map<String, String> options, Path dataDir, PrintStream out, PrintStream err) {
        BackupKey key = key(options);
        String input = options.get("input");
        if (key == null || input == null || !options.containsKey("data-dir")) {
            err.println("Usage: carryover restore --input BACKUP --key-file KEY --data-dir NEW_EMPTY_DIRECTORY");
            return 2;
        }
        Restore.Summary restored = Restore.into(Path.of(input), key, dataDir);
        out.printf("Restored the backup of %s (installation %s, %s) into %s: %d files, %.1f MB, in %.1f s.%n",
                restored.created(), restored.installation(), restored.server(), dataDir, restored.files(),
                restored.bytes() / 1e6, restored.took().toMillis() / 1e3);
        try (BundledDatabase database = BundledDatabase.start(dataDir, true);
                Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                        + "'public'), (SELECT count(*) FROM practice), (SELECT count(*) FROM audit_event)")) {
            rs.next();
            out.printf("Checked: PostgreSQL started on it and holds %d tables, %d practices, %d audit rows.%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3));
            out.println("Start Carryover with CARRYOVER_DATA_DIR=" + dataDir + " to use it.");
        } catch (SQLException e) {
            throw new BackupException("The restored database started but could not be read: " + e.getMessage(), e);
        }
        return 0;
    }

    private static BackupKey key(Map<String, String> options) {
        String file = option(options, "key-file", "CARRYOVER_BACKUP_KEY_FILE", null);
        return file == null ? null : BackupKey.read(Path.of(file));
    }

    private static void requireInstallation(Path dataDir) {
        if (!Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new BackupException("There is no Carryover data directory at " + dataDir + " (set --data-dir or CARRYOVER_DATA_DIR)");
        }
    }

    private static String superuserPassword(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("postgres-superuser.password"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new BackupException("Could not read the bundled database's superuser password in " + dataDir + ": " + e.getMessage());
        }
    }

    private static String option(Map<String, String> options, String name, String variable, String fallback) {
        String value = options.get(name);
        if (value == null) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
