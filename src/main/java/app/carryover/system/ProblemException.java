package app.carryover.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The one error type services throw for a caller's mistake. The API turns it into an RFC 9457
 * problem detail (with one entry per field at fault); pages show its message plainly.
 */
public class ProblemException extends RuntimeException {

    /** One field at fault and what is wrong with it, in words a user understands. */
    public record FieldProblem(String field, String message) {
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fields;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    /** 404: the object does not exist, or the caller may not know that it does. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what + " was not found.", List.of());
    }

    /** 403: the caller is known but their role does not allow this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Not allowed", detail, List.of());
    }

    /** 400 naming one field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** 400 naming every field at fault. */
    public static ProblemException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " fields need attention.";
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail, problems);
    }

    /** 429 naming one field: too many attempts (wrong codes, links asked for) in a short time. */
    public static ProblemException tooManyAttempts(String field, String message) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    /** 409: the request conflicts with the current state (a used link, a duplicate). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    /** 410: a link or token that has expired or was already used. */
    public static ProblemException gone(String detail) {
        return new ProblemException(HttpStatus.GONE, "No longer valid", detail, List.of());
    }

    /** 503: something the request depends on (the audit) could not do its part, so nothing was done. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fields() {
        return fields;
    }
}
