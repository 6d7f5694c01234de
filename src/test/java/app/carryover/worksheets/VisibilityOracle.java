package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of the show-if rules over plain Java answers, to check
 * {@link Visibility} and the validator against: which paths are hidden.
 */
final class VisibilityOracle {

    private VisibilityOracle() {
    }

    @SuppressWarnings("unchecked")
    static Set<String> hidden(WorksheetDefinition d, Map<String, Object> answers) {
        Set<String> hidden = new HashSet<>();
        for (Item item : d.items()) {
            boolean shown = item.showIf().stream().allMatch(cond -> holds(cond, d.item(cond.item()).orElseThrow(),
                    hidden.contains(cond.item()) ? null : answers.get(cond.item())));
            if (!shown) {
                hidden.add(item.id());
                continue;
            }
            if (item.type() == ItemType.GROUP && answers.get(item.id()) instanceof List<?> rows) {
                for (int r = 0; r < rows.size(); r++) {
                    Map<String, Object> row = (Map<String, Object>) rows.get(r);
                    for (Item child : item.items()) {
                        String path = item.id() + "[" + r + "]." + child.id();
                        boolean childShown = true;
                        for (Condition cond : child.showIf()) {
                            boolean sibling = item.child(cond.item()).isPresent();
                            Item target = sibling ? item.child(cond.item()).get() : d.item(cond.item()).orElseThrow();
                            Object value = sibling
                                    ? (hidden.contains(item.id() + "[" + r + "]." + cond.item()) ? null : row.get(cond.item()))
                                    : (hidden.contains(cond.item()) ? null : answers.get(cond.item()));
                            childShown &= holds(cond, target, value);
                        }
                        if (!childShown) {
                            hidden.add(path);
                        }
                    }
                }
            }
        }
        return hidden;
    }

    private static boolean holds(Condition cond, Item target, Object value) {
        boolean answered = value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty());
        switch (cond.operator()) {
            case ANSWERED:
                return answered;
            case NOT_ANSWERED:
                return !answered;
            case EQUALS:
                return answered && same(target, value, cond.value());
            case NOT_EQUALS:
                return !answered || !same(target, value, cond.value());
            default:
                if (!answered || !(value instanceof BigDecimal n)) {
                    return false;
                }
                int cmp = n.compareTo(new BigDecimal(cond.value()));
                return switch (cond.operator()) {
                    case GREATER_THAN -> cmp > 0;
                    case LESS_THAN -> cmp < 0;
                    case AT_LEAST -> cmp >= 0;
                    default -> cmp <= 0;
                };
        }
    }

    private static boolean same(Item target, Object value, String expected) {
        if (value instanceof List<?> list) {
            return list.contains(expected);
        }
        if (value instanceof BigDecimal n) {
            return n.compareTo(new BigDecimal(expected)) == 0;
        }
        return value.toString().equals(expected);
    }
}
