package app.carryover.worksheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.carryover.system.ClinicianOnly;
import app.carryover.worksheets.definition.DefinitionRules;

/**
 * One version of a worksheet: what it is for, how to fill it in, what it asks, and which numbers
 * it yields. Every instance is valid: the constructor checks the whole definition and throws
 * {@link InvalidDefinitionException} with every problem found, so a broken definition never
 * reaches a client.
 *
 * @param key                a stable slug shared by all versions, e.g. {@code thought-record}
 * @param version            1, 2, …; an edit makes a new version and entries keep theirs
 * @param clientInstructions shown to the client above the items and printed
 * @param clinicianGuidance  for clinicians only: never shown to the client nor printed for them
 * @param values             numbers extracted from each entry (may be empty)
 */
public record WorksheetDefinition(
        String key,
        int version,
        String title,
        WorksheetCategory category,
        String purpose,
        String clientInstructions,
        @ClinicianOnly String clinicianGuidance,
        SuggestedDose suggestedDose,
        List<Item> items,
        List<ValueDefinition> values) {

    public WorksheetDefinition {
        items = items == null ? List.of() : List.copyOf(items);
        values = values == null ? List.of() : List.copyOf(values);
        List<DefinitionProblem> problems = DefinitionRules.check(key, version, title, category, purpose,
                clientInstructions, clinicianGuidance, suggestedDose, items, values);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    /** The top-level item with this id (children of groups are found through their group). */
    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Every item, groups' children right after their group, in document order. */
    public List<Item> allItems() {
        List<Item> all = new ArrayList<>();
        for (Item item : items) {
            all.add(item);
            all.addAll(item.items());
        }
        return all;
    }

    /** The same worksheet under another key and version, e.g. a clinician's copy of a built-in. */
    public WorksheetDefinition copyAs(String newKey, int newVersion) {
        return new WorksheetDefinition(newKey, newVersion, title, category, purpose, clientInstructions,
                clinicianGuidance, suggestedDose, items, values);
    }
}
