package app.carryover.worksheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds answers that are valid for a definition whatever is shown: every required item and
 * every required group child answered, every value of its item's type and within its rules
 * (boundaries included), and every group row non-empty. Items that end up hidden get values too;
 * validation must ignore them. Values are plain Java (String, BigDecimal, Boolean, lists, maps)
 * so tests can mutate them.
 */
final class GeneratedAnswers {

    /** Letters, accents and a character outside the Basic Multilingual Plane, to count code points. */
    private static final String[] ALPHABET = {"a", "b", "e", "z", " ", "é", "ß", "ж", "😀", "\n"};

    private final Choices c;

    GeneratedAnswers(Choices choices) {
        this.c = choices;
    }

    static Map<String, Object> generate(WorksheetDefinition definition, Choices choices) {
        return new GeneratedAnswers(choices).answers(definition);
    }

    private Map<String, Object> answers(WorksheetDefinition definition) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : definition.items()) {
            boolean present = item.type() == ItemType.GROUP
                    ? item.effectiveMinItems() > 0 || c.chance(70)
                    : item.required() || c.chance(70);
            if (present) {
                answers.put(item.id(), item.type() == ItemType.GROUP ? rows(item, rowCount(item)) : value(item));
            }
        }
        return answers;
    }

    int rowCount(Item group) {
        int min = Math.max(1, group.effectiveMinItems());
        return c.between(min, Math.min(group.effectiveMaxItems(), min + 3));
    }

    List<Map<String, Object>> rows(Item group, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < group.items().size(); k++) {
                Item child = group.items().get(k);
                // the first child is always answered, so no row is empty (empty rows are no entries)
                if (k == 0 || child.required() || c.chance(60)) {
                    row.put(child.id(), value(child));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    Object value(Item item) {
        return switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT -> text(item.effectiveMaxLength());
            case NUMBER, RATING, DURATION -> number(item);
            case SINGLE_CHOICE -> c.pick(item.options()).code();
            case MULTIPLE_CHOICE, CHECKLIST -> {
                Set<String> codes = new LinkedHashSet<>();
                int n = 1 + c.below(item.options().size());
                for (int k = 0; k < n; k++) {
                    codes.add(c.pick(item.options()).code());
                }
                yield new ArrayList<>(codes);
            }
            case DATE -> String.format("%04d-%02d-%02d", 1990 + c.below(60), 1 + c.below(12), 1 + c.below(28));
            case TIME -> String.format("%02d:%02d", c.below(24), c.below(60));
            case YES_NO -> c.chance(50);
            case GROUP -> throw new IllegalArgumentException("groups have rows");
        };
    }

    /** Non-blank text of up to maxLength code points; sometimes exactly maxLength. */
    private String text(int maxLength) {
        int length = c.chance(20) ? maxLength : 1 + c.below(Math.min(maxLength, 40));
        StringBuilder text = new StringBuilder("x");
        for (int i = 1; i < length; i++) {
            text.append(ALPHABET[c.below(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** A number on the item's step grid within its range; sometimes exactly a bound. */
    private BigDecimal number(Item item) {
        BigDecimal min = item.effectiveMin();
        BigDecimal max = item.effectiveMax();
        BigDecimal step = item.effectiveStep();
        BigDecimal lo = min != null ? min : (max != null ? max.subtract(BigDecimal.valueOf(1000)) : BigDecimal.valueOf(-1000));
        BigDecimal hi = max != null ? max : lo.add(BigDecimal.valueOf(2000));
        if (step == null) {
            if (c.chance(15)) {
                return c.chance(50) ? lo : hi;
            }
            BigDecimal span = hi.subtract(lo);
            return lo.add(span.multiply(BigDecimal.valueOf(c.below(1001))).divide(BigDecimal.valueOf(1000), 2,
                    RoundingMode.DOWN));
        }
        BigDecimal base = min != null ? min : BigDecimal.ZERO;
        long kMin = lo.subtract(base).divide(step, 0, RoundingMode.CEILING).longValueExact();
        long kMax = hi.subtract(base).divide(step, 0, RoundingMode.FLOOR).longValueExact();
        long k = c.chance(15) ? (c.chance(50) ? kMin : kMax) : kMin + c.below((int) Math.min(kMax - kMin + 1, 5000));
        return Item.normal(base.add(step.multiply(BigDecimal.valueOf(k))));
    }
}
