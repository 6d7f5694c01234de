package app.carryover.reminders;

/**
 * What a channel reports after one send.
 *
 * @param providerRef the provider's id for the message (an SMS id), for its delivery receipts; may be null
 * @param detail      for TRY_AGAIN and REFUSED: what went wrong, in words an admin understands (no secrets)
 */
public record Delivery(Outcome outcome, String providerRef, String detail) {

    public enum Outcome {
        /** The provider took it. */
        SENT,
        /** The provider could not be reached or asked us to wait: send again later. */
        TRY_AGAIN,
        /** The provider refused it for good (an address that does not exist): do not send again. */
        REFUSED
    }

    public static Delivery sent(String providerRef) {
        return new Delivery(Outcome.SENT, providerRef, null);
    }

    public static Delivery tryAgain(String detail) {
        return new Delivery(Outcome.TRY_AGAIN, null, shorten(detail));
    }

    public static Delivery refused(String detail) {
        return new Delivery(Outcome.REFUSED, null, shorten(detail));
    }

    private static String shorten(String detail) {
        String d = detail == null ? "unknown error" : detail.strip();
        return d.length() > 480 ? d.substring(0, 480) + "…" : d;
    }
}
