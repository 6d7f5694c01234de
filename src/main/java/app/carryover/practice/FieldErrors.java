package app.carryover.practice;

import java.util.LinkedHashMap;
import java.util.Map;

import app.carryover.system.ProblemException;

/** A problem's field messages keyed by field, for showing each beside its input. */
final class FieldErrors {

    private FieldErrors() {
    }

    static Map<String, String> of(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        return errors;
    }
}
