package app.carryover.worksheets;

/**
 * One thing wrong with a worksheet definition: where ({@code path}, in the JSON document's
 * terms, such as {@code items[2].items[0].max}) and what, in a sentence.
 */
public record DefinitionProblem(String path, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "(definition)" : path) + ": " + message;
    }
}
