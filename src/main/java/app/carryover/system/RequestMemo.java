package app.carryover.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers a look-up for the rest of one reading web request (GET or HEAD), so a page that asks
 * for the same client, care-team role, practice or timeline from several services reads it once.
 * Only safe methods are remembered: a request that changes something always reads afresh, so it
 * never acts on what it changed itself a moment before; outside a web request nothing is kept.
 * The memory is the request's own and ends with it, so no other request or node sees it.
 */
public final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {
    }

    /** The value remembered under this key in the current reading request, loading it the first time. */
    public static <T> T get(String key, Supplier<T> load) {
        Map<String, Object> memo = memo();
        if (memo == null) {
            return load.get();
        }
        if (memo.containsKey(key)) {
            @SuppressWarnings("unchecked")
            T known = (T) memo.get(key);
            return known;
        }
        T value = load.get();
        memo.put(key, value);
        return value;
    }

    /** Remembers a value already at hand (e.g. every client of a caseload read in one query). */
    public static void put(String key, Object value) {
        Map<String, Object> memo = memo();
        if (memo != null) {
            memo.put(key, value);
        }
    }

    private static Map<String, Object> memo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!(request instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String method = servlet.getRequest().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> memo = (Map<String, Object>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }
}
