package app.carryover.system;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import app.carryover.system.ProblemException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Pages show a plain message for a caller's mistake and a calm one for ours. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** A refused form goes back to its page with the messages and the typed text; anything else is a plain page. */
    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        return FormErrors.showAgain(e.fields(), request).orElseGet(() -> page(e.status(), e.title(), e.getMessage()));
    }

    /** A form field that is not a date, number or choice is refused at its field; a wrong address is not found. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(RequestParam.class)) {
            return field(new FieldProblem(e.getName(), "is not valid"), request);
        }
        return page(HttpStatus.NOT_FOUND, "Not found", "This page does not exist.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return field(new FieldProblem(e.getParameterName(), "is required"), request);
    }

    private static ModelAndView field(FieldProblem problem, HttpServletRequest request) {
        return FormErrors.showAgain(List.of(problem), request).orElseGet(() -> page(HttpStatus.BAD_REQUEST,
                "Invalid input", problem.field() + ": " + problem.message()));
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("heading", title);
        view.addObject("message", message);
        // Error pages keep the navigation (and "Sign out") of whoever is signed in.
        view.addObject("actor", AccessInterceptor.currentActor());
        view.addObject("errors", Map.of());
        return view;
    }

    static void logUnexpected(Throwable e) {
        log.error("Unexpected error on a page", e);
    }
}
