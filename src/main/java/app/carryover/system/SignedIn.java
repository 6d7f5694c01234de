package app.carryover.system;

/** Implemented by the security principal, so handlers and services can ask for the {@link Actor}. */
public interface SignedIn {

    /** The authority of a person who has passed every factor their account needs. */
    String FULLY_SIGNED_IN = "SIGNED_IN";

    Actor actor();
}
