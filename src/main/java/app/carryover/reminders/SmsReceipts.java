package app.carryover.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.system.Uuids;

/** Acts on what the text-message provider reports, once its signature is checked. */
@Service
class SmsReceipts {

    private final MessageRepository messages;
    private final PreferenceRepository preferences;
    private final Consents consents;
    private final JdbcClient jdbc;
    private final Clock clock;

    SmsReceipts(MessageRepository messages, PreferenceRepository preferences, Consents consents, JdbcClient jdbc,
            Clock clock) {
        this.messages = messages;
        this.preferences = preferences;
        this.consents = consents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A delivery receipt: delivered moves a sent message on; undelivered or failed marks it failed
     * with the provider's error code, which the client and clinician see. Receipts that arrive twice
     * or out of order change nothing more.
     */
    @Transactional
    void status(String providerRef, String status, String errorCode) {
        if (providerRef == null || status == null) {
            return;
        }
        messages.byProvider(SmsChannel.KEY, providerRef).ifPresent(m -> {
            Instant now = clock.instant();
            switch (status.toLowerCase(Locale.ROOT)) {
                case "delivered" -> messages.delivered(m.practiceId(), m.id(), now);
                case "undelivered", "failed" -> {
                    String why = "the provider could not deliver it" + (errorCode == null ? "" : " (error " + errorCode + ")");
                    if (messages.settle(m.practiceId(), m.id(), Set.of(MessageState.SENDING, MessageState.HANDED_OVER,
                            MessageState.SENT), MessageState.FAILED, why, now)) {
                        preferences.setProblem(m.practiceId(), m.clientId(), SmsChannel.KEY, why, now);
                    }
                }
                default -> {
                    // queued, sending, sent: nothing new
                }
            }
        });
    }

    /** A STOP reply: every client with this number stops getting text messages (consent withdrawn). */
    @Transactional
    void stop(String from) {
        if (from == null) {
            return;
        }
        for (UUID[] client : preferences.byPhone(from)) {
            consents.withdrawForClient(client[0], client[1], ConsentKind.SMS_MESSAGES, "a STOP reply by text message");
        }
    }

    /** A refused webhook, kept for the admin without its content; committed even though the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refused(String reason) {
        jdbc.sql("INSERT INTO reminder_webhook_refusal (id, received_at, reason) VALUES (?, ?, ?)")
                .params(Uuids.timeOrdered(), Timestamp.from(clock.instant()), reason).update();
    }
}
