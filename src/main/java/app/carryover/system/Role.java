package app.carryover.system;

/** What a person does in a practice; one account may hold several (a solo practitioner is admin and clinician). */
public enum Role {
    ADMIN, CLINICIAN, CLIENT
}
