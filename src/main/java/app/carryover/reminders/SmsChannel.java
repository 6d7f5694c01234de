package app.carryover.reminders;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ConsentKind;
import app.carryover.system.ServerSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders by text message through a Twilio-style HTTP API ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json} with basic authentication, delivery receipts posted to
 * {@code /hooks/sms/status}). Every request carries the message id as {@code Idempotency-Key}, so a
 * provider that honours it (the test stand-in does) sends a message once however often we ask after
 * a crash. Twilio's own message API does not document such a key: with it, a node dying between
 * the request and storing its answer can send that one text twice.
 */
@Component
class SmsChannel implements ReminderChannel {

    static final String KEY = "sms";

    private final ReminderSettings.Sms sms;
    private final JsonMapper json;
    private final String statusCallback;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SmsChannel(ReminderSettings settings, JsonMapper json, ServerSettings server) {
        this.sms = settings.sms();
        this.json = json;
        this.statusCallback = server.baseUrl() + SmsWebhooks.STATUS;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "text message";
    }

    @Override
    public ConsentKind consent() {
        return ConsentKind.SMS_MESSAGES;
    }

    @Override
    public boolean available() {
        return sms.configured();
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.ofNullable(recipient.phone());
    }

    @Override
    public Delivery send(OutgoingMessage message, Runnable handingOver) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.address());
        form.put(sms.from().startsWith("MG") ? "MessagingServiceSid" : "From", sms.from());
        form.put("Body", message.shortText());
        form.put("StatusCallback", statusCallback);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(sms.baseUrl()) + "/2010-04-01/Accounts/"
                        + encode(sms.accountSid()) + "/Messages.json"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (sms.accountSid() + ":" + sms.authToken()).getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", message.id().toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Delivery.tryAgain("the text-message provider could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.tryAgain("interrupted while sending");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode body = read(response.body());
            String sid = body == null || body.get("sid") == null ? null : body.get("sid").asString();
            return Delivery.sent(sid);
        }
        String why = problem(response.body(), status);
        if (status == 429 || status >= 500 || status == 401 || status == 403) {
            return Delivery.tryAgain("the text-message provider answered " + why);
        }
        return Delivery.refused("the text-message provider refused it: " + why);
    }

    /** "21211 The 'To' number +1555 is not a valid phone number (HTTP 400)", without our credentials. */
    private String problem(String body, int status) {
        JsonNode node = read(body);
        if (node == null) {
            return "HTTP " + status;
        }
        String code = node.get("code") == null ? "" : node.get("code").asString() + " ";
        String text = node.get("message") == null ? "" : node.get("message").asString();
        return (code + text).strip() + " (HTTP " + status + ")";
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
