package app.carryover.system;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An upload past the server's multipart limit is refused while the request is read, before any handler
 * is chosen, so the handler-bound advice of the API and the pages never sees it, and the error dispatch
 * would trip over the same unreadable request and answer with an empty body. This answers it directly:
 * a problem detail naming the file for the API, a plain page for people.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class UploadLimits {

    private final DataSize limit;

    UploadLimits(ObjectProvider<MultipartProperties> multipart) {
        this.limit = multipart.getIfAvailable(MultipartProperties::new).getMaxRequestSize();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String message = "is larger than the " + limit.toMegabytes() + " MB this server accepts in one upload;"
                + " send one session's transcript at a time";
        ProblemException problem = new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                "The file " + message + ".", List.of(new ProblemException.FieldProblem("file", message)));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiErrors.detail(problem));
        }
        return PageErrors.page(problem.status(), "Too large", problem.getMessage());
    }
}
