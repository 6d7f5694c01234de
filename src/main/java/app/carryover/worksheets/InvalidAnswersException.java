package app.carryover.worksheets;

/** An answers document that cannot be read at all: not JSON, not an object, or too large. */
public class InvalidAnswersException extends IllegalArgumentException {

    private final transient FieldError error;

    InvalidAnswersException(FieldError error) {
        super(error.message());
        this.error = error;
    }

    public FieldError error() {
        return error;
    }
}
