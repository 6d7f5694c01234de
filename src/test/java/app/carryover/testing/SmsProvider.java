package app.carryover.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local HTTP server standing in for a Twilio-style SMS provider (OkHttp's MockWebServer): the
 * message API with basic authentication, E.164 checks ({@code 21211} for a number it refuses),
 * {@code Idempotency-Key} honoured (the same key sends once and answers the same id), and an outage
 * switch (503). Nothing leaves the machine.
 */
public final class SmsProvider {

    public static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    public static final String TOKEN = "test-sms-auth-token-not-secret";
    public static final String FROM = "+15005550006";

    /** A text the provider accepted. */
    public record Sent(String sid, String to, String body, String idempotencyKey, String statusCallback) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Sent> byKey = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    SmsProvider() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public List<Sent> sentTo(String number) {
        return sent.stream().filter(s -> s.to().equals(number)).toList();
    }

    /** Requests received in all, including refused and repeated ones. */
    public int requests() {
        return server.getRequestCount();
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** The provider will answer this number with 21211, as for a number that does not exist. */
    public void refuse(String number) {
        refused.add(number);
    }

    void stop() throws IOException {
        server.shutdown();
    }

    /** The signature the provider puts on a webhook call to this URL with these parameters. */
    public static String signature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        if (!"POST".equals(request.getMethod()) || !("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json").equals(request.getPath())) {
            return json(404, "{\"code\":20404,\"message\":\"The requested resource was not found\"}");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            return json(401, "{\"code\":20003,\"message\":\"Authenticate\"}");
        }
        if (down) {
            return json(503, "{\"code\":20503,\"message\":\"Service unavailable\"}");
        }
        Map<String, String> form = form(request.getBody().readUtf8());
        String to = form.getOrDefault("To", "");
        if (!to.matches("\\+[1-9][0-9]{6,14}") || refused.contains(to)) {
            return json(400, "{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone number.\"}");
        }
        String key = request.getHeader("Idempotency-Key");
        Sent earlier = key == null ? null : byKey.get(key);
        if (earlier != null) {
            return json(201, "{\"sid\":\"" + earlier.sid() + "\",\"status\":\"queued\"}");
        }
        Sent s = new Sent("SM" + UUID.randomUUID().toString().replace("-", ""), to, form.get("Body"), key,
                form.get("StatusCallback"));
        if (key != null) {
            byKey.put(key, s);
        }
        sent.add(s);
        return json(201, "{\"sid\":\"" + s.sid() + "\",\"status\":\"queued\"}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
