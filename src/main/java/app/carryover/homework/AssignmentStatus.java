package app.carryover.homework;

/** Where an assignment stands. Completed and discontinued ones take no more practice. */
public enum AssignmentStatus {
    ACTIVE, PAUSED, COMPLETED, DISCONTINUED;

    public boolean open() {
        return this == ACTIVE || this == PAUSED;
    }

    public String label() {
        return name().toLowerCase();
    }
}
