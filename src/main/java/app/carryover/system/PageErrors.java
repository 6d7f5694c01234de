package app.carryover.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Pages show a plain message for a caller's mistake and a calm one for ours. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, jakarta.servlet.http.HttpServletResponse response) {
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
                    Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        return page(e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", "This page does not exist.");
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("heading", title);
        view.addObject("message", message);
        // Error pages keep the navigation (and "Sign out") of whoever is signed in.
        view.addObject("actor", AccessInterceptor.currentActor());
        view.addObject("errors", java.util.Map.of());
        return view;
    }

    static void logUnexpected(Throwable e) {
        log.error("Unexpected error on a page", e);
    }
}
