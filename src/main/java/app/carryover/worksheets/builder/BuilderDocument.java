package app.carryover.worksheets.builder;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.worksheets.Condition;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.builder.BuilderDraft.DraftCondition;
import app.carryover.worksheets.builder.BuilderDraft.DraftItem;
import app.carryover.worksheets.builder.BuilderDraft.DraftOption;
import app.carryover.worksheets.builder.BuilderDraft.DraftValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a builder draft into the definition's JSON document, which the format's own reader then
 * checks — so the builder and the API refuse exactly the same things, at the same paths. Only the
 * fields that belong to an item's type are sent (a number's bounds stay behind when it becomes a
 * text question); what cannot be read as a number is sent as typed, for the reader to name.
 */
final class BuilderDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BuilderDocument() {
    }

    /**
     * The draft with every blank answer key and option code made from its label. A key the builder
     * made earlier and nobody changed is made again from the current label (and conditions that
     * named it follow, as do the formulas of values), so typing a question after adding it still gives
     * it a fitting key.
     */
    static BuilderDraft withKeys(BuilderDraft draft) {
        Set<String> taken = new HashSet<>();
        for (DraftItem item : draft.items()) {
            taken.add(item.id());
            item.items().forEach(c -> taken.add(c.id()));
        }
        Map<String, String> renamed = new HashMap<>();
        List<DraftItem> items = draft.items();
        for (int i = 0; i < items.size(); i++) {
            DraftItem keyed = keyed(items.get(i), taken, renamed);
            List<DraftItem> children = keyed.items();
            for (int c = 0; c < children.size(); c++) {
                children.set(c, keyed(children.get(c), taken, renamed));
            }
            items.set(i, keyed);
        }
        if (!renamed.isEmpty()) {
            for (DraftItem item : items) {
                follow(item.showIf(), renamed);
                item.items().forEach(child -> follow(child.showIf(), renamed));
            }
            List<DraftValue> values = draft.values();
            for (int v = 0; v < values.size(); v++) {
                DraftValue value = values.get(v);
                values.set(v, new DraftValue(value.key(), value.label(), value.unit(), renamedIn(value.formula(), renamed)));
            }
        }
        return draft;
    }

    private static final Pattern NAME = Pattern.compile("(?<![a-z0-9_])[a-z][a-z0-9_]*+(?!\\s*\\()");

    /** The formula with each renamed question's key replaced (function names, followed by "(", are left alone). */
    static String renamedIn(String formula, Map<String, String> renamed) {
        if (formula == null || formula.isEmpty()) {
            return formula;
        }
        Matcher m = NAME.matcher(formula);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String to = renamed.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(to == null ? m.group() : to));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void follow(List<DraftCondition> conditions, Map<String, String> renamed) {
        for (int c = 0; c < conditions.size(); c++) {
            DraftCondition condition = conditions.get(c);
            String to = renamed.get(condition.item());
            if (to != null) {
                conditions.set(c, new DraftCondition(to, condition.operator(), condition.value()));
            }
        }
    }

    private static DraftItem keyed(DraftItem item, Set<String> taken, Map<String, String> renamed) {
        List<DraftOption> options = item.options();
        Set<String> codes = new HashSet<>();
        options.forEach(o -> codes.add(o.code()));
        for (int o = 0; o < options.size(); o++) {
            DraftOption option = options.get(o);
            if (option.code().isEmpty() && !option.label().isBlank()) {
                String code = unique(slug(option.label(), "-", "option"), "-", codes);
                codes.add(code);
                options.set(o, new DraftOption(code, option.label()));
            }
        }
        if (!item.idFollowsLabel()) {
            return item;
        }
        taken.remove(item.id());
        String id = unique(slug(item.label(), "_", "question"), "_", taken);
        taken.add(id);
        if (!item.id().isEmpty() && !item.id().equals(id)) {
            renamed.put(item.id(), id);
        }
        return item.withId(id, id);
    }

    private static String unique(String base, String joiner, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + joiner + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Lowercase ASCII words joined by {@code joiner}, at most 30 characters, starting with a letter. */
    static String slug(String label, String joiner, String fallback) {
        String ascii = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim().split(" ");
        StringBuilder slug = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty() || slug.length() + word.length() + 1 > 30) {
                continue;
            }
            slug.append(slug.length() == 0 ? "" : joiner).append(word);
        }
        if (slug.length() == 0 || !Character.isLetter(slug.charAt(0))) {
            slug.insert(0, slug.length() == 0 ? fallback : fallback + joiner);
        }
        return slug.toString();
    }

    /** The JSON document of the draft (without key and version, which the server sets). */
    static ObjectNode document(BuilderDraft draft) {
        ObjectNode root = NODES.objectNode();
        root.put("format", Limits.FORMAT);
        root.put("title", draft.title());
        if (!draft.category().isEmpty()) {
            root.put("category", draft.category());
        }
        root.put("purpose", draft.purpose());
        root.put("clientInstructions", draft.clientInstructions());
        if (!draft.clinicianGuidance().isBlank()) {
            root.put("clinicianGuidance", draft.clinicianGuidance());
        }
        dose(root, draft.dose());
        ArrayNode items = root.putArray("items");
        for (DraftItem item : draft.items()) {
            items.add(item(item, draft.items(), null));
        }
        if (!draft.values().isEmpty()) {
            ArrayNode values = root.putArray("values");
            draft.values().forEach(v -> values.addObject().put("key", v.key()).put("label", v.label())
                    .put("unit", v.unit()).put("formula", v.formula()));
        }
        return root;
    }

    private static void dose(ObjectNode root, BuilderDraft.Dose dose) {
        if (dose.kind().isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject("suggestedDose");
        node.put("kind", dose.kind());
        number(node, "count", dose.count().isEmpty() ? "1" : dose.count());
        if (SuggestedDose.Kind.ON_DAYS.code().equals(dose.kind())) {
            ArrayNode days = node.putArray("days");
            dose.days().forEach(days::add);
        }
        if (!dose.times().isBlank()) {
            ArrayNode times = node.putArray("times");
            for (String time : dose.times().split("[,;\\s]+")) {
                if (!time.isBlank()) {
                    times.add(time.trim());
                }
            }
        }
        if (SuggestedDose.Kind.ON_TRIGGER.code().equals(dose.kind())) {
            node.put("trigger", dose.trigger());
        }
    }

    private static ObjectNode item(DraftItem item, List<DraftItem> topLevel, DraftItem group) {
        ObjectNode node = NODES.objectNode();
        node.put("id", item.id());
        node.put("type", item.type());
        node.put("label", item.label());
        if (!item.help().isBlank()) {
            node.put("help", item.help());
        }
        if (item.required()) {
            node.put("required", true);
        }
        ItemType type = ItemType.fromCode(item.type()).orElse(null);
        if (type != null) {
            typeFields(node, item, type, topLevel);
        }
        if (!item.showIf().isEmpty()) {
            ArrayNode conditions = node.putArray("showIf");
            for (DraftCondition c : item.showIf()) {
                conditions.add(condition(c, topLevel, group));
            }
        }
        return node;
    }

    private static void typeFields(ObjectNode node, DraftItem item, ItemType type, List<DraftItem> topLevel) {
        switch (type) {
            case SHORT_TEXT, LONG_TEXT -> number(node, "maxLength", item.maxLength());
            case NUMBER -> {
                number(node, "min", item.min());
                number(node, "max", item.max());
                number(node, "step", item.step());
                if (!item.unit().isBlank()) {
                    node.put("unit", item.unit());
                }
            }
            case RATING -> {
                number(node, "max", item.max().isEmpty() ? "10" : item.max());
                number(node, "step", item.step());
                if (!(item.anchorMin().isBlank() && item.anchorMid().isBlank() && item.anchorMax().isBlank())) {
                    ObjectNode anchors = node.putObject("anchors");
                    anchors.put("min", item.anchorMin());
                    if (!item.anchorMid().isBlank()) {
                        anchors.put("mid", item.anchorMid());
                    }
                    anchors.put("max", item.anchorMax());
                }
            }
            case DURATION -> {
                number(node, "min", item.min());
                number(node, "max", item.max());
                number(node, "step", item.step());
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                ArrayNode options = node.putArray("options");
                item.options().forEach(o -> options.addObject().put("code", o.code()).put("label", o.label()));
            }
            case GROUP -> {
                number(node, "minItems", item.minItems());
                number(node, "maxItems", item.maxItems());
                ArrayNode children = node.putArray("items");
                item.items().forEach(child -> children.add(item(child, topLevel, item)));
            }
            default -> { }
        }
    }

    /** A condition, its value typed by the item it tests (yes/no as true/false, numbers as numbers). */
    private static ObjectNode condition(DraftCondition c, List<DraftItem> topLevel, DraftItem group) {
        ObjectNode node = NODES.objectNode();
        node.put("item", c.item());
        node.put("operator", c.operator());
        Condition.Operator operator = Condition.Operator.fromCode(c.operator()).orElse(null);
        if (c.value().isEmpty() || (operator != null && !operator.needsValue())) {
            return node;
        }
        DraftItem target = find(c.item(), topLevel, group);
        ItemType type = target == null ? null : target.itemType();
        String value = c.value();
        if (type == ItemType.YES_NO && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"))) {
            node.put("value", true);
        } else if (type == ItemType.YES_NO && (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no"))) {
            node.put("value", false);
        } else if (type != null && type.isNumeric()) {
            number(node, "value", value);
        } else {
            node.put("value", value);
        }
        return node;
    }

    private static DraftItem find(String id, List<DraftItem> topLevel, DraftItem group) {
        if (group != null) {
            for (DraftItem sibling : group.items()) {
                if (sibling.id().equals(id)) {
                    return sibling;
                }
            }
        }
        return topLevel.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /** A number when the text reads as one, else the text as typed (for the reader to refuse at its path). */
    private static void number(ObjectNode node, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            node.put(field, new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            node.put(field, text);
        }
    }
}
