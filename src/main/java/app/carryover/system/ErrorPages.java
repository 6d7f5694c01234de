package app.carryover.system;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors raised outside any handler (an unknown address, a refused request): a problem detail
 * for the API, a plain page for people.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "The request could not be understood.",
            401, "Please sign in first.",
            403, "You are not allowed to do this.",
            404, "This page does not exist.",
            405, "This action is not available here.",
            413, "What you sent is larger than this server accepts in one request; nothing was saved.",
            415, "This kind of content is not accepted here.");

    @Access(AccessRule.PUBLIC)
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        if (status.is5xxServerError()) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (error instanceof Throwable t) {
                PageErrors.logUnexpected(t);
            }
        }
        return PageErrors.page(status, status.getReasonPhrase(), message(status));
    }

    @Access(AccessRule.PUBLIC)
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, message(status));
        body.setTitle(status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String message(HttpStatus status) {
        return MESSAGES.getOrDefault(status.value(), status.is5xxServerError()
                ? "Something went wrong on our side; nothing was changed. Please try again."
                : "The request could not be completed.");
    }
}
