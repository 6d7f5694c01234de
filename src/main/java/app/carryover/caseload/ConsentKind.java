package app.carryover.caseload;

/** Each thing a client agrees to on its own, and may withdraw on its own. */
public enum ConsentKind {
    /** The practice's terms of use and data processing (versioned text); needed to use Carryover at all. */
    TERMS("Terms of use and data processing"),
    /** Reminders and messages by e-mail. */
    EMAIL_MESSAGES("Reminders and messages by e-mail"),
    /** Reminders by text message (SMS), to the number the client gives in their reminder settings. */
    SMS_MESSAGES("Reminders by text message"),
    /** Analysing recordings' transcripts of my sessions to find the homework agreed. */
    TRANSCRIPT_ANALYSIS("Analysing transcripts of my sessions");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
