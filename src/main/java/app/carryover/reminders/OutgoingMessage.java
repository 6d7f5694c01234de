package app.carryover.reminders;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One reminder message as a channel sends it. It carries no clinical detail unless the client asked
 * for titles. Links are absolute and hold a secret: channels must never log them.
 *
 * @param id          the message's id: the idempotency key toward a provider, the e-mail's Message-ID
 * @param subject     a short heading ("Practice planned for today")
 * @param text        the full text with its links, for e-mail
 * @param shortText   one line with the message page's link, for text messages (at most 300 characters)
 * @param pageLink    the message's page: what is planned and every action
 * @param unsubscribe one click stops this channel (e-mail's List-Unsubscribe)
 */
public record OutgoingMessage(UUID id, String channel, String address, LocalDate day, String subject, String text,
        String shortText, String pageLink, String unsubscribe) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + id + " on " + channel + "]";
    }
}
