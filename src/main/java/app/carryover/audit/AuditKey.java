package app.carryover.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.carryover.system.SecretBox;

/**
 * The key of the audit chain, kept outside the database: each row's MAC and each seal's head are
 * HMAC-SHA256 under it, so someone who can write to the database but does not hold the key cannot
 * make an altered or invented row, or a rewritten seal, verify.
 */
@Component
class AuditKey {

    static final byte[] GENESIS = new byte[32];

    private final SecretKeySpec key;
    private final String id;

    @Autowired
    AuditKey(AuditSettings settings, SecretBox secrets) {
        this(settings.key() == null || settings.key().isBlank() ? secrets.derive("carryover audit chain v1")
                : decode(settings.key()));
    }

    AuditKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.id = HexFormat.of().formatHex(mac().doFinal("key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** A short name of the key (not the key), stored with each seal, so a seal made with another key says so. */
    String id() {
        return id;
    }

    /** The MAC of one row's fields, written with the row in the request. */
    byte[] row(UUID practice, Instant at, AuditEntry e, String address) {
        Mac mac = mac();
        field(mac, practice.toString());
        field(mac, at.getEpochSecond() + "." + at.getNano() / 1000);
        field(mac, e.actorId() == null ? "" : e.actorId().toString());
        field(mac, e.actorLabel());
        field(mac, e.clientId() == null ? "" : e.clientId().toString());
        field(mac, e.action().name());
        field(mac, e.subject());
        field(mac, e.objectId() == null ? "" : e.objectId());
        field(mac, e.detail() == null ? "" : e.detail());
        field(mac, address == null ? "" : address);
        return mac.doFinal();
    }

    /** Starts a seal's head: fed each row in order, then finished with the count. */
    Head head(byte[] prevHead, UUID practice, long sealNo, long fromXact, long toXact) {
        Mac mac = mac();
        mac.update(prevHead);
        field(mac, practice.toString());
        mac.update(ByteBuffer.allocate(24).putLong(sealNo).putLong(fromXact).putLong(toXact).array());
        return new Head(mac);
    }

    static final class Head {
        private final Mac mac;
        private final ByteBuffer seq = ByteBuffer.allocate(8);
        private int rows;

        private Head(Mac mac) {
            this.mac = mac;
        }

        void add(long rowSeq, byte[] rowMac) {
            mac.update(seq.clear().putLong(rowSeq).array());
            mac.update(rowMac);
            rows++;
        }

        int rows() {
            return rows;
        }

        byte[] finish() {
            mac.update(ByteBuffer.allocate(4).putInt(rows).array());
            return mac.doFinal();
        }
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so no two different rows give the same MAC by moving text between fields. */
    private static void field(Mac mac, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private static byte[] decode(String configured) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("CARRYOVER_AUDIT_KEY must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`)");
        }
        return bytes;
    }
}
