package app.carryover.reminders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.interaso.webpush.VapidKeys;

import app.carryover.system.SecretBox;

/**
 * The installation's VAPID key pair (RFC 8292), made once by whichever node needs it first and kept
 * in the database with its private half sealed by {@link SecretBox} (so a copy of the database alone
 * cannot push to anyone). Browsers subscribe with the public half; every push is signed with the
 * private half. Replacing the pair would end every subscription, so nothing here ever does.
 */
@Component
class PushKeys {

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private volatile VapidKeys keys;

    PushKeys(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): the uncompressed P-256 point, URL-safe Base64. */
    String publicKey() {
        return base64(keys().getApplicationServerKey());
    }

    VapidKeys keys() {
        VapidKeys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrMake();
                }
                k = keys;
            }
        }
        return k;
    }

    private VapidKeys loadOrMake() {
        VapidKeys made = VapidKeys.generate();
        // Two nodes starting together: the first insert wins, both read the same row back.
        jdbc.sql("INSERT INTO push_vapid_key (id, public_key, private_sealed, created_at) VALUES (1, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING")
                .params(made.getX509PublicKey(), box.seal(made.getPkcs8PrivateKey().getBytes(StandardCharsets.US_ASCII)),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("SELECT public_key, private_sealed FROM push_vapid_key WHERE id = 1")
                .query((rs, n) -> VapidKeys.create(rs.getString(1),
                        new String(box.open(rs.getBytes(2)), StandardCharsets.US_ASCII)))
                .single();
    }

    static String base64(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
