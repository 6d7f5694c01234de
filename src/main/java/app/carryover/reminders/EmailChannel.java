package app.carryover.reminders;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import app.carryover.caseload.ConsentKind;
import app.carryover.system.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reminders by e-mail over SMTP: plain text, with {@code List-Unsubscribe} and one-click
 * {@code List-Unsubscribe-Post} (RFC 8058) so mail apps offer an unsubscribe button, and a Message-ID
 * made from the message id, so a copy sent again after a crash is recognisably the same message.
 * The dispatcher learns just before the end of data that the message is being handed over.
 */
@Component
class EmailChannel implements ReminderChannel {

    static final String KEY = "email";

    private final Mailer mailer;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "e-mail";
    }

    @Override
    public ConsentKind consent() {
        return ConsentKind.EMAIL_MESSAGES;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.ofNullable(recipient.email()).filter(a -> !a.isBlank());
    }

    @Override
    public Delivery send(OutgoingMessage message, Runnable handingOver) {
        InternetAddress to;
        try {
            to = new InternetAddress(message.address(), true);
        } catch (AddressException e) {
            return Delivery.refused("not a valid e-mail address");
        }
        String messageId = "<" + message.id() + "@reminders.carryover>";
        try {
            MimeMessage mail = new HandOverMessage(mailer.session(), messageId, handingOver);
            mail.setFrom(new InternetAddress(mailer.from()));
            mail.setRecipient(Message.RecipientType.TO, to);
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.text(), "UTF-8");
            mail.setHeader("List-Unsubscribe", "<" + message.unsubscribe() + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mail.setHeader("Auto-Submitted", "auto-generated");
            mailer.send(mail);
            return Delivery.sent(messageId);
        } catch (MessagingException e) {
            return Delivery.tryAgain("could not build the message: " + e.getMessage());
        } catch (MailException e) {
            return refusedForGood(e) ? Delivery.refused("the mail server refused the address: " + rootMessage(e))
                    : Delivery.tryAgain("the mail server could not take it: " + rootMessage(e));
        }
    }

    /** A 5xx answer about the recipient is final; anything else (no connection, 4xx, login) may pass later. */
    private static boolean refusedForGood(MailException e) {
        boolean invalidAddress = false;
        for (Throwable t : chain(e)) {
            // The SMTP client's address refusal carries the server's reply ("550 5.1.1 No such user"; 4xx is temporary).
            if (t instanceof SendFailedException failed && failed.getMessage() != null
                    && failed.getMessage().strip().matches("^[45][0-9][0-9][ -].*")) {
                return failed.getMessage().strip().startsWith("5");
            }
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                invalidAddress = true;
            }
        }
        return invalidAddress;
    }

    private static String rootMessage(MailException e) {
        List<Throwable> all = chain(e);
        Throwable root = all.get(all.size() - 1);
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.strip().replaceAll("\\s+", " ");
    }

    /** The exception, its causes, JavaMail's chained exceptions and Spring's per-message ones. */
    private static List<Throwable> chain(MailException e) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        if (e instanceof MailSendException send) {
            todo.addAll(List.of(send.getMessageExceptions()));
        }
        while (!todo.isEmpty() && all.size() < 20) {
            Throwable t = todo.poll();
            if (t == null || all.contains(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return all;
    }

    /** A message whose Message-ID is ours and which reports the moment its content has been written. */
    private static final class HandOverMessage extends MimeMessage {
        private final String messageId;
        private final Runnable handingOver;

        HandOverMessage(Session session, String messageId, Runnable handingOver) {
            super(session);
            this.messageId = messageId;
            this.handingOver = handingOver;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            super.writeTo(out, ignoreList);
            // The transport writes the terminating "." next: from here the server may hold the message.
            handingOver.run();
        }
    }
}
