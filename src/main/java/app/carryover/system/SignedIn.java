package app.carryover.system;

/** Implemented by the security principal, so handlers and services can ask for the {@link Actor}. */
public interface SignedIn {
    Actor actor();
}
