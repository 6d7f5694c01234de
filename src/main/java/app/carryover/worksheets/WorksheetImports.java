package app.carryover.worksheets;

import org.springframework.stereotype.Service;

import app.carryover.system.Actor;
import app.carryover.worksheets.definition.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a definition made outside the builder (a FHIR Questionnaire import) as a new custom
 * worksheet of the clinician, through the same checks, key choice and audit as the builder's
 * "create". Added for the {@code fhir} module.
 */
@Service
public class WorksheetImports {

    private final WorksheetAuthoring authoring;

    WorksheetImports(WorksheetAuthoring authoring) {
        this.authoring = authoring;
    }

    /** The stored version 1, under a key made from the title (the definition's own key and version are replaced). */
    public WorksheetDefinition create(Actor actor, WorksheetDefinition definition) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(WorksheetDefinitions.toJson(definition));
        return authoring.create(actor, document, WorksheetAuthoring.Origin.none());
    }
}
