package app.carryover.worksheets;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import app.carryover.worksheets.definition.DefinitionReader;
import app.carryover.worksheets.definition.DefinitionWriter;
import app.carryover.worksheets.definition.Json;

/**
 * Reading and writing worksheet definitions in their JSON format (described in
 * {@code docs/worksheets.md}). {@link #parse(String)} never throws: a definition that breaks any
 * rule comes back as a list of problems, each with a path and a sentence.
 */
public final class WorksheetDefinitions {

    private WorksheetDefinitions() {
    }

    public static ParsedDefinition parse(String json) {
        if (json == null || json.isBlank()) {
            return failed("", "the definition is empty");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > Limits.DEFINITION_BYTES) {
            return failed("", "the definition is larger than " + Limits.DEFINITION_BYTES / 1024 + " KB");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return failed("", "is not valid JSON: " + Json.shortMessage(e));
        }
        if (root == null || !root.isObject()) {
            return failed("", "must be a JSON object");
        }
        DefinitionReader reader = new DefinitionReader();
        DefinitionReader.Parts parts = reader.definition(root);
        if (!reader.problems().isEmpty()) {
            return new ParsedDefinition(null, reader.problems().list());
        }
        try {
            return new ParsedDefinition(new WorksheetDefinition(parts.key(), parts.version(), parts.title(),
                    parts.category(), parts.purpose(), parts.clientInstructions(), parts.clinicianGuidance(),
                    parts.dose(), parts.items(), parts.values()), List.of());
        } catch (InvalidDefinitionException e) {
            return new ParsedDefinition(null, e.problems());
        }
    }

    /** The definition as pretty-printed JSON, readable by {@link #parse(String)}. */
    public static String toJson(WorksheetDefinition definition) {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(DefinitionWriter.write(definition));
    }

    private static ParsedDefinition failed(String path, String message) {
        return new ParsedDefinition(null, List.of(new DefinitionProblem(path, message)));
    }
}
