package app.carryover.reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.carryover.system.SecretBox;

/**
 * The secrets in reminder links and calendar feed addresses: 256 random bits in URL-safe Base64,
 * found again by their SHA-256 and kept sealed with the installation key so a retry can write the
 * same links again. A copy of the database alone does not give them away.
 */
@Component
class Secrets {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();
    private final SecretBox box;

    Secrets(SecretBox box) {
        this.box = box;
    }

    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] seal(String secret) {
        return box.seal(secret.getBytes(StandardCharsets.US_ASCII));
    }

    String open(byte[] sealed) {
        return new String(box.open(sealed), StandardCharsets.US_ASCII);
    }

    static boolean wellFormed(String secret) {
        return secret != null && WELL_FORMED.matcher(secret).matches();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
