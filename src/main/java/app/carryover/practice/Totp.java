package app.carryover.practice;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, six digits, 30-second steps), as authenticator apps
 * use. The HMAC and the Base32 of the key are Apache Commons Codec's; what is left here is RFC 4226's
 * dynamic truncation (§5.3, five lines of the RFC) and the step arithmetic. Checked against RFC 6238's
 * test vectors (Appendix B) and RFC 4648's Base32 vectors in {@code TotpTests}.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    private static final SecureRandom random = new SecureRandom();
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    static String code(byte[] secret, long step) {
        return code(secret, step, 6);
    }

    /** The code of a step with this many digits (6 for the apps; RFC 6238's vectors have 8). */
    static String code(byte[] secret, long step, int digits) {
        byte[] hash = new HmacUtils(HmacAlgorithms.HMAC_SHA_1, secret).hmac(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        return String.format("%0" + digits + "d", binary % POWERS[digits]);
    }

    /**
     * The step the code belongs to, allowing one step of clock drift either way; empty when the
     * code matches none.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (MessageDigest.isEqual(code(secret, s).getBytes(), digits.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The key as authenticator apps take it: Base32 (RFC 4648) without padding. */
    static String base32(byte[] bytes) {
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    /** The otpauth URI authenticator apps read from a QR code. */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
