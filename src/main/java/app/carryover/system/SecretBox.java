package app.carryover.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts small secrets kept in the database (second-factor keys) with AES-GCM, so a copy of
 * the database alone does not give them away. The key comes from {@code CARRYOVER_SECRET_KEY}
 * (32 bytes, Base64; required when several nodes share one database) or from an owner-only
 * file generated under the data directory.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(ServerSettings settings) {
        String configured = settings.secretKey();
        this.key = new SecretKeySpec(configured.isBlank() ? keyFile(Path.of(settings.dataDir())) : decode(configured), "AES");
    }

    public byte[] seal(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /**
     * A key for another purpose derived from the secret key (HMAC-SHA256 of the purpose's name), so
     * one secret kept outside the database serves several uses without one use revealing another's key.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive a key", e);
        }
    }

    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a secret: is CARRYOVER_SECRET_KEY the one it was sealed with?", e);
        }
    }

    private static byte[] decode(String configured) {
        byte[] bytes = Base64.getDecoder().decode(configured.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("CARRYOVER_SECRET_KEY must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`)");
        }
        return bytes;
    }

    private static byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            log.info("Generated the secret key {} (back it up with the database)", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }
}
