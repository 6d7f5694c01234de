package app.carryover.homework;

import java.util.List;

import app.carryover.worksheets.InvalidDefinitionException;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.WorksheetDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An exposure worksheet's question "Which step did you practise?" (item id {@value #ITEM}) is answered
 * by the assignment when it names its step: the client is not asked, and the step's words are
 * recorded with the entry as if they had written them.
 */
final class NamedStep {

    static final String ITEM = "hierarchy_step";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NamedStep() {
    }

    /** The worksheet without the step question, for the client's form (unchanged when it has none). */
    static WorksheetDefinition without(WorksheetDefinition d) {
        if (d.item(ITEM).isEmpty()) {
            return d;
        }
        List<Item> items = d.items().stream().filter(i -> !i.id().equals(ITEM)).toList();
        try {
            return new WorksheetDefinition(d.key(), d.version(), d.title(), d.category(), d.purpose(), d.clientInstructions(),
                    d.clinicianGuidance(), d.suggestedDose(), items, d.values());
        } catch (InvalidDefinitionException refersToIt) {
            // Another question or number depends on the step's answer: keep asking it.
            return d;
        }
    }

    /** The answers with the step question answered by the named step, when the client left it unanswered. */
    static String fill(WorksheetDefinition d, String answers, String step) {
        if (step == null || d.item(ITEM).isEmpty()) {
            return answers;
        }
        JsonNode root = JSON.readTree(answers);
        if (!(root instanceof ObjectNode object)) {
            return answers;
        }
        JsonNode given = object.get(ITEM);
        if (given == null || given.isNull() || (given.isString() && given.stringValue().isBlank())) {
            object.put(ITEM, step.length() > 200 ? step.substring(0, 200) : step);
        }
        return JSON.writeValueAsString(object);
    }
}
