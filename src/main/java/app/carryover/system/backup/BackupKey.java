package app.carryover.system.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

/**
 * The key a practice holds for its backups: 256 random bits for AES-GCM, and the installation it
 * belongs to. It is kept in a small owner-only text file the practice keeps away from the server
 * (a password manager, a safe); without it a backup cannot be read, and a backup of another
 * installation is refused rather than restored.
 */
public record BackupKey(UUID installation, byte[] secret) {

    private static final String FIRST_LINE = "carryover-backup-key 1";

    public BackupKey {
        if (secret.length != 32) {
            throw new IllegalArgumentException("A backup key has 32 bytes");
        }
    }

    public static BackupKey generate(UUID installation) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new BackupKey(installation, secret);
    }

    public static BackupKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BackupException("There is no backup key file at " + file + " (make one with: carryover backup-key --output "
                    + file + ")");
        } catch (IOException e) {
            throw new BackupException("Could not read the backup key file " + file + ": " + e.getMessage());
        }
        String[] lines = text.strip().split("\\R");
        try {
            if (lines.length < 3 || !lines[0].equals(FIRST_LINE) || !lines[1].startsWith("installation ")
                    || !lines[2].startsWith("key ")) {
                throw new IllegalArgumentException("unexpected lines");
            }
            return new BackupKey(UUID.fromString(lines[1].substring(13).trim()),
                    Base64.getDecoder().decode(lines[2].substring(4).trim()));
        } catch (IllegalArgumentException e) {
            throw new BackupException(file + " is not a Carryover backup key file");
        }
    }

    /** Writes the key to a new owner-only file; an existing file is never overwritten. */
    public void write(Path file) {
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists; a backup key is never overwritten (backups made with it "
                    + "would become unreadable)");
        }
        String text = FIRST_LINE + "\ninstallation " + installation + "\nkey " + Base64.getEncoder().encodeToString(secret) + "\n";
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("Could not write the backup key to " + file + ": " + e.getMessage());
        }
    }

    /** A short public name of the key (not the key): the first bytes of its SHA-256, in hex. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SecretKeySpec aesKey() {
        return new SecretKeySpec(secret, "AES");
    }

    @Override
    public String toString() {
        return "BackupKey[installation=" + installation + ", fingerprint=" + fingerprint() + "]";
    }
}
