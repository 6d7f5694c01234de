package app.carryover.worksheets;

/**
 * One problem with an answer: the field's {@code path} ({@code situation},
 * {@code thoughts[1].belief}, or empty for the whole document), a machine-readable
 * {@code reason}, and a plain {@code message} to show next to the field.
 */
public record FieldError(String path, Reason reason, String message) {

    /** Why an answer was refused. */
    public enum Reason {
        REQUIRED,
        WRONG_TYPE,
        OUT_OF_RANGE,
        STEP,
        NOT_AN_OPTION,
        DUPLICATE_CHOICE,
        TOO_LONG,
        INVALID_CHARACTERS,
        TOO_FEW,
        TOO_MANY,
        UNKNOWN_ITEM,
        TOO_LARGE,
        MALFORMED
    }
}
