package app.carryover.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through the configured SMTP server. Only on the bundled database (a trial or
 * solo install) with no SMTP configured are messages written to the log instead, clearly
 * marked, so the links in them can still be followed; any other start without SMTP fails.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, ObjectProvider<MailProperties> smtp, ServerSettings settings) {
        // spring.mail.host is set from CARRYOVER_SMTP_HOST, so it is present (and may be blank) on every start.
        MailProperties mail = smtp.getIfAvailable();
        boolean configured = mail != null && mail.getHost() != null && !mail.getHost().isBlank();
        this.sender = configured ? sender.getIfAvailable() : null;
        this.from = settings.mail().from();
        if (this.sender == null && !settings.database().bundled()) {
            throw new IllegalStateException("No SMTP server is configured. Set CARRYOVER_SMTP_HOST (and "
                    + "CARRYOVER_SMTP_USERNAME, CARRYOVER_SMTP_PASSWORD, CARRYOVER_SMTP_FROM): invitations and "
                    + "sign-in links are sent by e-mail.");
        }
    }

    /** True when mail really leaves the machine. */
    public boolean sendsMail() {
        return sender != null;
    }

    /** The sender's address ("Carryover <no-reply@…>"). */
    public String from() {
        return from;
    }

    /** The mail session to build a {@link MimeMessage} in, for messages that need their own headers. */
    public Session session() {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    /**
     * Sends a message built in {@link #session()} (or logs it, as {@link #send(String, String, String)} does).
     *
     * @throws MailException when the SMTP server cannot be reached or refuses it
     */
    public void send(MimeMessage message) {
        if (sender == null) {
            try {
                log.warn("\n======== E-MAIL NOT SENT: no SMTP server configured (bundled database) ========\n"
                        + "To:      {}\nSubject: {}\n\n{}\n===============================================================================",
                        Arrays.toString(message.getAllRecipients()), message.getSubject(), message.getContent());
            } catch (MessagingException | IOException e) {
                log.warn("E-mail not sent (no SMTP server configured) and could not be shown: {}", e.getMessage());
            }
            return;
        }
        sender.send(message);
    }

    /**
     * Sends a plain-text message.
     *
     * @throws MailException when the SMTP server refuses it
     */
    public void send(String to, String subject, String body) {
        if (sender == null) {
            log.warn("""

                    ======== E-MAIL NOT SENT: no SMTP server configured (bundled database) ========
                    To:      {}
                    Subject: {}

                    {}
                    ===============================================================================""",
                    to, subject, body);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
