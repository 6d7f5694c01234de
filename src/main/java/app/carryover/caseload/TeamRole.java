package app.carryover.caseload;

/** A clinician's role on one client's care team. */
public enum TeamRole {
    /** Leads the work; reads and changes the record. */
    PRIMARY,
    /** Shares the work; reads and changes the record. */
    CO_THERAPIST,
    /** Oversees; reads only. */
    SUPERVISOR;

    public boolean canChange() {
        return this != SUPERVISOR;
    }
}
