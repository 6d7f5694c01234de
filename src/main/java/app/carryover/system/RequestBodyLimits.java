package app.carryover.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits on request bodies, before anything reads them (issue 15: a 150 MB body was read whole, heap
 * 551 → 919 MB, before a 400). Every request's body is counted as it is read and cut off past its
 * limit; a declared length past {@link #MAX_BYTES} is refused before a byte is read (413), and one past
 * the handler's own limit ({@link #DEFAULT_BYTES} unless it declares {@link BodyLimit}) before the
 * handler runs. Forms are limited by Tomcat as well (1 MB), multipart uploads by their own limit (20 MB).
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyLimits {

    /** Enough for any form or JSON object of ours (a worksheet definition is at most 512 kB). */
    public static final long DEFAULT_BYTES = 1024 * 1024;
    /** No handler takes more than this outside a multipart upload. */
    public static final long MAX_BYTES = 12L * 1024 * 1024;

    private static final String LIMIT = RequestBodyLimits.class.getName() + ".limit";

    /** Thrown while reading a body past its limit; the API answers 413 naming the body. */
    public static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit / 1024 + " kB", null);
            this.limit = limit;
        }

        /** The words for the user: how large a body this address takes. */
        public String describe() {
            return "is larger than the " + size(limit) + " this address accepts";
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("requestBodyLimits");
        return registration;
    }

    /**
     * The handler's limit, set before it runs (by the access interceptor) and refused at once when the
     * declared length is already past it.
     */
    static void applyHandlerLimit(HttpServletRequest request, HandlerMethod handler) {
        BodyLimit declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), BodyLimit.class);
        long limit = declared == null ? DEFAULT_BYTES : Math.min(MAX_BYTES, declared.megabytes() * 1024L * 1024);
        request.setAttribute(LIMIT, limit);
        if (!isMultipart(request) && request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
    }

    static ProblemException tooLarge(long limit) {
        String message = "is larger than the " + size(limit) + " this address accepts";
        return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large", "The request body " + message + ".",
                java.util.List.of(new ProblemException.FieldProblem("body", message)));
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " kB";
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > MAX_BYTES) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new Limited(request), response);
        }

        private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ProblemException problem = tooLarge(MAX_BYTES);
            response.setStatus(problem.status().value());
            response.setCharacterEncoding("UTF-8");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"" + problem.getMessage() + "\",\"errors\":[{\"field\":\"body\",\"message\":\""
                        + problem.fields().get(0).message() + "\"}]}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Too large</title></head><body>"
                        + "<h1>Too large</h1><p>" + problem.getMessage() + " Nothing was saved.</p></body></html>");
            }
        }
    }

    /** The request with a body that counts what is read and stops past the limit in force. */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        long limit() {
            return getAttribute(LIMIT) instanceof Long l ? l : MAX_BYTES;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), this);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final Limited request;
        private long read;

        Counting(ServletInputStream in, Limited request) {
            this.in = in;
            this.request = request;
        }

        private int count(int n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                long limit = request.limit();
                if (read > limit) {
                    throw new BodyTooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
