package app.carryover.homework;

/** What got in the way of the practice, coded so that patterns across weeks can be seen. */
public enum Obstacle {
    FORGOT("I forgot"), NO_TIME("No time"), AVOIDANCE("Avoided it / too anxious"), DID_NOT_UNDERSTAND("Did not understand it"),
    TOO_HARD("Too hard"), TOO_EASY("Too easy"), CIRCUMSTANCES_CHANGED("Circumstances changed"), OTHER("Something else");

    private final String label;

    Obstacle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
