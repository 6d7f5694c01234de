package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question of a worksheet. Which fields apply depends on {@link #type()}; the others are
 * null (or empty lists):
 * <ul>
 * <li>text: {@code maxLength} (a default applies when null);</li>
 * <li>number: {@code min}, {@code max}, {@code step}, {@code unit};</li>
 * <li>rating: {@code max} (10 or 100), {@code step}, {@code anchors};</li>
 * <li>duration (whole minutes): {@code min}, {@code max}, {@code step};</li>
 * <li>single/multiple choice and checklist: {@code options};</li>
 * <li>group: {@code items} (its children), {@code minItems}, {@code maxItems}.</li>
 * </ul>
 * Every item may have help text, be required, and carry show-if conditions ({@code showIf},
 * all of which must hold). Use {@link #builder(String, ItemType, String)} to make one in code.
 */
public record Item(
        String id,
        ItemType type,
        String label,
        String help,
        boolean required,
        List<Condition> showIf,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        BigDecimal step,
        String unit,
        Anchors anchors,
        List<ChoiceOption> options,
        Integer minItems,
        Integer maxItems,
        List<Item> items) {

    public Item {
        showIf = showIf == null ? List.of() : List.copyOf(showIf);
        options = options == null ? List.of() : List.copyOf(options);
        items = items == null ? List.of() : List.copyOf(items);
        min = normal(min);
        max = normal(max);
        step = normal(step);
    }

    /** Numbers compare by value: 10, 10.0 and 1E+1 are the same bound. */
    public static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Builder builder(String id, ItemType type, String label) {
        return new Builder(id, type, label);
    }

    /** The longest text answer accepted, for text items. */
    public int effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == ItemType.LONG_TEXT ? Limits.LONG_TEXT_DEFAULT : Limits.SHORT_TEXT_DEFAULT;
    }

    /** The lowest accepted number, for numeric items (null when unbounded). */
    public BigDecimal effectiveMin() {
        if (min != null) {
            return min;
        }
        return type == ItemType.RATING || type == ItemType.DURATION ? BigDecimal.ZERO : null;
    }

    /** The highest accepted number, for numeric items (null when unbounded). */
    public BigDecimal effectiveMax() {
        if (max != null) {
            return max;
        }
        return type == ItemType.DURATION ? BigDecimal.valueOf(Limits.DURATION_DEFAULT_MAX) : null;
    }

    /** The step between accepted numbers (null when any decimal goes), for numeric items. */
    public BigDecimal effectiveStep() {
        if (step != null) {
            return step;
        }
        return type == ItemType.RATING || type == ItemType.DURATION ? BigDecimal.ONE : null;
    }

    /** The fewest rows a shown group must have in a complete entry. */
    public int effectiveMinItems() {
        int declared = minItems == null ? 0 : minItems;
        return required ? Math.max(1, declared) : declared;
    }

    /** The most rows a group accepts. */
    public int effectiveMaxItems() {
        return maxItems == null ? Limits.GROUP_ROWS_DEFAULT : maxItems;
    }

    /** The child with this id, for groups. */
    public Optional<Item> child(String childId) {
        return items.stream().filter(c -> c.id().equals(childId)).findFirst();
    }

    /** The option with this code, for choice items. */
    public Optional<ChoiceOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** Builds an {@link Item} field by field; nothing is checked until the definition is made. */
    public static final class Builder {
        private final String id;
        private final ItemType type;
        private final String label;
        private String help;
        private boolean required;
        private final List<Condition> showIf = new ArrayList<>();
        private Integer maxLength;
        private BigDecimal min;
        private BigDecimal max;
        private BigDecimal step;
        private String unit;
        private Anchors anchors;
        private final List<ChoiceOption> options = new ArrayList<>();
        private Integer minItems;
        private Integer maxItems;
        private final List<Item> items = new ArrayList<>();

        private Builder(String id, ItemType type, String label) {
            this.id = id;
            this.type = type;
            this.label = label;
        }

        public Builder help(String text) {
            this.help = text;
            return this;
        }

        public Builder required() {
            return required(true);
        }

        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        public Builder showIf(Condition condition) {
            this.showIf.add(condition);
            return this;
        }

        public Builder maxLength(Integer value) {
            this.maxLength = value;
            return this;
        }

        public Builder min(Number value) {
            this.min = decimal(value);
            return this;
        }

        public Builder max(Number value) {
            this.max = decimal(value);
            return this;
        }

        public Builder step(Number value) {
            this.step = decimal(value);
            return this;
        }

        public Builder unit(String value) {
            this.unit = value;
            return this;
        }

        public Builder anchors(Anchors value) {
            this.anchors = value;
            return this;
        }

        public Builder option(String code, String optionLabel) {
            this.options.add(new ChoiceOption(code, optionLabel));
            return this;
        }

        public Builder options(List<ChoiceOption> values) {
            this.options.addAll(values);
            return this;
        }

        public Builder minItems(Integer value) {
            this.minItems = value;
            return this;
        }

        public Builder maxItems(Integer value) {
            this.maxItems = value;
            return this;
        }

        public Builder child(Item child) {
            this.items.add(child);
            return this;
        }

        public Item build() {
            return new Item(id, type, label, help, required, showIf, maxLength, min, max, step, unit, anchors,
                    options, minItems, maxItems, items);
        }

        private static BigDecimal decimal(Number value) {
            if (value == null) {
                return null;
            }
            return value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
        }
    }
}
