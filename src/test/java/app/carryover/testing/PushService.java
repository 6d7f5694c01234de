package app.carryover.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local stand-in for a Web Push service (OkHttp's MockWebServer on 127.0.0.1): it takes pushes for the
 * subscriptions it handed out ({@code 201}), or answers a status set per subscription (410 when the browser
 * dropped it, 503 for an outage). Each {@link Subscriber} holds its own P-256 key pair and auth secret, as a
 * browser does, and decrypts what arrived per RFC 8291 — written here from the RFC, not with the library the
 * server uses. Nothing leaves the machine.
 */
public final class PushService implements AutoCloseable {

    /** One push as it arrived. */
    public record Push(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requests = new ConcurrentHashMap<>();

    public PushService() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                Map<String, String> headers = new ConcurrentHashMap<>();
                request.getHeaders().forEach(h -> headers.put(h.getFirst().toLowerCase(), h.getSecond()));
                requests.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                int status = answers.getOrDefault(path, 201);
                if (status == 201) {
                    received.add(new Push(path, headers, request.getBody().readByteArray()));
                }
                return new MockResponse().setResponseCode(status);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The push service's origin, as the VAPID token's audience must name it. */
    public String origin() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A new browser subscription on this service. */
    public Subscriber subscribe() {
        return new Subscriber(origin() + "/push/" + UUID.randomUUID());
    }

    /** From now on the service answers this status for the subscription (410: the browser dropped it). */
    public void answer(Subscriber s, int status) {
        answers.put(s.path(), status);
    }

    public List<Push> receivedBy(Subscriber s) {
        return received.stream().filter(p -> p.path().equals(s.path())).toList();
    }

    /** Requests that reached the service for this subscription, refused ones included. */
    public int requestsFor(Subscriber s) {
        var n = requests.get(s.path());
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /** A browser's side of one subscription: its endpoint, key pair and auth secret. */
    public static final class Subscriber {
        private final String endpoint;
        private final KeyPair keys;
        private final byte[] auth = new byte[16];

        public Subscriber(String endpoint) {
            this.endpoint = endpoint;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                this.keys = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            new SecureRandom().nextBytes(auth);
        }

        public String endpoint() {
            return endpoint;
        }

        String path() {
            return endpoint.substring(endpoint.indexOf("/push/"));
        }

        public String p256dh() {
            return b64(uncompressed((ECPublicKey) keys.getPublic()));
        }

        public String auth() {
            return b64(auth);
        }

        /** {@code PushSubscription.toJSON()} as a browser gives it. */
        public String json() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh()
                    + "\",\"auth\":\"" + auth() + "\"}}";
        }

        /** RFC 8291 §3–4 with RFC 8188's aes128gcm record: what the browser's push handler would read. */
        public String decrypt(byte[] body) {
            try {
                ByteBuffer in = ByteBuffer.wrap(body);
                byte[] salt = new byte[16];
                in.get(salt);
                int recordSize = in.getInt();
                int idLength = in.get() & 0xff;
                byte[] asPublic = new byte[idLength];
                in.get(asPublic);
                byte[] cipherText = new byte[in.remaining()];
                in.get(cipherText);
                if (idLength != 65 || recordSize < 18 || cipherText.length > recordSize) {
                    throw new IllegalStateException("not one aes128gcm record with a P-256 key id");
                }
                KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(keys.getPrivate());
                agreement.doPhase(publicKey(asPublic), true);
                byte[] ecdhSecret = agreement.generateSecret();
                byte[] uaPublic = uncompressed((ECPublicKey) keys.getPublic());
                byte[] prkKey = hmac(auth, ecdhSecret);
                byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] {1});
                byte[] ikm = hmac(prkKey, keyInfo);
                byte[] prk = hmac(salt, ikm);
                byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {1})), 16);
                byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {1})), 12);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
                byte[] padded = cipher.doFinal(cipherText);
                int end = padded.length - 1;
                while (end >= 0 && padded[end] == 0) {
                    end--;
                }
                if (end < 0 || padded[end] != 2) {
                    throw new IllegalStateException("the last record's delimiter (2) is missing");
                }
                return new String(padded, 0, end, StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not decrypt the push: " + e, e);
            }
        }
    }

    /**
     * Checks a VAPID {@code Authorization: vapid t=…, k=…} header (RFC 8292): the ES256 signature against the
     * key {@code k}; answers the key and the token's claims as JSON text.
     */
    public static Vapid vapid(String authorization) {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new IllegalStateException("not a vapid Authorization header: " + authorization);
        }
        String token = null;
        String key = null;
        for (String part : authorization.substring(6).split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                token = p.substring(2);
            } else if (p.startsWith("k=")) {
                key = p.substring(2);
            }
        }
        String[] jwt = token.split("\\.");
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(key)));
            verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            boolean valid = verifier.verify(Base64.getUrlDecoder().decode(jwt[2]));
            return new Vapid(key, new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8),
                    new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8), valid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A VAPID header taken apart: the public key (k), the token's header and claims, and whether the signature holds. */
    public record Vapid(String key, String header, String claims, boolean signatureValid) {
    }

    private static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = fixed(key.getW().getAffineX());
        byte[] y = fixed(key.getW().getAffineY());
        System.arraycopy(x, 0, out, 1, 32);
        System.arraycopy(y, 0, out, 33, 32);
        return out;
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int from = Math.max(0, raw.length - 32);
        System.arraycopy(raw, from, out, 32 - (raw.length - from), raw.length - from);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
