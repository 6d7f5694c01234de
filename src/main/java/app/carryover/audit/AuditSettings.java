package app.carryover.audit;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit's settings ({@code carryover.audit.*}, or {@code CARRYOVER_AUDIT_*} in the environment).
 *
 * @param key       32 bytes in Base64 that key the chain ({@code CARRYOVER_AUDIT_KEY}); blank: derived
 *                  from the secret key ({@code CARRYOVER_SECRET_KEY} or its file), which is kept
 *                  outside the database too. Every node needs the same one, and verification needs it.
 * @param webhook   where each seal's head is also sent (POST, JSON), so a copy lives where the
 *                  database cannot rewrite it; blank: the log only
 * @param sealEvery how often the sealer looks for new rows (background work runs when a node polls, so
 *                  rows are sealed within about this plus the scheduler's polling interval)
 * @param sealBatch the most rows one sealing run takes (more wait for the next run)
 */
@ConfigurationProperties("carryover.audit")
record AuditSettings(String key, URI webhook, @DefaultValue("2s") Duration sealEvery,
        @DefaultValue("50000") int sealBatch) {

    AuditSettings {
        if (sealBatch < 1) {
            throw new IllegalArgumentException("carryover.audit.seal-batch must be at least 1 (was " + sealBatch + ")");
        }
        if (webhook != null && webhook.toString().isBlank()) {
            webhook = null;
        }
    }
}
