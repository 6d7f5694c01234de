package app.carryover.reminders;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.SecretBox;
import app.carryover.system.Uuids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devices a client turned phone notifications on for: one browser push subscription each. Turning
 * them on for a device gives the client's consent to reminders by notification; turning them off on
 * the last device withdraws it. What the push service gave the browser is sealed at rest; a push
 * service answering 404 or 410 for a subscription ends it (the browser dropped it).
 *
 * <p>A subscription's endpoint is the address the server will POST to, so it must be a known push
 * service over HTTPS (configurable; a local stand-in over HTTP only where configured, for tests):
 * otherwise any client could make the server call an address of their choosing.
 */
@Service
class PushSubscriptions {

    /** What the browser's {@code PushSubscription.toJSON()} holds, as the page sends it. */
    record Subscription(String endpoint, byte[] p256dh, byte[] auth) {
        @Override
        public String toString() {
            return "Subscription[" + URI.create(endpoint).getHost() + "]";
        }
    }

    /** One stored device as the settings page and the channel see it. */
    record Device(UUID practiceId, UUID id, UUID clientId, String device, String service, Instant createdAt,
            String endpointHash, UUID lastMessageId) {
    }

    private static final ECParameterSpec P256 = p256();

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ClientAccess access;
    private final Consents consents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final ReminderSettings.Push settings;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, SecretBox box, ClientAccess access, Consents consents, AuditTrail audit,
            ApplicationEventPublisher events, JsonMapper json, ReminderSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.access = access;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.settings = settings.push();
        this.clock = clock;
    }

    /**
     * Turns notifications on for the device that sent this subscription: stores it (again, with new keys,
     * when the same browser subscribes anew) and gives the consent. Every field at fault is named; an
     * endpoint already held by another client is refused (403), never moved.
     *
     * @return the device's id
     */
    @Transactional
    UUID subscribe(Actor actor, String endpoint, String p256dh, String auth, String userAgent) {
        ClientRecord client = access.self(actor, actor.clientId(), "phone notifications");
        Subscription s = parse(endpoint, p256dh, auth);
        byte[] hash = Secrets.hash(s.endpoint());
        Instant now = clock.instant();
        UUID id = Uuids.timeOrdered();
        int inserted = jdbc.sql("""
                INSERT INTO push_subscription (practice_id, id, client_id, endpoint_hash, sealed, service, device, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint_hash) DO NOTHING""")
                .params(client.practiceId(), id, client.id(), hash, seal(s), service(s.endpoint()), device(userAgent),
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            Optional<UUID> own = jdbc.sql("SELECT id FROM push_subscription WHERE practice_id = ? AND client_id = ? AND endpoint_hash = ?")
                    .params(client.practiceId(), client.id(), hash).query(UUID.class).optional();
            if (own.isEmpty()) {
                audit.record(AuditEntry.by(actor, client.id(), AuditAction.ACCESS_DENIED, "phone notifications", null,
                        "a push endpoint held by another account"));
                throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "Not allowed",
                        "endpoint: this browser already receives another account's reminders",
                        List.of(new FieldProblem("endpoint", "this browser already receives another account's reminders")));
            }
            id = own.get();
            jdbc.sql("UPDATE push_subscription SET sealed = ?, device = ? WHERE practice_id = ? AND id = ?")
                    .params(seal(s), device(userAgent), client.practiceId(), id).update();
        }
        if (!consents.mayContact(client.practiceId(), client.id(), ConsentKind.PUSH_MESSAGES)) {
            consents.decide(actor, ConsentKind.PUSH_MESSAGES, true);
        }
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.SETTINGS, "phone notifications", id,
                "turned on phone notifications on " + device(userAgent)));
        events.publishEvent(new ReminderChoicesChanged(client.practiceId(), client.id()));
        return id;
    }

    /**
     * Turns notifications off for one of the client's own devices (404 for anyone else's); with the last
     * one gone, the consent is withdrawn.
     */
    @Transactional
    void unsubscribe(Actor actor, UUID deviceId) {
        ClientRecord client = access.self(actor, actor.clientId(), "phone notifications");
        int deleted = jdbc.sql("DELETE FROM push_subscription WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(client.practiceId(), client.id(), deviceId).update();
        if (deleted == 0) {
            throw ProblemException.notFound("Device");
        }
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.SETTINGS, "phone notifications", deviceId,
                "turned off phone notifications on a device"));
        if (devicesOf(client.practiceId(), client.id()).isEmpty()
                && consents.mayContact(client.practiceId(), client.id(), ConsentKind.PUSH_MESSAGES)) {
            consents.decide(actor, ConsentKind.PUSH_MESSAGES, false);
        }
        events.publishEvent(new ReminderChoicesChanged(client.practiceId(), client.id()));
    }

    List<Device> devicesOf(UUID practiceId, UUID clientId) {
        return jdbc.sql("""
                SELECT practice_id, id, client_id, device, service, created_at, endpoint_hash, last_message_id
                FROM push_subscription WHERE practice_id = ? AND client_id = ? ORDER BY created_at, id""")
                .params(practiceId, clientId)
                .query((rs, n) -> new Device(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        PushKeys.base64(rs.getBytes(7)), rs.getObject(8, UUID.class)))
                .list();
    }

    /** The subscription of a device, unsealed, for sending. */
    Optional<Subscription> subscriptionOf(Device device) {
        return jdbc.sql("SELECT sealed FROM push_subscription WHERE practice_id = ? AND id = ?")
                .params(device.practiceId(), device.id()).query((rs, n) -> unseal(rs.getBytes(1))).optional();
    }

    /** The push service says this subscription has ended (404/410): the device no longer exists for us. */
    @Transactional
    void ended(Device device, String why) {
        int deleted = jdbc.sql("DELETE FROM push_subscription WHERE practice_id = ? AND id = ?")
                .params(device.practiceId(), device.id()).update();
        if (deleted > 0) {
            audit.record(new AuditEntry(device.practiceId(), null, "push service", device.clientId(), AuditAction.DELETE,
                    "phone notifications", device.id().toString(), "a device's subscription ended: " + why));
        }
    }

    /** Remembers that this device got that message, so a retry of the message skips it. */
    void delivered(Device device, UUID messageId) {
        jdbc.sql("UPDATE push_subscription SET last_message_id = ?, last_sent_at = ? WHERE practice_id = ? AND id = ?")
                .params(messageId, Timestamp.from(clock.instant()), device.practiceId(), device.id()).update();
    }

    /** Checks what the page sent; every field at fault is named. */
    Subscription parse(String endpoint, String p256dh, String auth) {
        List<FieldProblem> problems = new ArrayList<>();
        String e = endpoint == null ? "" : endpoint.strip();
        if (e.isEmpty()) {
            problems.add(new FieldProblem("endpoint", "is required"));
        } else if (e.length() > 2000) {
            problems.add(new FieldProblem("endpoint", "must be at most 2,000 characters"));
        } else {
            endpointProblem(e).ifPresent(p -> problems.add(new FieldProblem("endpoint", p)));
        }
        byte[] key = decode(p256dh);
        if (p256dh == null || p256dh.isBlank()) {
            problems.add(new FieldProblem("keys.p256dh", "is required"));
        } else if (key == null || key.length != 65 || key[0] != 4 || !onCurve(key)) {
            problems.add(new FieldProblem("keys.p256dh", "must be the browser's P-256 public key (65 bytes, URL-safe Base64)"));
        }
        byte[] secret = decode(auth);
        if (auth == null || auth.isBlank()) {
            problems.add(new FieldProblem("keys.auth", "is required"));
        } else if (secret == null || secret.length != 16) {
            problems.add(new FieldProblem("keys.auth", "must be the browser's 16-byte auth secret (URL-safe Base64)"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Subscription(e, key, secret);
    }

    private Optional<String> endpointProblem(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException ex) {
            return Optional.of("is not an address");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            return Optional.of("is not an address");
        }
        if ("http".equals(uri.getScheme()) && settings.insecureServices().contains(host)) {
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of("must be an https address of a push service");
        }
        boolean known = settings.services().stream().anyMatch(s -> host.equals(s) || host.endsWith("." + s));
        return known ? Optional.empty() : Optional.of("is not a push service this server sends to (" + host + ")");
    }

    private byte[] seal(Subscription s) {
        ObjectNode node = json.createObjectNode();
        node.put("endpoint", s.endpoint());
        node.put("p256dh", PushKeys.base64(s.p256dh()));
        node.put("auth", PushKeys.base64(s.auth()));
        return box.seal(json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
    }

    private Subscription unseal(byte[] sealed) {
        JsonNode node = json.readTree(new String(box.open(sealed), StandardCharsets.UTF_8));
        return new Subscription(node.get("endpoint").asString(), Base64.getUrlDecoder().decode(node.get("p256dh").asString()),
                Base64.getUrlDecoder().decode(node.get("auth").asString()));
    }

    /** The push service's host, for people ("fcm.googleapis.com"). */
    static String service(String endpoint) {
        return URI.create(endpoint).getHost();
    }

    /** "Chrome on Android" from the browser's User-Agent; "a browser" when it says nothing we know. */
    static String device(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari" : "a browser";
        String system = ua.contains("Android") ? "Android" : ua.contains("iPhone") || ua.contains("iPad") ? "iPhone or iPad"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS X") ? "Mac" : ua.contains("Linux") ? "Linux" : null;
        return system == null ? browser : browser + " on " + system;
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(base64.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean onCurve(byte[] uncompressed) {
        try {
            ECPoint point = new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(uncompressed, 1, 33)),
                    new BigInteger(1, java.util.Arrays.copyOfRange(uncompressed, 33, 65)));
            KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
            BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
            BigInteger x = point.getAffineX();
            BigInteger y = point.getAffineY();
            BigInteger b = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
            // y² = x³ - 3x + b (mod p): the JDK does not check this when it makes the key.
            return y.modPow(BigInteger.TWO, p).equals(x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(p));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
