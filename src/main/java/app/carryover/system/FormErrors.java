package app.carryover.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A rejected form is shown again with a message beside each field at fault and status 400, so
 * browsers, tests and assistive tools all see that it was not saved.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Puts the field messages in the model as {@code errors} and sets 400; rethrows problems without fields. */
    public static void reject(ProblemException problem, Model model, HttpServletResponse response) {
        if (problem.fields().isEmpty()) {
            throw problem;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fields().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        model.addAttribute("errors", errors);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
}
