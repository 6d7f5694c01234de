package app.carryover.worksheets;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Which items are shown for a given set of answers, by evaluating every show-if condition in
 * document order. An item that depends on a hidden item sees it as unanswered. Group children are
 * evaluated per row. The filling page and the server use this same evaluation, so they agree on
 * what is required.
 */
public final class Visibility {

    private final Set<String> hidden;

    private Visibility(Set<String> hidden) {
        this.hidden = hidden;
    }

    public static Visibility of(WorksheetDefinition definition, Answers answers) {
        JsonNode root = answers.node();
        Set<String> hidden = new HashSet<>();
        for (Item item : definition.items()) {
            boolean shown = Conditions.allHold(item.showIf(),
                    ref -> hidden.contains(ref) ? null : root.get(ref),
                    ref -> definition.item(ref).orElseThrow());
            if (!shown) {
                hidden.add(item.id());
                continue;
            }
            JsonNode rows = root.get(item.id());
            if (item.type() == ItemType.GROUP && rows != null && rows.isArray()) {
                for (int r = 0; r < rows.size(); r++) {
                    hideInRow(definition, item, r, rows.get(r), root, hidden);
                }
            }
        }
        return new Visibility(hidden);
    }

    private static void hideInRow(WorksheetDefinition definition, Item group, int r, JsonNode row, JsonNode root,
            Set<String> hidden) {
        for (Item child : group.items()) {
            String path = cell(group.id(), r, child.id());
            boolean shown = Conditions.allHold(child.showIf(), ref -> {
                if (group.child(ref).isPresent()) {
                    String refPath = cell(group.id(), r, ref);
                    return hidden.contains(refPath) || row == null || !row.isObject() ? null : row.get(ref);
                }
                return hidden.contains(ref) ? null : root.get(ref);
            }, ref -> group.child(ref).or(() -> definition.item(ref)).orElseThrow());
            if (!shown) {
                hidden.add(path);
            }
        }
    }

    static String cell(String groupId, int row, String childId) {
        return groupId + "[" + row + "]." + childId;
    }

    /** Whether a top-level item is shown. */
    public boolean isShown(String itemId) {
        return !hidden.contains(itemId);
    }

    /** Whether a group's child is shown in a given row (always false when the group is hidden). */
    public boolean isShown(String groupId, int row, String childId) {
        return !hidden.contains(groupId) && !hidden.contains(cell(groupId, row, childId));
    }

    /** The paths of hidden items and hidden group cells, e.g. {@code when_done}, {@code thoughts[0].belief}. */
    public Set<String> hiddenPaths() {
        return Set.copyOf(hidden);
    }
}
