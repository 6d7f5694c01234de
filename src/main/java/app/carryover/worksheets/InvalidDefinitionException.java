package app.carryover.worksheets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a worksheet definition breaks a rule of the format; carries every problem found,
 * so a form builder can show them all at once.
 */
public class InvalidDefinitionException extends IllegalArgumentException {

    private final transient List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super("Invalid worksheet definition: " + problems.stream().map(DefinitionProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
