package app.carryover.transcripts;

/**
 * One turn of a session: its number (for text transcripts the 1-based line number, counting every
 * line; for captions and chat the 1-based turn index), who spoke, the label as written, the text,
 * and the id the input gave it, if any.
 */
public record Turn(int number, Speaker speaker, String label, String text, String id) {

    public boolean byTherapist() {
        return speaker == Speaker.THERAPIST;
    }
}
