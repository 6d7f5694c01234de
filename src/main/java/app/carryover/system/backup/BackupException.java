package app.carryover.system.backup;

/** A backup or restore that could not be done, with a reason a person can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
