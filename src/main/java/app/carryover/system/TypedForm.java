package app.carryover.system;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a person typed into a form that was refused, so the form shows it again instead of the
 * stored value (templates: {@code th:value="${typed.or('note', entry.note)}"}). Pages get it as
 * {@code typed}: empty unless a form was just refused. Secrets are never kept: passwords, codes,
 * tokens and the CSRF token are left out, so they are neither shown again nor held in the session
 * between a refused post and the page that shows it.
 */
public final class TypedForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final TypedForm NONE = new TypedForm(new LinkedHashMap<>());

    private final LinkedHashMap<String, ArrayList<String>> values;

    private TypedForm(LinkedHashMap<String, ArrayList<String>> values) {
        this.values = values;
    }

    public static TypedForm none() {
        return NONE;
    }

    /** The form fields of this request, secrets left out. */
    public static TypedForm of(HttpServletRequest request) {
        LinkedHashMap<String, ArrayList<String>> kept = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, posted) -> {
            if (!secret(name) && posted != null) {
                kept.put(name, new ArrayList<>(List.of(posted)));
            }
        });
        return new TypedForm(kept);
    }

    /** Whether a field's value may be shown again and held until then; secrets may not. */
    static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("_") || n.contains("password") || n.contains("confirmation") || n.contains("code")
                || n.contains("token") || n.contains("secret");
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether the refused form had this field. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The typed value of a field when the form was refused, else {@code fallback} (the stored value) as text. */
    public String or(String name, Object fallback) {
        List<String> typed = values.get(name);
        if (typed != null) {
            return typed.isEmpty() ? "" : typed.get(0);
        }
        return fallback == null ? null : fallback.toString();
    }

    /** Whether a checkbox or radio button with this value was ticked when refused, else {@code fallback}. */
    public boolean checked(String name, Object value, boolean fallback) {
        if (isEmpty()) {
            return fallback;
        }
        List<String> typed = values.get(name);
        return typed != null && value != null && typed.contains(value.toString());
    }

    /** A copy of the fields, for a form whose handler reads them again. */
    public Map<String, List<String>> fields() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
