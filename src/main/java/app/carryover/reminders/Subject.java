package app.carryover.reminders;

/** What a reminder is about. */
enum Subject {
    /** An assignment's practice, at the client's times (daily doses) or spread over its period. */
    PRACTICE,
    /** A trigger dose ("each time anxiety is 6/10 or more"): a daily check-in instead of a time to practise. */
    CHECK_IN,
    /** A questionnaire due. */
    MEASURE,
    /** Looking back on the practice before the next session (the reflection the review starts from). */
    REFLECTION,
    /** Escalation's nudge after days without practice logged. */
    NUDGE
}
