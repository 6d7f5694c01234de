package app.carryover.reminders;

import java.util.Optional;

import app.carryover.caseload.ConsentKind;

/**
 * A way to reach a client with a reminder message: e-mail and text messages today, Web Push later.
 * Implement it as a bean and the dispatcher uses it for every client who gave its consent and has
 * an address on it. The dispatcher owns exactly-once: it stores each message, claims it before
 * calling {@link #send}, retries with backoff on {@link Delivery.Outcome#TRY_AGAIN}, stops on
 * {@link Delivery.Outcome#REFUSED}, and after a crash calls {@code send} again for a message whose
 * outcome it never stored. So a channel must make a repeated send of the same {@link OutgoingMessage#id()}
 * harmless where its provider allows (an idempotency key, a fixed Message-ID), and report, through
 * {@code handingOver}, the last moment before the provider may hold the message for good.
 *
 * <p>The calendar feed is not a channel in this sense: calendar apps fetch it, nothing is sent.
 */
public interface ReminderChannel {

    /** Stable name stored with each message and used in links ("email", "sms"); lower-case letters only. */
    String key();

    /** Said to people: "e-mail", "text message". */
    String label();

    /** The consent that opts a client in to this channel (and that unsubscribing withdraws). */
    ConsentKind consent();

    /** False when this installation has not configured the channel (no SMS provider, say). */
    boolean available();

    /** The client's address on this channel, when they have a usable one. */
    Optional<String> addressOf(Recipient recipient);

    /**
     * Sends the message once.
     *
     * @param handingOver to run just before the step after which the provider may have the message
     *                    even if this node dies before hearing back (the SMTP end of data); the
     *                    dispatcher records it, and does not send again a message that got that far.
     *                    A channel whose provider deduplicates by message id need not call it.
     * @return the outcome; never throws for a provider's refusal or outage
     */
    Delivery send(OutgoingMessage message, Runnable handingOver);
}
