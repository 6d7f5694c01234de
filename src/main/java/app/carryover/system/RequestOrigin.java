package app.carryover.system;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the current request comes from, for the audit: the client address (as the trusted
 * reverse proxy reports it, when one is configured), or null outside a web request.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String address() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
