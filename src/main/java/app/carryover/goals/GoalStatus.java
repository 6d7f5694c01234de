package app.carryover.goals;

/** Where a goal stands. */
public enum GoalStatus {
    ACTIVE, ACHIEVED, REVISED, DROPPED;

    public String label() {
        return name().toLowerCase();
    }
}
