package app.carryover.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

import app.carryover.system.ProblemException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rejected form is shown again with a message beside each field at fault, the text as typed, and the
 * problem's status (400, or 429 for too many attempts), so browsers, tests and assistive tools all see
 * that it was not saved. Two ways, one result: a handler that catches the problem shows its form in place
 * ({@link #reject}); a problem no handler caught goes back to the page the form was on (its
 * {@code _form} field, see {@link FormOrigins}) with the same {@code errors} and {@code typed}
 * ({@link #showAgain}, from {@link PageErrors}). Either way nothing is half-written: the service
 * refused before it stored anything, or its transaction was rolled back.
 */
public final class FormErrors {

    /** Set (as a flash attribute) on a page a refused form was sent back to. */
    static final String SHOWN_AGAIN = "shownAgain";

    private FormErrors() {
    }

    /** One line of the summary above a page a refused form came back to: "Notes must be at most 20,000 characters." */
    public static String summaryLine(String name, String message) {
        String line = sentence(fieldLabel(name), message);
        return line == null || line.endsWith(".") ? line : line + ".";
    }

    /** A field's posted name as words for the summary of a refused form: "gotInTheWay" → "Got in the way". */
    public static String fieldLabel(String name) {
        String spaced = name.replaceAll("\\[\\d+\\]", "").replace('.', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT).strip();
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * Puts the field messages in the model as {@code errors}, what was typed as {@code typed}, and
     * sets the problem's status (400, or 429 for too many attempts); rethrows problems without fields.
     */
    public static void reject(ProblemException problem, Model model, HttpServletResponse response) {
        if (problem.fields().isEmpty()) {
            throw problem;
        }
        model.addAttribute("errors", messages(problem.fields()));
        model.addAttribute("typed", typedInThisRequest());
        response.setStatus(problem.status().value());
    }

    /**
     * The message shown at a field: a whole sentence as it is ("Tick the box to agree."), a phrase
     * after the field's name ("Note must be at most 2,000 characters").
     */
    public static String sentence(String label, String message) {
        if (message == null || message.isEmpty() || Character.isUpperCase(message.charAt(0))) {
            return message;
        }
        // "A note for your clinician (optional)" names the field as "A note for your clinician"
        return label.replaceAll("\\s*\\([^)]*\\)\\s*$", "") + " " + message;
    }

    static Map<String, String> messages(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        // In the page's language: a Spanish page says the service's refusal in Spanish (Texts, "said.*").
        problems.forEach(f -> errors.merge(f.field(), Texts.translateForPage(f.message()), (a, b) -> a + "; " + b));
        return errors;
    }

    /**
     * A posted page form refused where its handler did not show it again: back to the page it was
     * on, with the messages and the typed text for one showing (a flash, kept in the session until
     * that page is shown). Empty for anything else (an htmx request, a form without its origin).
     */
    static Optional<ModelAndView> showAgain(List<FieldProblem> problems, HttpServletRequest request) {
        if (problems.isEmpty() || !"POST".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
            return Optional.empty();
        }
        String origin = request.getParameter(FormOrigins.FIELD);
        if (!FormOrigins.safe(origin)) {
            return Optional.empty();
        }
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errors", new LinkedHashMap<>(messages(problems)));
        flash.put("typed", TypedForm.of(request));
        // The layout says "Not saved" above any page this comes back to, with the text as typed, so a
        // page that shows no message at its fields still never looks as if it had saved.
        flash.put(SHOWN_AGAIN, Boolean.TRUE);
        RedirectView back = new RedirectView(origin, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return Optional.of(new ModelAndView(back));
    }

    private static TypedForm typedInThisRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? TypedForm.of(attributes.getRequest()) : TypedForm.none();
    }
}
