package app.carryover.homework;

/** What got in the way of the practice, coded so that patterns across weeks can be seen. */
public enum Obstacle {
    FORGOT("I forgot", "forgot"), NO_TIME("No time", "no time"), AVOIDANCE("Avoided it / too anxious", "avoidance or too anxious"),
    DID_NOT_UNDERSTAND("Did not understand it", "did not understand"), TOO_HARD("Too hard", "too hard"),
    TOO_EASY("Too easy", "too easy"), CIRCUMSTANCES_CHANGED("Circumstances changed", "circumstances changed"),
    OTHER("Something else", "other");

    private final String label;
    private final String code;

    Obstacle(String label, String code) {
        this.label = label;
        this.code = code;
    }

    /** As the client reads it. */
    public String label() {
        return label;
    }

    /** As the clinician's coded list reads it. */
    public String code() {
        return code;
    }
}
