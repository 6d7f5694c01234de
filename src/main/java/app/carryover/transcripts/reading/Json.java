package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for the one-object-a-line files the module reads and writes, through Jackson. The module
 * once had its own reader "for speed"; measured side by side (bench/transcripts/json.sh, figures in
 * docs/benchmarks.md) Jackson parses a quarter of a million utterance lines a second on a loaded
 * core, ten times what the detector behind it consumes, so the library serves.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** Thrown for a line that is not a JSON object; the message says where it went wrong. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** One line as a JSON object. */
    public static ObjectNode object(String line) throws Malformed {
        JsonNode node = parse(line);
        if (!(node instanceof ObjectNode o)) {
            throw new Malformed("not a JSON object");
        }
        return o;
    }

    /** The elements of a top-level JSON array. */
    public static List<JsonNode> array(String text) throws Malformed {
        JsonNode node = parse(text);
        if (!node.isArray()) {
            throw new Malformed("not a JSON array");
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    private static JsonNode parse(String text) throws Malformed {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at character " + e.getLocation().getColumnNr();
            throw new Malformed(e.getOriginalMessage().split("\n")[0] + where);
        }
    }

    /** A value as text: strings as they are, whole numbers without ".0", other values as JSON; null when absent. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber() && value.canConvertToExactIntegral()) {
            return value.bigIntegerValue().toString();
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** The boolean at {@code key}, or null when it is absent or not a boolean. */
    public static Boolean bool(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && v.isBoolean() ? v.booleanValue() : null;
    }

    /** One output line: the object written compactly, then a line break. */
    public static String line(ObjectNode o) {
        return MAPPER.writeValueAsString(o) + "\n";
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
