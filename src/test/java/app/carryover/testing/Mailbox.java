package app.carryover.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Reads what the application sent through the test SMTP server (GreenMail). */
public final class Mailbox {

    private Mailbox() {
    }

    /** The newest message to the address, waiting up to five seconds for it. */
    public static MimeMessage latestTo(String address) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            MimeMessage[] all = TestEnvironment.get().mail().getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (sentTo(all[i], address)) {
                    return all[i];
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No e-mail reached " + address);
    }

    public static long countTo(String address) {
        return Arrays.stream(TestEnvironment.get().mail().getReceivedMessages()).filter(m -> sentTo(m, address)).count();
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The text of a plain-text message, decoded (accents and all), for asserting what a reader sees. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text.replace("\r\n", "\n") : body(message);
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new AssertionError("unreadable message", e);
        }
    }

    /** The first link in the message whose path starts with the given prefix, as a path with its query. */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s]*)").matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("No " + pathPrefix + " link in: " + body(message));
        }
        return m.group(1);
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }
}
