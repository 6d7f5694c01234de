package app.carryover.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form text arrives with each line break as CR LF, while the browser counted it as one character
 * against the box's {@code maxlength}: a note that fitted on the page was "too long" on the server.
 * Line breaks in posted form fields are made LF here, once, so every length check counts what the
 * person saw, and stored text has one kind of line break.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FormLineBreaks extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod()) || (type != null && !type.startsWith("application/x-www-form-urlencoded"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Normalised(request), response);
    }

    private static final class Normalised extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Normalised(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> normal = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = values[i] == null ? null : values[i].replace("\r\n", "\n").replace('\r', '\n');
                    }
                    normal.put(name, copy);
                });
                parameters = Collections.unmodifiableMap(normal);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
