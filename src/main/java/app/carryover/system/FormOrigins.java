package app.carryover.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.servlet.support.RequestDataValueProcessor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every page form carries the address of the page that shows it, in a hidden {@code _form} field
 * added where the CSRF token is added (Thymeleaf asks the {@link RequestDataValueProcessor} for both).
 * A refusal its handler did not turn into the form itself then goes back to that page with the
 * messages and the typed text ({@link FormErrors}), instead of a bare error page.
 */
final class FormOrigins implements RequestDataValueProcessor {

    static final String FIELD = "_form";
    /** Set while Thymeleaf writes a form, from its method: a GET form (a filter) carries no origin. */
    private static final String GET_FORM = FormOrigins.class.getName() + ".getForm";

    private final RequestDataValueProcessor csrf;

    FormOrigins(RequestDataValueProcessor csrf) {
        this.csrf = csrf;
    }

    /**
     * The page a form was shown on: this page for a page being viewed, or, for a refused post shown
     * again in place, the page its form came from.
     */
    static String of(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        String posted = request.getParameter(FIELD);
        return safe(posted) ? posted : null;
    }

    /** Only an address on this site: one path, never another host ("//host", "/\\host") or a scheme. */
    static boolean safe(String address) {
        return address != null && address.length() <= 2000 && address.startsWith("/") && !address.startsWith("//")
                && !address.contains("\\") && address.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> token = csrf == null ? null : csrf.getExtraHiddenFields(request);
        if (token != null) {
            fields.putAll(token);
        }
        String origin = of(request);
        if (origin != null && request.getAttribute(GET_FORM) == null) {
            fields.put(FIELD, origin);
        }
        return fields;
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        if ("get".equalsIgnoreCase(httpMethod)) {
            request.setAttribute(GET_FORM, Boolean.TRUE);
        } else {
            request.removeAttribute(GET_FORM);
        }
        return csrf == null ? action : csrf.processAction(request, action, httpMethod);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return csrf == null ? value : csrf.processFormFieldValue(request, name, value, type);
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return csrf == null ? url : csrf.processUrl(request, url);
    }
}
