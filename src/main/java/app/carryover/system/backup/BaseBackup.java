package app.carryover.system.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent copy of the running bundled PostgreSQL, taken the way PostgreSQL documents for a base
 * backup without its own tools ("Making a Base Backup Using the Low Level API"): {@code pg_backup_start},
 * a copy of the cluster's files while the server keeps working, {@code pg_backup_stop}, and the
 * write-ahead log written in between (kept by a temporary replication slot), with the backup label
 * PostgreSQL returns. Started on a copy, PostgreSQL replays that log to the moment the backup ended.
 *
 * <p>A file copy, so row-level security does not apply: every row of every practice is in it, which
 * the restore test checks table by table. The data directory's own small files (the generated
 * passwords, the secret key that seals second-factor keys and keys the audit, the installation id)
 * go with it, so a restored installation works as the old one did. The bundled binaries have no
 * {@code pg_dump}, and Debian's is older than the bundled server, hence the file copy.
 */
public final class BaseBackup {

    /** The data directory's own files that belong in a backup. */
    static final List<String> ROOT_FILES = List.of("postgres-superuser.password", "postgres-carryover.password",
            "secret.key", Installation.FILE);
    /** Cluster entries PostgreSQL says a base backup should leave out (their directories are kept). */
    private static final Set<String> SKIPPED_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "backup_label.old", "tablespace_map", "pg_internal.init");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");
    private static final Logger log = LoggerFactory.getLogger(BaseBackup.class);

    /** What a backup copied. */
    public record Summary(long files, long bytes, String startLsn, String stopLsn, String server, Duration took) {
    }

    private BaseBackup() {
    }

    /**
     * Writes an encrypted backup of the cluster under {@code dataRoot}/postgres to {@code out}, through
     * {@code superuser}, a connection to the running server as its superuser (kept for the whole backup).
     */
    public static Summary write(Connection superuser, Path dataRoot, BackupKey key, OutputStream out, Clock clock)
            throws IOException, SQLException {
        long started = System.nanoTime();
        Path cluster = dataRoot.resolve("postgres");
        String server = single(superuser, "SHOW server_version");
        String slot = "carryover_backup_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        boolean inBackup = false;
        try (Statement s = superuser.createStatement()) {
            s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
            String startLsn = single(superuser, "SELECT pg_backup_start('carryover " + clock.instant() + "', true)::text");
            inBackup = true;
            Archive archive = new Archive(new DataOutputStream(new DeflaterOutputStream(
                    EncryptedBackup.writer(out, key, clock.instant(), "PostgreSQL " + server),
                    new Deflater(Deflater.BEST_SPEED), 1 << 16)));
            for (String name : ROOT_FILES) {
                Path file = dataRoot.resolve(name);
                if (Files.exists(file)) {
                    archive.file(name, file);
                }
            }
            copyCluster(archive, cluster);
            String stopLsn;
            String label;
            String tablespaces;
            try (ResultSet rs = s.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                stopLsn = rs.getString(1);
                label = rs.getString(2);
                tablespaces = rs.getString(3);
            }
            inBackup = false;
            String firstSegment = single(superuser, "SELECT pg_walfile_name('" + startLsn + "')");
            String lastSegment = single(superuser, "SELECT pg_walfile_name('" + stopLsn + "')");
            archive.directory("postgres/pg_wal");
            archive.directory("postgres/pg_wal/archive_status");
            try (Stream<Path> wal = Files.list(cluster.resolve("pg_wal"))) {
                for (Path segment : wal.sorted().toList()) {
                    String name = segment.getFileName().toString();
                    if (WAL_SEGMENT.matcher(name).matches() && name.compareTo(firstSegment) >= 0
                            && name.compareTo(lastSegment) <= 0) {
                        archive.file("postgres/pg_wal/" + name, segment);
                    }
                }
            }
            archive.bytes("postgres/backup_label", label.getBytes(StandardCharsets.UTF_8));
            if (tablespaces != null && !tablespaces.isBlank()) {
                archive.bytes("postgres/tablespace_map", tablespaces.getBytes(StandardCharsets.UTF_8));
            }
            archive.finish();
            s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
            Summary summary = new Summary(archive.files, archive.bytes, startLsn, stopLsn, server,
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("Backup made: {} files, {} MB read, WAL {} to {}, in {} ms", summary.files(),
                    summary.bytes() / 1_000_000, startLsn, stopLsn, summary.took().toMillis());
            return summary;
        } catch (IOException | SQLException | RuntimeException e) {
            // The server would end the backup and drop the slot when the session closes; doing it now
            // frees the write-ahead log the slot holds at once, and leaves the session fit for another try.
            try (Statement s = superuser.createStatement()) {
                if (inBackup) {
                    s.execute("SELECT pg_backup_stop(false)");
                }
                s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void copyCluster(Archive archive, Path cluster) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(cluster)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            Path relative = cluster.relativize(path);
            if (relative.toString().isEmpty()) {
                archive.directory("postgres");
                continue;
            }
            String name = relative.getFileName().toString();
            boolean insideSkipped = relative.getNameCount() > 1 && SKIPPED_CONTENTS.contains(relative.getName(0).toString());
            if (insideSkipped || SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                continue;
            }
            String entry = "postgres/" + relative.toString().replace('\\', '/');
            if (Files.isDirectory(path)) {
                archive.directory(entry);
            } else if (Files.isRegularFile(path)) {
                archive.file(entry, path);
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The content inside the encryption: directories, then files as length-prefixed blocks. */
    static final class Archive {
        static final byte DIRECTORY = 'D';
        static final byte FILE = 'F';
        static final byte END = 'E';

        private final DataOutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        long files;
        long bytes;

        Archive(DataOutputStream out) {
            this.out = out;
        }

        void directory(String path) throws IOException {
            out.writeByte(DIRECTORY);
            out.writeUTF(path);
        }

        /** Copies a file as it is now; one removed meanwhile (a dropped table) is left out. */
        void file(String path, Path source) throws IOException {
            InputStream in;
            try {
                in = Files.newInputStream(source);
            } catch (NoSuchFileException e) {
                return;
            }
            try (in) {
                out.writeByte(FILE);
                out.writeUTF(path);
                for (int n; (n = in.read(buffer)) > 0;) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                    bytes += n;
                }
                out.writeInt(0);
                files++;
            }
        }

        void bytes(String path, byte[] content) throws IOException {
            out.writeByte(FILE);
            out.writeUTF(path);
            if (content.length > 0) {
                out.writeInt(content.length);
                out.write(content);
            }
            out.writeInt(0);
            files++;
            bytes += content.length;
        }

        void finish() throws IOException {
            out.writeByte(END);
            out.writeLong(files);
            out.close();
        }
    }
}
