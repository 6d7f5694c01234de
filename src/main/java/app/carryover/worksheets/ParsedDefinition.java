package app.carryover.worksheets;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a definition: either a valid definition, or the problems that stop it
 * (never both).
 */
public record ParsedDefinition(WorksheetDefinition definition, List<DefinitionProblem> problems) {

    public ParsedDefinition {
        problems = problems == null ? List.of() : List.copyOf(problems);
        if ((definition == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("exactly one of definition and problems");
        }
    }

    public boolean isValid() {
        return definition != null;
    }

    public Optional<WorksheetDefinition> asOptional() {
        return Optional.ofNullable(definition);
    }

    /** The definition, or an {@link InvalidDefinitionException} listing the problems. */
    public WorksheetDefinition orElseThrow() {
        if (definition == null) {
            throw new InvalidDefinitionException(problems);
        }
        return definition;
    }
}
