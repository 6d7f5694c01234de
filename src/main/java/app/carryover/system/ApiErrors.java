package app.carryover.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the JSON API into an RFC 9457 problem detail. Field errors are listed
 * under {@code errors} as {@code {"field": ..., "message": ...}}; nothing internal leaks.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        return response.body(detail(e));
    }

    /** The RFC 9457 body of a problem: status, title, detail, and {@code errors} naming each field. */
    static ProblemDetail detail(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        if (!e.fields().isEmpty()) {
            body.setProperty("errors", e.fields().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return body;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<ProblemException.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(ProblemException.invalid(fields));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        // The constraint's name only: PostgreSQL's message quotes the values ("Key (email)=(…)"), addresses included.
        log.info("Refused a write that broke a database constraint: {}", constraintOf(e));
        return problem(ProblemException.conflict("The change conflicts with existing data."));
    }

    /** The broken constraint's name and SQL state, without the values PostgreSQL quotes in its message. */
    static String constraintOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return "constraint " + psql.getServerErrorMessage().getConstraint() + " (SQL state " + psql.getSQLState() + ")";
            }
        }
        return e.getClass().getSimpleName();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ProblemException.invalid(e.getName(), "is not a valid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            log.warn("Database unavailable during an API call: {}", e.getMessage());
            return problem(ProblemException.unavailable(DatabaseOutage.MESSAGE));
        }
        log.error("Unexpected error in an API call", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed.");
        body.setTitle("Server error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(new ProblemException.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> fields.add(new ProblemException.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problem(ProblemException.invalid(fields)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> fields.add(
                new ProblemException.FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(problem(ProblemException.invalid(fields)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemException problem = unreadable(e);
        return ResponseEntity.status(problem.status()).body(problem(problem).getBody());
    }

    /** Says which field of the JSON body was wrong, where Jackson can tell. */
    private static ProblemException unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimits.BodyTooLarge tooLarge) {
                return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", "The request body "
                        + tooLarge.describe() + ".", List.of(new ProblemException.FieldProblem("body", tooLarge.describe())));
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format) {
            return ProblemException.invalid(path(format), "has the wrong type or format");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ProblemException.invalid(path(mismatch), "has the wrong type");
        }
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return ProblemException.invalid(path(bind), "could not be read");
        }
        if (cause instanceof JacksonException) {
            return ProblemException.invalid("body", "is not valid JSON");
        }
        return ProblemException.invalid("body", "is missing or could not be read");
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
