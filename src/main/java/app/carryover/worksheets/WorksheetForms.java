package app.carryover.worksheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link WorksheetForm} that the {@code worksheets/form :: fields(form, refreshUrl)}
 * fragment renders, for the preview here and for the client's filling page in the homework module.
 * <p>
 * Typical use in a controller: show {@link #model} with a saved draft; on a post, if
 * {@link #isRowChange} (the "add another" or "remove" button of a group) or the request is the
 * fragment's own refresh, show {@link #posted} again without checking; otherwise check with
 * {@link FormAnswers#complete} and, if refused, show {@link #posted} with the check's errors.
 */
public final class WorksheetForms {

    /** Posted with the name of a group to add an empty row to it. */
    public static final String ADD_ROW = "_add";
    /** Posted with a row's path ({@code thoughts[1]}) to remove that row. */
    public static final String REMOVE_ROW = "_remove";

    private static final Pattern CELL = Pattern.compile("([a-z][a-z0-9_]*)\\[(\\d{1,3})]\\.([a-z][a-z0-9_]*)");
    private static final Pattern ROW = Pattern.compile("([a-z][a-z0-9_]*)\\[(\\d{1,3})]");
    /** Rating scales with at most this many points show as buttons; longer ones as a number box. */
    private static final int SCALE_BUTTONS = 21;

    private WorksheetForms() {
    }

    /** The form for a definition: blank when {@code answers} is null, else filled from them; with errors or none. */
    public static WorksheetForm model(WorksheetDefinition definition, Answers answers, List<FieldError> errors) {
        Map<String, List<String>> fields = answers == null ? Map.of() : FormAnswers.fields(definition, answers);
        return posted(definition, fields, errors);
    }

    /**
     * The form as posted (a refused submission shown again, or a change that shows or hides items),
     * after any add-row or remove-row request in the post; with errors or none.
     */
    public static WorksheetForm posted(WorksheetDefinition definition, Map<String, List<String>> posted,
            List<FieldError> errors) {
        Map<String, TreeMap<Integer, Map<String, List<String>>>> rows = new LinkedHashMap<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>(values(posted, REMOVE_ROW));
        for (Map.Entry<String, List<String>> field : posted.entrySet()) {
            Matcher cell = CELL.matcher(field.getKey());
            Item top = definition.item(field.getKey()).orElse(null);
            if (top != null && top.type() != ItemType.GROUP) {
                fields.put(field.getKey(), field.getValue() == null ? List.of() : field.getValue());
            } else if (cell.matches() && isCell(definition, cell.group(1), cell.group(3))
                    && !removed.contains(cell.group(1) + "[" + cell.group(2) + "]")) {
                rows.computeIfAbsent(cell.group(1), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(cell.group(2)), r -> new LinkedHashMap<>())
                        .put(cell.group(3), field.getValue() == null ? List.of() : field.getValue());
            }
        }
        // Rows close up as FormAnswers closes them, so the paths of errors match the rows shown.
        Set<String> adding = new HashSet<>(values(posted, ADD_ROW));
        Map<String, Integer> rowCounts = new LinkedHashMap<>();
        for (Item group : definition.items()) {
            if (group.type() != ItemType.GROUP) {
                continue;
            }
            List<Map<String, List<String>>> list = new ArrayList<>(
                    rows.getOrDefault(group.id(), new TreeMap<>()).values());
            while (list.size() < Math.max(1, group.effectiveMinItems())) {
                list.add(Map.of());
            }
            if (adding.contains(group.id()) && list.size() < group.effectiveMaxItems()) {
                list.add(Map.of());
            }
            for (int r = 0; r < list.size(); r++) {
                int row = r;
                list.get(r).forEach((child, v) -> fields.put(Visibility.cell(group.id(), row, child), v));
            }
            rowCounts.put(group.id(), list.size());
        }
        return build(definition, fields, rowCounts, errors == null ? List.of() : errors);
    }

    /** Whether a post asked to add or remove a group row rather than to submit. */
    public static boolean isRowChange(Map<String, List<String>> posted) {
        return !values(posted, ADD_ROW).isEmpty() || !values(posted, REMOVE_ROW).isEmpty();
    }

    /** Where an error's field is on the page, and how the summary names it. */
    private record Target(String anchor, String label) {
    }

    private static WorksheetForm build(WorksheetDefinition definition, Map<String, List<String>> fields,
            Map<String, Integer> rowCounts, List<FieldError> errors) {
        Visibility visibility = Visibility.of(definition, FormAnswers.asTyped(definition, fields));
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(e -> messages.merge(e.path(), e.message(), (a, b) -> a + " " + b));
        Set<String> controlling = controllingIds(definition);
        Map<String, Target> targets = new LinkedHashMap<>();
        List<WorksheetForm.Control> controls = new ArrayList<>();
        for (Item item : definition.items()) {
            boolean shown = visibility.isShown(item.id());
            if (item.type() != ItemType.GROUP) {
                controls.add(control(item, item.id(), shown, controlling.contains(item.id()), messages, fields, targets));
                continue;
            }
            int count = rowCounts.getOrDefault(item.id(), 1);
            int least = Math.max(1, item.effectiveMinItems());
            List<WorksheetForm.Row> rows = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                List<WorksheetForm.Control> cells = new ArrayList<>();
                for (Item child : item.items()) {
                    String path = Visibility.cell(item.id(), r, child.id());
                    cells.add(control(child, path, shown && visibility.isShown(item.id(), r, child.id()),
                            controlling.contains(item.id() + "." + child.id()), messages, fields, targets));
                }
                rows.add(new WorksheetForm.Row(r, "Entry " + (r + 1), cells, count > least,
                        Visibility.cell(item.id(), r, item.items().get(0).id())));
            }
            WorksheetForm.Control group = new WorksheetForm.Control("group", item.id(), htmlId(item.id()), item.label(),
                    item.help(), item.required(), shown, false, messages.get(item.id()), List.of(), null, null, null,
                    List.of(), null, null, null, rows, count < item.effectiveMaxItems());
            targets.put(item.id(), new Target(group.id(), item.label()));
            controls.add(group);
        }
        List<WorksheetForm.Problem> summary = new ArrayList<>();
        for (Map.Entry<String, String> m : messages.entrySet()) {
            Target target = targets.getOrDefault(m.getKey(), new Target(null, null));
            summary.add(new WorksheetForm.Problem(target.anchor(), target.label(), m.getValue()));
        }
        return new WorksheetForm(definition.key(), definition.version(), controls, summary);
    }

    private static WorksheetForm.Control control(Item item, String path, boolean shown, boolean controlling,
            Map<String, String> messages, Map<String, List<String>> fields, Map<String, Target> targets) {
        String id = htmlId(path);
        List<String> values = fields.getOrDefault(path, List.of()).stream().filter(v -> v != null && !v.isEmpty())
                .toList();
        List<WorksheetForm.Choice> choices = choices(item, id, values);
        String inputMode = null;
        String unit = item.unit();
        switch (item.type()) {
            case NUMBER -> inputMode = "decimal";
            case RATING -> inputMode = choices.isEmpty() ? "numeric" : null;
            case DURATION -> {
                inputMode = "numeric";
                unit = "minutes";
            }
            default -> { }
        }
        Anchors a = item.anchors();
        String[] ends = a == null ? new String[3] : anchorTexts(item, a);
        Matcher cell = CELL.matcher(path);
        targets.put(path, new Target(id, cell.matches() ? "Entry " + (Integer.parseInt(cell.group(2)) + 1) + ": "
                + item.label() : item.label()));
        return new WorksheetForm.Control(item.type().code(), path, id, item.label(), item.help(), item.required(),
                shown, controlling, messages.get(path), values, inputMode, unit,
                item.type().isText() ? item.effectiveMaxLength() : null, choices,
                ends[0], ends[1], ends[2], List.of(), false);
    }

    /** "0 = Not at all", "50 = Moderate", "100 = Completely". */
    private static String[] anchorTexts(Item item, Anchors a) {
        BigDecimal max = item.effectiveMax();
        BigDecimal step = item.effectiveStep();
        BigDecimal middle = max.divide(BigDecimal.valueOf(2)).divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return new String[] {"0 = " + a.min(), a.mid() == null ? null : middle.toPlainString() + " = " + a.mid(),
                max.toPlainString() + " = " + a.max()};
    }

    private static List<WorksheetForm.Choice> choices(Item item, String id, List<String> values) {
        List<WorksheetForm.Choice> choices = new ArrayList<>();
        if (item.type().hasOptions()) {
            for (int i = 0; i < item.options().size(); i++) {
                ChoiceOption o = item.options().get(i);
                choices.add(new WorksheetForm.Choice(o.code(), o.label(), id + "-" + i, values.contains(o.code())));
            }
        } else if (item.type() == ItemType.YES_NO) {
            String value = values.isEmpty() ? "" : values.get(values.size() - 1).trim().toLowerCase();
            choices.add(new WorksheetForm.Choice("true", "Yes", id + "-yes", value.equals("true") || value.equals("yes")));
            choices.add(new WorksheetForm.Choice("false", "No", id + "-no", value.equals("false") || value.equals("no")));
        } else if (item.type() == ItemType.RATING) {
            BigDecimal max = item.effectiveMax();
            BigDecimal step = item.effectiveStep();
            if (max.divide(step, 0, RoundingMode.DOWN).intValue() + 1 <= SCALE_BUTTONS) {
                String chosen = values.isEmpty() ? null : values.get(values.size() - 1).trim();
                for (BigDecimal v = BigDecimal.ZERO; v.compareTo(max) <= 0; v = v.add(step)) {
                    String text = v.toPlainString();
                    choices.add(new WorksheetForm.Choice(text, text, id + "-" + text, sameNumber(text, chosen)));
                }
            }
        }
        return choices;
    }

    private static boolean sameNumber(String a, String b) {
        if (b == null) {
            return false;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Items other items' conditions depend on: top-level ids, and "group.child" for siblings in a row. */
    private static Set<String> controllingIds(WorksheetDefinition definition) {
        Set<String> ids = new TreeSet<>();
        for (Item item : definition.items()) {
            item.showIf().forEach(c -> ids.add(c.item()));
            for (Item child : item.items()) {
                for (Condition c : child.showIf()) {
                    ids.add(item.child(c.item()).isPresent() ? item.id() + "." + c.item() : c.item());
                }
            }
        }
        return ids;
    }

    private static boolean isCell(WorksheetDefinition definition, String groupId, String childId) {
        return definition.item(groupId).filter(g -> g.type() == ItemType.GROUP)
                .flatMap(g -> g.child(childId)).isPresent();
    }

    private static List<String> values(Map<String, List<String>> posted, String name) {
        List<String> values = posted.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .filter(v -> !name.equals(REMOVE_ROW) || ROW.matcher(v).matches()).toList();
    }

    /** An element id for a field path: {@code thoughts[0].belief} → {@code q-thoughts-0-belief}. */
    static String htmlId(String path) {
        return "q-" + path.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-+$", "");
    }
}
