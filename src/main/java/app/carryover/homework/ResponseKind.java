package app.carryover.homework;

/** What a client says about an assignment they were given. */
public enum ResponseKind {
    GOT_IT("Got it", "Got it"),
    QUESTION("I have a question", "Asked"),
    TOO_HARD("This seems too hard", "Said it seems too hard"),
    TOO_EASY("This seems too easy", "Said it seems too easy"),
    CHANGE("I'd change…", "Would change");

    private final String label;
    private final String said;

    ResponseKind(String label, String said) {
        this.label = label;
        this.said = said;
    }

    /** The words on the client's button. */
    public String label() {
        return label;
    }

    /** How the clinician's pages report it ("Asked", "Said it seems too hard"). */
    public String said() {
        return said;
    }

    /** Whether the client's own words are needed (a question or a change has to say what). */
    public boolean needsWords() {
        return this == QUESTION || this == CHANGE;
    }

    /** Whether the care team owes an answer ("Got it" needs none). */
    public boolean needsReply() {
        return this != GOT_IT;
    }
}
