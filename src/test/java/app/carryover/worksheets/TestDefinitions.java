package app.carryover.worksheets;

import java.util.Arrays;
import java.util.List;

/** Small builders for definitions in tests. */
final class TestDefinitions {

    private TestDefinitions() {
    }

    static WorksheetDefinition of(Item... items) {
        return of(List.of(), items);
    }

    static WorksheetDefinition of(List<ValueDefinition> values, Item... items) {
        return new WorksheetDefinition("test-sheet", 1, "Test sheet", WorksheetCategory.OTHER, "For tests.",
                "Fill it in.", null, SuggestedDose.perDay(1), Arrays.asList(items), values);
    }

    static Item.Builder item(String id, ItemType type) {
        return Item.builder(id, type, "Question " + id);
    }

    static Item text(String id) {
        return item(id, ItemType.SHORT_TEXT).build();
    }

    static Item rating(String id, int max) {
        return item(id, ItemType.RATING).max(max).anchors(Anchors.of("none", "most")).build();
    }

    static Item choice(String id, String... codes) {
        Item.Builder b = item(id, ItemType.SINGLE_CHOICE);
        for (String code : codes) {
            b.option(code, "Option " + code);
        }
        return b.build();
    }
}
