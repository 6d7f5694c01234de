package app.carryover.reminders;

/** Where a message stands on its way to the client. */
enum MessageState {
    /** Stored with its reminders, not yet tried. */
    QUEUED,
    /** A node is sending it (claimed before the provider is called). */
    SENDING,
    /** The e-mail's content went to the server; only its end-of-data confirmation was outstanding. */
    HANDED_OVER,
    /** The provider took it. */
    SENT,
    /** The provider reported it delivered (text messages). */
    DELIVERED,
    /** The provider could not be reached; tried again with backoff. */
    RETRYING,
    /** Refused for good (an address or number that does not exist, or delivery failed). */
    FAILED,
    /** Gave up after every attempt; the admin sees it and may try again. */
    DEAD,
    /** No longer wanted before it went (consent withdrawn, discharged, practice already logged). */
    CANCELLED,
    /** Still undelivered when its day ended. */
    EXPIRED;

    boolean reached() {
        return this == SENT || this == DELIVERED;
    }
}
