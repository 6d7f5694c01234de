package app.carryover.worksheets.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.worksheets.DefinitionProblem;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.builder.BuilderDraft.DraftCondition;
import app.carryover.worksheets.builder.BuilderDraft.DraftItem;
import app.carryover.worksheets.builder.BuilderDraft.DraftOption;
import app.carryover.worksheets.builder.BuilderDraft.DraftValue;

/**
 * The builder page's model: the draft with each element's path (its field names) and element id,
 * the choices each condition may refer to, and the format's problems — keyed by path for the field
 * they belong to, and listed in words at the top.
 */
record BuilderView(BuilderDraft draft, List<ItemView> items, List<ValueView> values, Map<String, String> errors,
        List<Problem> problems, String focus) {

    /** A problem as listed at the top: where it is in words, the id to jump to, and the message. */
    record Problem(String where, String anchor, String message) {
    }

    /** Something a condition or a select can name: its code and its words. */
    record Choice(String value, String label) {
    }

    record ItemView(String path, String anchor, String heading, DraftItem item, boolean child, boolean first,
            boolean last, List<OptionView> options, List<ConditionView> conditions, List<ItemView> children,
            List<Choice> targets) {

        /** The name of one of this item's fields, e.g. {@code items[2].label}. */
        public String name(String field) {
            return path + "." + field;
        }

        /** The element id of one of this item's fields, e.g. {@code b-items-2-label}. */
        public String id(String field) {
            return BuilderView.anchor(path + "." + field);
        }

        public String type() {
            return item.itemType().code();
        }
    }

    record OptionView(String path, String anchor, int number, DraftOption option) {
    }

    /** A condition; {@code unknownItem} is the item it names when that is not among the choices (to show it still). */
    record ConditionView(String path, String anchor, int number, DraftCondition condition, String valueKind,
            List<Choice> valueChoices, String unknownItem) {
    }

    record ValueView(String path, String anchor, int number, DraftValue value) {
    }

    private static final Pattern INDEXED = Pattern.compile("(items|options|showIf|values)\\[(\\d+)]");

    static BuilderView of(BuilderDraft draft, List<DefinitionProblem> found, String focus) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (DefinitionProblem p : found) {
            // A dose's days and times are one field each on the page.
            String field = p.path().replaceAll("^(suggestedDose\\.(?:days|times))\\[\\d+]$", "$1");
            errors.merge(field, sentence(p.message()), (a, b) -> a + " " + b);
            problems.add(new Problem(where(field), field.isEmpty() ? null : anchor(field), sentence(p.message())));
        }
        List<ItemView> items = new ArrayList<>();
        List<DraftItem> top = draft.items();
        for (int i = 0; i < top.size(); i++) {
            items.add(item(top.get(i), "items[" + i + "]", "Question " + (i + 1), false, i, top.size(), top, null));
        }
        List<ValueView> values = new ArrayList<>();
        for (int v = 0; v < draft.values().size(); v++) {
            String path = "values[" + v + "]";
            values.add(new ValueView(path, anchor(path), v + 1, draft.values().get(v)));
        }
        return new BuilderView(draft, items, values, errors, problems, focus);
    }

    private static ItemView item(DraftItem item, String path, String heading, boolean child, int index, int count,
            List<DraftItem> top, DraftItem group) {
        List<OptionView> options = new ArrayList<>();
        for (int o = 0; o < item.options().size(); o++) {
            String p = path + ".options[" + o + "]";
            options.add(new OptionView(p, anchor(p), o + 1, item.options().get(o)));
        }
        List<Choice> targets = new ArrayList<>();
        for (int t = 0; t < top.size(); t++) {
            DraftItem candidate = top.get(t);
            if (candidate != item && candidate != group && candidate.itemType() != ItemType.GROUP) {
                targets.add(new Choice(candidate.id(), "Question " + (t + 1) + ": " + cut(candidate.label())));
            }
        }
        if (group != null) {
            for (int s = 0; s < group.items().size(); s++) {
                DraftItem sibling = group.items().get(s);
                if (sibling != item) {
                    targets.add(new Choice(sibling.id(), "Part " + (s + 1) + ": " + cut(sibling.label())));
                }
            }
        }
        List<ConditionView> conditions = new ArrayList<>();
        for (int c = 0; c < item.showIf().size(); c++) {
            String p = path + ".showIf[" + c + "]";
            DraftCondition condition = item.showIf().get(c);
            boolean listed = targets.stream().anyMatch(t -> t.value().equals(condition.item()));
            conditions.add(condition(p, c + 1, condition, target(condition.item(), top, group),
                    listed || condition.item().isEmpty() ? null : condition.item()));
        }
        List<ItemView> children = new ArrayList<>();
        for (int c = 0; c < item.items().size(); c++) {
            children.add(item(item.items().get(c), path + ".items[" + c + "]", "Part " + (c + 1), true, c,
                    item.items().size(), top, item));
        }
        return new ItemView(path, anchor(path), heading, item, child, index == 0, index == count - 1, options,
                conditions, children, targets);
    }

    /** How a condition's value is asked for: by the options of the item it tests, a yes/no, a number or text. */
    private static ConditionView condition(String path, int number, DraftCondition c, DraftItem target,
            String unknownItem) {
        List<Choice> choices = new ArrayList<>();
        String kind = "text";
        if (target != null && target.itemType() == ItemType.YES_NO) {
            kind = "choice";
            choices.add(new Choice("true", "Yes"));
            choices.add(new Choice("false", "No"));
        } else if (target != null && target.itemType().hasOptions()) {
            kind = "choice";
            target.options().forEach(o -> choices.add(new Choice(o.code(), o.label().isBlank() ? o.code() : cut(o.label()))));
        } else if (target != null && target.itemType().isNumeric()) {
            kind = "number";
        }
        return new ConditionView(path, anchor(path), number, c, kind, choices, unknownItem);
    }

    private static DraftItem target(String id, List<DraftItem> top, DraftItem group) {
        if (group != null) {
            for (DraftItem sibling : group.items()) {
                if (sibling.id().equals(id)) {
                    return sibling;
                }
            }
        }
        return top.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /** The element id for a field path: {@code items[2].options[0].label} → {@code b-items-2-options-0-label}. */
    static String anchor(String path) {
        return "b-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
    }

    /** Where a problem is, in words such as: Question 3, option 2, wording. */
    static String where(String path) {
        if (path.isEmpty()) {
            return "The worksheet";
        }
        List<String> parts = new ArrayList<>();
        Matcher m = INDEXED.matcher(path);
        int end = 0;
        boolean inItem = false;
        while (m.find()) {
            int n = Integer.parseInt(m.group(2)) + 1;
            switch (m.group(1)) {
                case "items" -> parts.add(inItem ? "part " + n : "Question " + n);
                case "options" -> parts.add("option " + n);
                case "showIf" -> parts.add("condition " + n);
                default -> parts.add("Number " + n);
            }
            inItem = true;
            end = m.end();
        }
        String rest = path.substring(end).replaceFirst("^\\.", "");
        if (!rest.isEmpty()) {
            parts.add(FIELD_WORDS.getOrDefault(rest, rest));
        }
        String words = String.join(", ", parts);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static final Map<String, String> FIELD_WORDS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("category", "category"), Map.entry("purpose", "what it is for"),
            Map.entry("clientInstructions", "instructions for the client"),
            Map.entry("clinicianGuidance", "guidance for clinicians"), Map.entry("items", "questions"),
            Map.entry("values", "numbers for charts"), Map.entry("suggestedDose.kind", "suggested dose"),
            Map.entry("suggestedDose.count", "suggested dose, how many"),
            Map.entry("suggestedDose.days", "suggested dose, days"),
            Map.entry("suggestedDose.times", "suggested dose, times"),
            Map.entry("suggestedDose.trigger", "suggested dose, when"), Map.entry("id", "answer key"),
            Map.entry("type", "type"), Map.entry("label", "wording"), Map.entry("help", "help text"),
            Map.entry("maxLength", "longest answer"), Map.entry("min", "lowest"), Map.entry("max", "highest"),
            Map.entry("step", "step"), Map.entry("unit", "unit"), Map.entry("anchors", "scale words"),
            Map.entry("anchors.min", "words at the bottom"), Map.entry("anchors.mid", "words in the middle"),
            Map.entry("anchors.max", "words at the top"), Map.entry("options", "options"),
            Map.entry("code", "code"), Map.entry("showIf", "show only if"), Map.entry("item", "question it depends on"),
            Map.entry("operator", "comparison"), Map.entry("value", "value"),
            Map.entry("minItems", "fewest entries"), Map.entry("maxItems", "most entries"),
            Map.entry("key", "key"), Map.entry("formula", "formula"));

    /** The format's message as a sentence: "is required" → "This is required." */
    static String sentence(String message) {
        String m = message.trim();
        if (m.startsWith("is ") || m.startsWith("must ")) {
            m = "This " + m;
        } else if (m.startsWith("are ")) {
            m = "These " + m;
        } else if (!m.isEmpty()) {
            m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        }
        return m.endsWith(".") ? m : m + ".";
    }

    private static String cut(String label) {
        String l = label == null || label.isBlank() ? "(no question yet)" : label.trim();
        return l.length() <= 50 ? l : l.substring(0, 49).stripTrailing() + "…";
    }
}
