package app.carryover.reminders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.interaso.webpush.WebPush;

import app.carryover.caseload.ConsentKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reminders as notifications on the client's phone (Web Push: RFC 8030 delivery, RFC 8291 {@code aes128gcm}
 * payload encryption, RFC 8292 VAPID), on every device the client turned them on for.
 *
 * <p><b>Library decision.</b> The encryption and the VAPID token come from {@code com.interaso:webpush} 1.3.0
 * (Maven Central, maintained, MIT, Kotlin compiled for Java 11, needs only kotlin-stdlib): its {@link WebPush}
 * builds the encrypted body ({@code getBody}) and the headers ({@code getHeaders}: {@code Authorization: vapid
 * t=…, k=…}, {@code Content-Encoding: aes128gcm}, {@code TTL}, {@code Topic}, {@code Urgency}) without sending
 * anything, so the request itself goes out on the JDK's HTTP client here and every status code is ours to read
 * (its own {@code WebPushService} would hide 404/410 behind a state and throw for the rest). Not chosen: Vaadin's
 * flow-webpush (needs Java 21), hand-written RFC 8291 on the JDK (possible, but more code of ours to get wrong).
 * One thing to know: the library dates the token's {@code exp} from the system clock, not our {@code Clock};
 * that is right here, as the push service checks it against real time.
 *
 * <p>Exactly once, as far as Web Push allows: each device remembers the last message it took, so a retry after
 * some devices failed sends only to the others; the message id is the {@code Topic} (a push service replaces a
 * copy it still holds) and the notification's {@code tag} (a phone replaces one it shows). A device whose push
 * service answers 404 or 410 is dropped. The payload is what the client would see on a locked screen: no
 * clinical detail unless they opted in to titles (the same words as the other channels, {@link MessageWriter}).
 */
@Component
class PushChannel implements ReminderChannel {

    static final String KEY = "push";

    private final PushSubscriptions subscriptions;
    private final PushKeys keys;
    private final ReminderSettings.Push settings;
    private final JsonMapper json;
    private final String subject;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile WebPush webPush;

    PushChannel(PushSubscriptions subscriptions, PushKeys keys, ReminderSettings settings, JsonMapper json,
            @Value("${carryover.base-url}") String baseUrl, @Value("${carryover.mail.from}") String mailFrom) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.settings = settings.push();
        this.json = json;
        this.subject = subject(this.settings.subject(), baseUrl, mailFrom);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "phone notification";
    }

    @Override
    public ConsentKind consent() {
        return ConsentKind.PUSH_MESSAGES;
    }

    @Override
    public boolean available() {
        return true;
    }

    /** "2 devices: Chrome on Android, Firefox on Linux" while the client has any. */
    @Override
    public Optional<String> addressOf(Recipient recipient) {
        List<PushSubscriptions.Device> devices = subscriptions.devicesOf(recipient.practiceId(), recipient.clientId());
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", devices.stream().map(PushSubscriptions.Device::device).distinct().toList());
        String address = (devices.size() == 1 ? "1 device: " : devices.size() + " devices: ") + names;
        return Optional.of(address.length() > 300 ? address.substring(0, 300) + "…" : address);
    }

    @Override
    public Delivery send(OutgoingMessage message, Runnable handingOver) {
        Recipient to = message.recipient();
        List<PushSubscriptions.Device> devices = subscriptions.devicesOf(to.practiceId(), to.clientId());
        if (devices.isEmpty()) {
            return Delivery.refused("no phone has notifications turned on any more");
        }
        byte[] payload = payload(message);
        int took = 0;
        int already = 0;
        List<String> later = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (PushSubscriptions.Device device : devices) {
            if (message.id().equals(device.lastMessageId())) {
                already++;
                continue;
            }
            Optional<PushSubscriptions.Subscription> s = subscriptions.subscriptionOf(device);
            if (s.isEmpty()) {
                continue;
            }
            int status;
            try {
                status = post(s.get(), message.id(), payload);
            } catch (IOException e) {
                later.add(device.device() + ": the push service could not be reached (" + e.getClass().getSimpleName() + ")");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                later.add(device.device() + ": interrupted while sending");
                continue;
            }
            if (status / 100 == 2) {
                subscriptions.delivered(device, message.id());
                took++;
            } else if (status == 404 || status == 410) {
                subscriptions.ended(device, "the push service answered " + status + " (" + device.service() + ")");
                refused.add(device.device() + ": its subscription has ended (HTTP " + status + "), so it was removed");
            } else if (status == 429 || status >= 500) {
                later.add(device.device() + ": the push service answered HTTP " + status);
            } else {
                refused.add(device.device() + ": the push service refused it (HTTP " + status + ")");
            }
        }
        if (!later.isEmpty()) {
            return Delivery.tryAgain(String.join("; ", later)
                    + (took + already > 0 ? " (" + (took + already) + " other device(s) have it)" : ""));
        }
        if (took + already > 0) {
            return Delivery.sent(took + already == 1 ? "1 device" : (took + already) + " devices");
        }
        return Delivery.refused(refused.isEmpty() ? "no phone has notifications turned on any more" : String.join("; ", refused));
    }

    /** One encrypted push to one device; the push service's status code. */
    private int post(PushSubscriptions.Subscription s, UUID messageId, byte[] payload) throws IOException, InterruptedException {
        WebPush push = webPush();
        byte[] body = push.getBody(payload, s.p256dh(), s.auth());
        Map<String, String> headers = push.getHeaders(s.endpoint(), (int) settings.ttl().toSeconds(), topic(messageId),
                WebPush.Urgency.Normal);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.endpoint())).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * What the service worker shows ({@code client/service-worker.js}, its {@code push} handler): the title, the
     * message's one line, a tag so a repeated push replaces the notification, and where a tap leads (Today).
     */
    byte[] payload(OutgoingMessage message) {
        ObjectNode node = json.createObjectNode();
        node.put("title", "Carryover");
        node.put("body", message.notice());
        node.put("tag", "reminder-" + message.id());
        node.put("url", "/today");
        return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The message id as a Topic (at most 32 characters of the URL-safe Base64 alphabet). */
    static String topic(UUID messageId) {
        return messageId.toString().replace("-", "");
    }

    private WebPush webPush() {
        WebPush w = webPush;
        if (w == null) {
            w = new WebPush(subject, keys.keys());
            webPush = w;
        }
        return w;
    }

    static String subject(String configured, String baseUrl, String mailFrom) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (baseUrl != null && baseUrl.startsWith("https://")) {
            return baseUrl;
        }
        String from = mailFrom == null ? "" : mailFrom.strip();
        int lt = from.indexOf('<');
        int gt = from.indexOf('>');
        String address = lt >= 0 && gt > lt ? from.substring(lt + 1, gt) : from;
        return "mailto:" + (address.isBlank() ? "no-reply@localhost" : address);
    }
}
