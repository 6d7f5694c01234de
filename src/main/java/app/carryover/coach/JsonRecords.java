package app.carryover.coach;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the assignment lines of LABELING.md §2 (extra fields ignored) and writes the coach's labels as JSON lines. */
final class JsonRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRecords() {
    }

    /** One input line: its id as written (any JSON value), the assignment, and gold labels when present. */
    record Record(String id, AssignmentText assignment, Boolean linked, Boolean specific, Boolean measurable,
            Boolean rationale, Boolean structured, Boolean redFlag, String challenge, String overall) {

        boolean hasLabels() {
            return linked != null || specific != null || measurable != null || rationale != null || structured != null
                    || redFlag != null || overall != null;
        }
    }

    /** Parses one line; a line that is not a JSON object with the text fields throws IllegalArgumentException with a plain message. */
    static Record read(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode == null || idNode.isNull() ? "null" : idNode.toString();
        AssignmentText assignment = new AssignmentText(text(node, "goal"), text(node, "session_focus"), text(node, "title"),
                text(node, "instructions"), dose(node.get("dose")), previous(node.get("previous")),
                text(node, "why"), text(node, "worksheet"));
        if (node.get("instructions") == null && node.get("title") == null) {
            throw new IllegalArgumentException("no \"instructions\" or \"title\" field");
        }
        return new Record(id, assignment, bool(node, "linked"), bool(node, "specific"), bool(node, "measurable"),
                bool(node, "rationale"), bool(node, "structured"), bool(node, "red_flag"), label(node, "challenge"),
                label(node, "overall"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new IllegalArgumentException("\"" + field + "\" should be text");
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" should be true or false");
        }
        return v.booleanValue();
    }

    private static String label(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static PreviousStep previous(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue().isBlank() ? null : PreviousStep.of(v.stringValue());
        }
        if (v.isObject()) {
            return new PreviousStep(optText(v, "text"), optInt(v, "times_planned"), optInt(v, "times_done"));
        }
        throw new IllegalArgumentException("\"previous\" should be text or an object");
    }

    private static Dose dose(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("\"dose\" should be an object");
        }
        Dose.Per per = null;
        String perText = optText(v, "per");
        if (perText != null && !perText.isBlank()) {
            try {
                per = Dose.Per.valueOf(perText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"dose.per\" should be day, week or period");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode weekdays = v.get("weekdays");
        if (weekdays != null && weekdays.isArray()) {
            for (JsonNode d : weekdays) {
                days.add(day(d.asString()));
            }
        }
        List<LocalTime> times = new ArrayList<>();
        JsonNode timeList = v.get("times");
        if (timeList != null && timeList.isArray()) {
            for (JsonNode t : timeList) {
                try {
                    times.add(LocalTime.parse(t.asString()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"dose.times\" holds '" + t.asString() + "', not a time like 08:30");
                }
            }
        }
        return new Dose(optInt(v, "count"), per, days, times, optInt(v, "minutes"), optText(v, "trigger"), optInt(v, "target"));
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("\"dose.weekdays\" holds '" + text + "', not a weekday");
    }

    private static String optText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer optInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" should be a whole number");
        }
        return v.intValue();
    }

    /** One output line: the id and the labels under the names of LABELING.md §2. */
    static String write(String id, CoachReport r, boolean explain) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"id\": ").append(id)
                .append(", \"linked\": ").append(r.linked())
                .append(", \"specific\": ").append(r.specific())
                .append(", \"measurable\": ").append(r.measurable())
                .append(", \"rationale\": ").append(r.rationale())
                .append(", \"structured\": ").append(r.structured())
                .append(", \"red_flag\": ").append(r.redFlag())
                .append(", \"challenge\": ").append(r.challenge() == null ? "null" : "\"" + r.challenge().code() + "\"")
                .append(", \"overall\": \"").append(r.overall().code()).append('"');
        if (explain) {
            sb.append(", \"suggestions\": [");
            for (int i = 0; i < r.suggestions().size(); i++) {
                CoachReport.Suggestion s = r.suggestions().get(i);
                sb.append(i == 0 ? "" : ", ").append("{\"label\": \"").append(s.label().name().toLowerCase(Locale.ROOT))
                        .append("\", \"text\": ").append(quote(s.text())).append('}');
            }
            sb.append("], \"notes\": [");
            for (int i = 0; i < r.notes().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(quote(r.notes().get(i)));
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String m = nl < 0 ? message : message.substring(0, nl);
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }
}
