package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Known ways to break valid answers, each with the path and reason the validator must report.
 * Mutations touch only items that are shown whatever the answers say (no conditions on them or
 * their group), so the expected error does not depend on the validator's own view of visibility.
 */
final class AnswerMutations {

    /** A broken copy of the answers and the error it must cause; {@code draftToo}: drafts refuse it too. */
    record Mutation(String name, Map<String, Object> answers, String path, Set<FieldError.Reason> reasons,
            boolean draftToo) {

        @Override
        public String toString() {
            return name + " at '" + path + "' expecting " + reasons + (draftToo ? " (drafts too)" : "");
        }
    }

    private final WorksheetDefinition definition;
    private final Map<String, Object> valid;
    private final GeneratedAnswers generator;
    private final List<Mutation> out = new ArrayList<>();

    private AnswerMutations(WorksheetDefinition definition, Map<String, Object> valid, GeneratedAnswers generator) {
        this.definition = definition;
        this.valid = valid;
        this.generator = generator;
    }

    static List<Mutation> all(WorksheetDefinition definition, Map<String, Object> valid, GeneratedAnswers generator) {
        AnswerMutations m = new AnswerMutations(definition, valid, generator);
        m.collect();
        return m.out;
    }

    @SuppressWarnings("unchecked")
    private void collect() {
        add("unknown item", a -> a.put("zz_unknown", "x"), "zz_unknown", FieldError.Reason.UNKNOWN_ITEM, true);
        add("oversized document", a -> a.put("i0", "y".repeat(300_000)), "", FieldError.Reason.TOO_LARGE, true);
        for (Item item : definition.items()) {
            if (!item.showIf().isEmpty()) {
                continue;
            }
            String id = item.id();
            if (item.type() != ItemType.GROUP) {
                leaf(item, id, (a, v) -> a.put(id, v));
                if (item.required()) {
                    add("missing required", a -> a.remove(id), id, FieldError.Reason.REQUIRED, false);
                }
                continue;
            }
            add("group not a list", a -> a.put(id, "rows"), id, FieldError.Reason.WRONG_TYPE, true);
            add("too many rows", a -> a.put(id, generator.rows(item, item.effectiveMaxItems() + 1)), id,
                    FieldError.Reason.TOO_MANY, true);
            if (item.effectiveMinItems() > 0) {
                add("missing group", a -> a.remove(id), id, FieldError.Reason.TOO_FEW, false);
            }
            if (item.effectiveMinItems() > 1) {
                add("too few rows", a -> a.put(id, generator.rows(item, 1)), id, FieldError.Reason.TOO_FEW, false);
            }
            List<Map<String, Object>> rows = (List<Map<String, Object>>) valid.get(id);
            if (rows == null) {
                continue;
            }
            for (int r = 0; r < rows.size(); r++) {
                int row = r;
                String rowPath = id + "[" + r + "]";
                add("row not an object", a -> ((List<Object>) a.get(id)).set(row, "row"), rowPath,
                        FieldError.Reason.WRONG_TYPE, true);
                add("unknown child", a -> rowOf(a, id, row).put("zz_unknown", 1), rowPath + ".zz_unknown",
                        FieldError.Reason.UNKNOWN_ITEM, true);
                for (Item child : item.items()) {
                    if (!child.showIf().isEmpty()) {
                        continue;
                    }
                    String cellPath = rowPath + "." + child.id();
                    leaf(child, cellPath, (a, v) -> rowOf(a, id, row).put(child.id(), v));
                    if (child.required()) {
                        Map<String, Object> without = deepCopy(valid);
                        rowOf(without, id, row).remove(child.id());
                        // removing the child may hide the row's other answers (their conditions can depend
                        // on it); a row with no answer in a shown cell is no entry, so nothing is missing
                        if (isEntry(without, item, row)) {
                            add("missing required child", a -> rowOf(a, id, row).remove(child.id()), cellPath,
                                    FieldError.Reason.REQUIRED, false);
                        }
                    }
                }
            }
        }
    }

    /** Whether the row still has an answer in a shown cell, by the independent oracle's reading. */
    private boolean isEntry(Map<String, Object> answers, Item group, int row) {
        Set<String> hidden = VisibilityOracle.hidden(definition, answers);
        Map<String, Object> cells = rowOf(answers, group.id(), row);
        return group.items().stream().anyMatch(child -> answered(cells.get(child.id()))
                && !hidden.contains(group.id() + "[" + row + "]." + child.id()));
    }

    private static boolean answered(Object value) {
        return value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rowOf(Map<String, Object> answers, String group, int row) {
        return (Map<String, Object>) ((List<Object>) answers.get(group)).get(row);
    }

    /** The ways to break a single answer of this item, set through {@code put}. */
    private void leaf(Item item, String path, BiConsumer<Map<String, Object>, Object> put) {
        ItemType t = item.type();
        Object wrong = switch (t) {
            case SHORT_TEXT, LONG_TEXT, SINGLE_CHOICE -> BigDecimal.valueOf(7);
            case NUMBER, RATING, DURATION -> "5";
            case MULTIPLE_CHOICE, CHECKLIST -> item.options().get(0).code();
            case DATE -> BigDecimal.valueOf(20250101);
            case TIME -> Boolean.TRUE;
            case YES_NO -> "yes";
            case GROUP -> throw new IllegalStateException();
        };
        add("wrong type", a -> put.accept(a, wrong), path, FieldError.Reason.WRONG_TYPE, true);
        switch (t) {
            case SHORT_TEXT, LONG_TEXT -> {
                add("too long", a -> put.accept(a, "y".repeat(item.effectiveMaxLength() + 1)), path,
                        FieldError.Reason.TOO_LONG, true);
                add("control character", a -> put.accept(a, "a\u0007b"), path, FieldError.Reason.INVALID_CHARACTERS,
                        true);
            }
            case NUMBER, RATING, DURATION -> numeric(item, path, put);
            case SINGLE_CHOICE -> add("not an option", a -> put.accept(a, "zz"), path,
                    FieldError.Reason.NOT_AN_OPTION, true);
            case MULTIPLE_CHOICE, CHECKLIST -> {
                String first = item.options().get(0).code();
                add("not an option", a -> put.accept(a, new ArrayList<>(List.of(first, "zz"))), path,
                        FieldError.Reason.NOT_AN_OPTION, true);
                add("chosen twice", a -> put.accept(a, new ArrayList<>(List.of(first, first))), path,
                        FieldError.Reason.DUPLICATE_CHOICE, true);
            }
            case DATE -> add("impossible date", a -> put.accept(a, "2025-02-30"), path, FieldError.Reason.WRONG_TYPE,
                    true);
            case TIME -> add("impossible time", a -> put.accept(a, "24:00"), path, FieldError.Reason.WRONG_TYPE, true);
            default -> {
                // yes/no has only the wrong type
            }
        }
    }

    private void numeric(Item item, String path, BiConsumer<Map<String, Object>, Object> put) {
        BigDecimal min = item.effectiveMin();
        BigDecimal max = item.effectiveMax();
        BigDecimal step = item.effectiveStep();
        BigDecimal nudge = step == null ? BigDecimal.ONE : step;
        if (max != null) {
            add("above max", a -> put.accept(a, max.add(nudge)), path, FieldError.Reason.OUT_OF_RANGE, true);
        } else {
            add("absurdly large", a -> put.accept(a, new BigDecimal("2000000000")), path,
                    FieldError.Reason.OUT_OF_RANGE, true);
        }
        if (min != null) {
            add("below min", a -> put.accept(a, min.subtract(nudge)), path, FieldError.Reason.OUT_OF_RANGE, true);
        }
        BigDecimal base = min == null ? BigDecimal.ZERO : min;
        if (item.type() == ItemType.NUMBER && step != null) {
            BigDecimal off = base.add(step.divide(BigDecimal.valueOf(2)));
            if (max == null || off.compareTo(max) <= 0) {
                add("off the step", a -> put.accept(a, off), path, FieldError.Reason.STEP, true);
            }
        } else if (item.type() != ItemType.NUMBER && step.compareTo(BigDecimal.ONE) > 0) {
            BigDecimal off = base.add(BigDecimal.ONE);
            if (off.compareTo(max) <= 0) {
                add("off the step", a -> put.accept(a, off), path, FieldError.Reason.STEP, true);
            }
        } else if (item.type() != ItemType.NUMBER) {
            BigDecimal half = base.add(new BigDecimal("0.5"));
            if (half.compareTo(max) <= 0) {
                add("not whole", a -> put.accept(a, half), path, FieldError.Reason.WRONG_TYPE, true);
            }
        } else {
            BigDecimal tiny = base.add(new BigDecimal("0.0000001"));
            if (max == null || tiny.compareTo(max) <= 0) {
                add("too many decimals", a -> put.accept(a, tiny), path, FieldError.Reason.STEP, true);
            }
        }
    }

    private void add(String name, java.util.function.Consumer<Map<String, Object>> change, String path,
            FieldError.Reason reason, boolean draftToo) {
        Map<String, Object> copy = deepCopy(valid);
        change.accept(copy);
        out.add(new Mutation(name, copy, path, Set.of(reason), draftToo));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(e -> copy.add(copyValue(e)));
            return copy;
        }
        return v;
    }
}
