package app.carryover.worksheets;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import app.carryover.worksheets.definition.Json;

/**
 * One entry's answers: a JSON object from item id to value. Values are a string (text, single
 * choice code, date {@code YYYY-MM-DD}, time {@code HH:MM}), a number (number, rating, duration
 * in minutes), {@code true}/{@code false} (yes/no), a list of option codes (multiple choice,
 * checklist), or, for a group, a list of objects keyed by the group's child ids. Missing,
 * {@code null}, blank text and empty lists all mean "not answered".
 * <p>
 * Immutable: the JSON is copied in and never handed out except as text.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Json.MAPPER.createObjectNode());

    private final ObjectNode node;

    private Answers(ObjectNode node) {
        this.node = node;
    }

    public static Answers empty() {
        return EMPTY;
    }

    /**
     * Reads an answers document.
     *
     * @throws InvalidAnswersException when it is larger than 256 KB, not JSON, or not an object
     */
    public static Answers parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > Limits.ANSWERS_BYTES) {
            throw new InvalidAnswersException(tooLarge());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidAnswersException(new FieldError("", FieldError.Reason.MALFORMED,
                    "The answers could not be read (" + Json.shortMessage(e) + ")."));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAnswersException(new FieldError("", FieldError.Reason.MALFORMED,
                    "The answers must be a JSON object from question to answer."));
        }
        return new Answers((ObjectNode) root);
    }

    /** Answers from plain Java values (strings, numbers, booleans, lists and maps of them). */
    public static Answers of(Map<String, ?> values) {
        JsonNode tree = Json.MAPPER.valueToTree(values);
        return new Answers((ObjectNode) tree);
    }

    static Answers wrap(ObjectNode node) {
        return new Answers(node);
    }

    static FieldError tooLarge() {
        return new FieldError("", FieldError.Reason.TOO_LARGE,
                "The answers are too large to save (the limit is " + Limits.ANSWERS_BYTES / 1024 + " KB).");
    }

    /** The JSON object behind these answers; callers inside this package never change it. */
    ObjectNode node() {
        return node;
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    /** Whether nothing is answered at all: no values, or only empty group rows and blank text. */
    public boolean isBlank() {
        return blank(node);
    }

    private static boolean blank(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isString()) {
            return value.stringValue().isBlank();
        }
        if (value.isArray() || value.isObject()) {
            for (JsonNode child : value.isArray() ? value : value.values()) {
                if (!blank(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the document has a value for this top-level item id (even an empty one). */
    public boolean has(String itemId) {
        return node.has(itemId);
    }

    public String toJson() {
        return Json.MAPPER.writeValueAsString(node);
    }

    /** Equal when the documents say the same: numbers compare by value (7 equals 7.0). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Answers a && a.node.equals(Answers::compareNodes, node);
    }

    private static int compareNodes(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public int hashCode() {
        return Set.copyOf(node.propertyNames()).hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
