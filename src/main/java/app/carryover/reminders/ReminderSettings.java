package app.carryover.reminders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reminders are sent ({@code carryover.reminders.*}).
 *
 * @param linkLifetime  how long a message's Open link signs the client in (once)
 * @param firstRetry    the wait before the first retry; each further wait doubles, up to {@code longestWait}
 * @param longestWait   the longest wait between two attempts
 * @param attempts      attempts before a message is dead (the admin can send it again)
 * @param sms           the text-message provider (a Twilio-style HTTP API); off while its base URL is blank
 * @param push          notifications on the client's phone (Web Push)
 */
@ConfigurationProperties("carryover.reminders")
record ReminderSettings(
        @DefaultValue("2h") Duration linkLifetime,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("15m") Duration longestWait,
        @DefaultValue("12") int attempts,
        @DefaultValue Sms sms,
        @DefaultValue Push push) {

    /**
     * @param baseUrl    the API's address, e.g. {@code https://api.twilio.com}
     * @param accountSid the account (also the user name of HTTP basic authentication)
     * @param authToken  the secret that signs requests both ways (never logged)
     * @param from       the sending number in E.164, or a messaging service id ("MG…")
     */
    record Sms(@DefaultValue("") String baseUrl, @DefaultValue("") String accountSid, @DefaultValue("") String authToken,
            @DefaultValue("") String from) {

        boolean configured() {
            return !baseUrl.isBlank() && !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
        }

        @Override
        public String toString() {
            return "Sms[" + baseUrl + ", " + accountSid + ", from " + from + "]";
        }
    }

    /**
     * @param subject          the VAPID contact (RFC 8292 {@code sub}): {@code mailto:} or {@code https:}; blank = the
     *                         base URL when it is https, else {@code mailto:} the sender address of e-mail
     * @param services         push services a subscription may point at (host or parent domain), always over HTTPS
     * @param insecureServices hosts accepted over plain HTTP: only a local stand-in in tests; empty in production
     * @param ttl              how long a push service keeps a reminder for a phone that is off (the TTL header)
     */
    record Push(@DefaultValue("") String subject,
            @DefaultValue("fcm.googleapis.com,android.googleapis.com,push.services.mozilla.com,push.apple.com,notify.windows.com")
            java.util.List<String> services,
            @DefaultValue("") java.util.List<String> insecureServices,
            @DefaultValue("6h") Duration ttl) {
    }

    ReminderSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("carryover.reminders.attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code next} (2, 3, …). */
    Duration waitBefore(int next) {
        Duration wait = firstRetry;
        for (int i = 2; i < next && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
