package app.carryover.worksheets;

import java.util.List;

/**
 * The outcome of checking answers: the field errors (in document order), and when there are
 * none, the cleaned answers to store — hidden items, empty values and empty group rows left out.
 */
public final class AnswerCheck {

    private final List<FieldError> errors;
    private final Answers accepted;

    AnswerCheck(List<FieldError> errors, Answers accepted) {
        this.errors = List.copyOf(errors);
        this.accepted = accepted;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The errors for one field path, e.g. {@code thoughts[1].belief}. */
    public List<FieldError> errorsAt(String path) {
        return errors.stream().filter(e -> e.path().equals(path)).toList();
    }

    /**
     * The cleaned answers to store.
     *
     * @throws IllegalStateException when there were errors: nothing half-checked is stored
     */
    public Answers accepted() {
        if (accepted == null) {
            throw new IllegalStateException("answers with errors are not accepted: " + errors);
        }
        return accepted;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + accepted : "invalid " + errors;
    }
}
