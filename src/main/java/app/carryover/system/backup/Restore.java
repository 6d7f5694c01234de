package app.carryover.system.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Restores a backup into an empty data directory: the data directory's own files and the cluster
 * with its backup label and write-ahead log, so PostgreSQL, started on it, replays the log to the
 * moment the backup ended. Everything is written to a directory beside the target and moved into
 * place only when the whole backup has been read and authenticated; a refused or damaged backup
 * leaves nothing behind.
 */
public final class Restore {

    /** What was restored. */
    public record Summary(UUID installation, Instant created, String server, long files, long bytes, Duration took) {
    }

    private Restore() {
    }

    public static Summary into(Path backup, BackupKey key, Path target) {
        long started = System.nanoTime();
        Path root = target.toAbsolutePath().normalize();
        requireEmpty(root);
        Path work = root.resolveSibling(root.getFileName() + ".restoring-" + UUID.randomUUID().toString().substring(0, 8));
        try (InputStream file = Files.newInputStream(backup)) {
            EncryptedBackup.Header header;
            try (InputStream peek = Files.newInputStream(backup)) {
                header = EncryptedBackup.header(peek);
            }
            createPrivateDirectory(work);
            DataInputStream in = new DataInputStream(new InflaterInputStream(EncryptedBackup.reader(file, key), new Inflater(), 1 << 16));
            long[] counted = extract(in, work);
            if (Files.exists(root)) {
                Files.delete(root);
            }
            Files.move(work, root, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(header.installation(), header.created(), header.server(), counted[0], counted[1],
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            deleteQuietly(work);
            throw new BackupException("Could not restore " + backup + " into " + root + ": " + reason(e) + ". Nothing was restored.", e);
        } catch (RuntimeException e) {
            deleteQuietly(work);
            throw e;
        }
    }

    private static long[] extract(DataInputStream in, Path work) throws IOException {
        long files = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try {
            while (true) {
                byte kind = in.readByte();
                if (kind == BaseBackup.Archive.END) {
                    long expected = in.readLong();
                    if (expected != files) {
                        throw new BackupException("The backup lists " + expected + " files but holds " + files);
                    }
                    return new long[] {files, bytes};
                }
                Path path = inside(work, in.readUTF());
                if (kind == BaseBackup.Archive.DIRECTORY) {
                    createPrivateDirectory(path);
                } else if (kind == BaseBackup.Archive.FILE) {
                    createPrivateDirectory(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        for (int n; (n = in.readInt()) > 0;) {
                            if (n > buffer.length) {
                                buffer = new byte[n];
                            }
                            in.readFully(buffer, 0, n);
                            out.write(buffer, 0, n);
                            bytes += n;
                        }
                    }
                    ownerOnly(path, "rw-------");
                    files++;
                } else {
                    throw new BackupException("The backup's content is not in a known form");
                }
            }
        } catch (EOFException | ZipException e) {
            throw new BackupException("The backup's content ends early or is malformed; nothing was restored", e);
        }
    }

    /** The path an entry names, refused if it would land outside the directory being restored. */
    private static Path inside(Path work, String name) {
        Path path = work.resolve(name).normalize();
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || !path.startsWith(work)) {
            throw new BackupException("The backup names a path outside its directory (" + name + "); refused");
        }
        return path;
    }

    private static void requireEmpty(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw new BackupException("The data directory " + root + " is not empty; restore into a new, empty one "
                        + "(and point CARRYOVER_DATA_DIR at it)");
            }
        } catch (IOException e) {
            throw new BackupException("Could not read " + root + ": " + e.getMessage());
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No space left on device") ? "no space left on the disk (" + message + ")" : message;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: what is left is named *.restoring-* and never used.
        }
    }
}
