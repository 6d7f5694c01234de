package app.carryover.sessions;

/** What became of an appointment. */
public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED, NO_SHOW;

    /** Cancelled and no-show sessions did not happen: homework due at them moves to the next one. */
    public boolean happenedOrPlanned() {
        return this == SCHEDULED || this == HELD;
    }

    public String label() {
        return this == NO_SHOW ? "no-show" : name().toLowerCase();
    }
}
