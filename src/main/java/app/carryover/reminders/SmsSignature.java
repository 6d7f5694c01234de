package app.carryover.reminders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's webhook signature (Twilio's {@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed
 * with the account's auth token, over the full URL the provider called followed by each posted
 * parameter's name and value, sorted by name.
 */
final class SmsSignature {

    private SmsSignature() {
    }

    static String sign(String authToken, String url, Map<String, String[]> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> {
            String[] sorted = values.clone();
            Arrays.sort(sorted);
            for (String value : sorted) {
                data.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time; a missing signature never matches. */
    static boolean valid(String authToken, String url, Map<String, String[]> parameters, String signature) {
        if (signature == null || signature.isBlank() || authToken.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(authToken, url, parameters).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
