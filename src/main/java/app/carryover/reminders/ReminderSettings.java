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
 */
@ConfigurationProperties("carryover.reminders")
record ReminderSettings(
        @DefaultValue("2h") Duration linkLifetime,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("15m") Duration longestWait,
        @DefaultValue("12") int attempts,
        @DefaultValue Sms sms) {

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
