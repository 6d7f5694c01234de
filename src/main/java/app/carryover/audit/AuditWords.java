package app.carryover.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit rows in words for the audit page: actions ("Refused" for ACCESS_DENIED), and requests the
 * audit noted ("GET /clients/0198…/sessions/0198…/brief") as an admin reads them ("viewed Client ›
 * Session › Brief"). Ids are dropped (the row names the client), the API is marked as such, and
 * anything that is not a request is left as it was.
 */
final class AuditWords {

    private static final Pattern REQUEST = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/\\S*)");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+");
    private static final Map<String, String> ONE = Map.ofEntries(Map.entry("clients", "Client"),
            Map.entry("sessions", "Session"), Map.entry("assignments", "Homework"), Map.entry("entries", "Entry"),
            Map.entry("goals", "Goal"), Map.entry("hierarchies", "Exposure hierarchy"), Map.entry("transcripts", "Transcript"),
            Map.entry("detections", "Detection"), Map.entry("review", "Review"), Map.entry("worksheets", "Worksheet"),
            Map.entry("versions", "Version"), Map.entry("people", "Person"), Map.entry("tokens", "API token"));
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("clients", "Clients"),
            Map.entry("sessions", "Sessions"), Map.entry("assignments", "Homework"), Map.entry("entries", "Entries"),
            Map.entry("goals", "Goals"), Map.entry("hierarchies", "Exposure hierarchies"), Map.entry("me", "Own record"),
            Map.entry("team", "Care team"), Map.entry("today", "Today"), Map.entry("week", "Week"),
            Map.entry("caseload", "Caseload"), Map.entry("history", "History"), Map.entry("brief", "Brief"),
            Map.entry("notes", "Notes"), Map.entry("print", "Printout"), Map.entry("audit", "Audit"),
            Map.entry("admin", "Administration"), Map.entry("settings", "Settings"), Map.entry("tokens", "API tokens"));

    private AuditWords() {
    }

    /** The text with each request in it put into words; null stays null. */
    static String describe(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = REQUEST.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(words(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What a row's action says, in words ("Refused" for ACCESS_DENIED); an action without words is shown lower case. */
    static String action(String action) {
        return switch (action) {
            case "READ" -> "Read";
            case "CREATE" -> "Created";
            case "CHANGE" -> "Changed";
            case "DELETE" -> "Deleted";
            case "EXPORT" -> "Exported";
            case "SIGN_IN" -> "Signed in";
            case "SIGN_IN_FAILED" -> "Sign-in failed";
            case "TOKEN_USE" -> "Used an API token";
            case "TOKEN_CREATED" -> "Created an API token";
            case "TOKEN_REVOKED" -> "Revoked an API token";
            case "SETTINGS" -> "Changed settings";
            case "CONSENT" -> "Consent";
            case "ACCESS_DENIED" -> "Refused";
            default -> capitalised(action.toLowerCase().replace('_', ' '));
        };
    }

    /** Whether the text names a request (so the page can keep the original for those who need it). */
    static boolean namesRequest(String text) {
        return text != null && REQUEST.matcher(text).find();
    }

    private static String words(String method, String path) {
        String query = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        boolean api = query.startsWith("/api/");
        String[] segments = (api ? query.replaceFirst("^/api/v\\d+", "") : query).split("/");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() || ID.matcher(s).matches()) {
                continue;
            }
            boolean followedById = i + 1 < segments.length && ID.matcher(segments[i + 1]).matches();
            String name = followedById ? ONE.get(s) : NAMES.get(s);
            names.add(name != null ? name : capitalised(s.replace('-', ' ').replace('.', ' ')));
        }
        if (!api && names.size() == 1 && "Client".equals(names.get(0))) {
            names.set(0, "Client overview");
        }
        String verb = switch (method) {
            case "GET" -> api ? "read" : "viewed";
            case "POST" -> "saved";
            case "PUT", "PATCH" -> "changed";
            default -> "deleted";
        };
        String what = names.isEmpty() ? "the start page" : String.join(" › ", names);
        return verb + " " + what + (api ? " (API)" : "");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
