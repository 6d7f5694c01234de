package app.carryover.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A rejected form is shown again with a message beside each field at fault and the problem's status
 * (400, or 429 for too many attempts), so browsers, tests and assistive tools all see that it was not saved.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Puts the field messages in the model as {@code errors} and sets the status; rethrows problems without fields. */
    public static void reject(ProblemException problem, Model model, HttpServletResponse response) {
        if (problem.fields().isEmpty()) {
            throw problem;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problem.fields().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        model.addAttribute("errors", errors);
        response.setStatus(problem.status().value());
    }
}
