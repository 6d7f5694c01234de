package app.carryover.system;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database cannot be reached (stopped, restarting, a network cut), every request that
 * needs it gets a 503 with {@code Retry-After}: a problem detail for the API, a calm page for
 * people. It runs before every other filter, since the session and the sign-in already read the
 * database. The pool's bounded connection timeout (three seconds) keeps threads from hanging; when
 * the database is back, the next request gets a fresh connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutage extends OncePerRequestFilter {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String MESSAGE = "Carryover cannot reach its database just now. Nothing you sent was "
            + "lost: anything not confirmed was not saved, and can be sent again. Please try again in a few seconds.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    /** Connection exceptions (class 08), and a server shutting down, crashed, or still starting (57P01–03). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Back in a moment · Carryover</title>
              <link rel="stylesheet" href="/css/carryover.css">
            </head>
            <body>
              <header class="top"><a class="brand" href="/">Carryover</a></header>
              <main id="main">
                <section class="card narrow">
                  <h1>Back in a moment</h1>
                  <p>%s</p>
                  <p><a href="">Try again</a></p>
                </section>
              </main>
            </body>
            </html>
            """.formatted(MESSAGE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable; answered {} {} with 503: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            respond(request, response);
        }
    }

    /** Whether this failure means the database could not be reached, rather than a fault of ours. */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof ProblemException p && p.status().value() == 503) {
                return true;
            }
            if (t instanceof TransactionSystemException tx && lostConnection(tx)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction whose JDBC rollback failed: the connection went away under a request in flight (the
     * drills saw "JDBC rollback failed" with "Connection is closed", the application's own exception
     * overridden by it). A rollback has nothing of ours that can fail, so its failure is the database's
     * absence; a commit's failure is an outage only when its application exception or cause says so.
     */
    private static boolean lostConnection(TransactionSystemException tx) {
        Throwable app = tx.getApplicationException();
        if (app != null && isOutage(app)) {
            return true;
        }
        String message = tx.getMessage();
        return message != null && message.startsWith("JDBC rollback failed");
    }

    static void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Temporarily unavailable\",\"status\":503,"
                    + "\"detail\":\"" + MESSAGE + "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\"}");
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(PAGE);
        }
        response.flushBuffer();
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
