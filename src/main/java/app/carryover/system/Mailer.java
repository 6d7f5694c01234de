package app.carryover.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${carryover.mail.from}") String from,
            @Value("${spring.mail.host:}") String host, @Value("${carryover.database.bundled:false}") boolean bundled) {
        this.sender = host.isBlank() ? null : sender.getIfAvailable();
        this.from = from;
        if (this.sender == null && !bundled) {
            throw new IllegalStateException("No SMTP server is configured. Set CARRYOVER_SMTP_HOST (and "
                    + "CARRYOVER_SMTP_USERNAME, CARRYOVER_SMTP_PASSWORD, CARRYOVER_SMTP_FROM): invitations and "
                    + "sign-in links are sent by e-mail.");
        }
    }

    /** True when mail really leaves the machine. */
    public boolean sendsMail() {
        return sender != null;
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
