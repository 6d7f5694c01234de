package app.carryover.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each seal's head where the database cannot rewrite it: always to the log (logger
 * {@code carryover.audit.seals}, which an operator can send to its own sink), and, when
 * {@code CARRYOVER_AUDIT_WEBHOOK} is set, as a JSON POST. A head anchors everything before it, so a
 * lost post is covered by the practice's next one; a failed post is logged with the heads it carried.
 */
@Component
class SealPublisher {

    static final Logger seals = LoggerFactory.getLogger("carryover.audit.seals");
    private static final Logger log = LoggerFactory.getLogger(SealPublisher.class);

    private final URI webhook;
    private final JsonMapper json;
    private final HttpClient http;

    @Autowired
    SealPublisher(AuditSettings settings, JsonMapper json) {
        this(settings.webhook(), json);
    }

    SealPublisher(URI webhook, JsonMapper json) {
        this.webhook = webhook;
        this.json = json;
        this.http = webhook == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    void publish(List<AuditSealer.Seal> made) {
        if (made.isEmpty()) {
            return;
        }
        for (AuditSealer.Seal s : made) {
            seals.info("audit seal practice={} seal={} rows={} seq={}..{} head={} key={} at={}", s.practiceId(),
                    s.sealNo(), s.rows(), s.firstSeq(), s.lastSeq(), hex(s.head()), s.keyId(), s.sealedAt());
        }
        if (webhook != null) {
            post(made);
        }
    }

    private void post(List<AuditSealer.Seal> made) {
        List<Map<String, Object>> body = made.stream().map(SealPublisher::asJson).toList();
        String text = json.writeValueAsString(Map.of("seals", body));
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("The audit webhook answered {} to {} seal heads (they are in the log above)",
                        response.statusCode(), made.size());
            }
        } catch (IOException e) {
            log.warn("Could not send {} seal heads to the audit webhook: {} (they are in the log above)", made.size(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> asJson(AuditSealer.Seal s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("practice", s.practiceId().toString());
        m.put("seal", s.sealNo());
        m.put("head", hex(s.head()));
        m.put("rows", s.rows());
        m.put("firstSeq", s.firstSeq());
        m.put("lastSeq", s.lastSeq());
        m.put("key", s.keyId());
        m.put("sealedAt", s.sealedAt().toString());
        return m;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
