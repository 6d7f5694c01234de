package app.carryover.system.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * This installation's identity: a random id kept in {@code installation.id} in the data directory,
 * made on first use. Backups carry it, so a backup of another installation is recognised.
 */
public final class Installation {

    static final String FILE = "installation.id";

    private Installation() {
    }

    public static synchronized UUID of(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return UUID.fromString(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            UUID id = UUID.randomUUID();
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the installation id in " + dataDirectory, e);
        }
    }
}
