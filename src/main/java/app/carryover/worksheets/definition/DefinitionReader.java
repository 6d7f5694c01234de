package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;

import app.carryover.worksheets.Anchors;
import app.carryover.worksheets.ChoiceOption;
import app.carryover.worksheets.Condition;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetCategory;

/**
 * Reads the JSON form of a definition into records, reporting structural problems (wrong JSON
 * types, unknown fields and type names) with their paths. Semantic rules are checked afterwards by
 * {@link WorksheetDefinition}'s constructor.
 */
public final class DefinitionReader {

    private static final Set<String> DEFINITION_FIELDS = Set.of("format", "key", "version", "title", "category",
            "purpose", "clientInstructions", "clinicianGuidance", "suggestedDose", "items", "values");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "type", "label", "help", "required", "showIf",
            "maxLength", "min", "max", "step", "unit", "anchors", "options", "minItems", "maxItems", "items");
    private static final Set<String> CONDITION_FIELDS = Set.of("item", "operator", "value");
    private static final Set<String> OPTION_FIELDS = Set.of("code", "label");
    private static final Set<String> ANCHOR_FIELDS = Set.of("min", "mid", "max");
    private static final Set<String> DOSE_FIELDS = Set.of("kind", "count", "days", "times", "trigger");
    private static final Set<String> VALUE_FIELDS = Set.of("key", "label", "unit", "formula");

    private final Problems p = new Problems();

    public Problems problems() {
        return p;
    }

    /** Returns the definition's parts, or null where a part could not be read (problems say why). */
    public Parts definition(JsonNode root) {
        fields(root, "", DEFINITION_FIELDS);
        JsonNode format = root.get("format");
        if (format != null && !(format.isIntegralNumber() && format.intValue() == Limits.FORMAT)) {
            p.add("format", "unsupported format " + format + "; this version reads format " + Limits.FORMAT);
        }
        Integer version = integer(root, "version", "version");
        if (version == null && !root.hasNonNull("version")) {
            p.add("version", "is required");
        }
        String categoryCode = string(root, "category", "category");
        WorksheetCategory category = null;
        if (categoryCode != null) {
            category = WorksheetCategory.fromCode(categoryCode).orElse(null);
            if (category == null) {
                p.add("category", "unknown category '" + categoryCode + "'; one of " + WorksheetCategory.allCodes());
            }
        }
        SuggestedDose dose = root.hasNonNull("suggestedDose") ? dose(root.get("suggestedDose")) : null;
        List<Item> items = list(root, "items", "items", this::item);
        List<ValueDefinition> values = list(root, "values", "values", this::value);
        return new Parts(string(root, "key", "key"), version == null ? 0 : version, string(root, "title", "title"),
                category, string(root, "purpose", "purpose"),
                string(root, "clientInstructions", "clientInstructions"),
                string(root, "clinicianGuidance", "clinicianGuidance"), dose, items, values);
    }

    public record Parts(String key, int version, String title, WorksheetCategory category, String purpose,
            String clientInstructions, String clinicianGuidance, SuggestedDose dose, List<Item> items,
            List<ValueDefinition> values) {
    }

    private Item item(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, ITEM_FIELDS);
        String typeCode = string(node, "type", path + ".type");
        ItemType type = null;
        if (typeCode == null) {
            p.add(path + ".type", "is required; one of " + ItemType.allCodes());
        } else {
            type = ItemType.fromCode(typeCode).orElse(null);
            if (type == null) {
                p.add(path + ".type", "unknown item type '" + typeCode + "'; one of " + ItemType.allCodes());
            }
        }
        Boolean required = bool(node, "required", path + ".required");
        JsonNode anchorsNode = node.get("anchors");
        Anchors anchors = null;
        if (anchorsNode != null && !anchorsNode.isNull() && object(anchorsNode, path + ".anchors")) {
            fields(anchorsNode, path + ".anchors", ANCHOR_FIELDS);
            anchors = new Anchors(string(anchorsNode, "min", path + ".anchors.min"),
                    string(anchorsNode, "mid", path + ".anchors.mid"),
                    string(anchorsNode, "max", path + ".anchors.max"));
        }
        return new Item(string(node, "id", path + ".id"), type, string(node, "label", path + ".label"),
                string(node, "help", path + ".help"), required != null && required,
                list(node, "showIf", path + ".showIf", this::condition),
                integer(node, "maxLength", path + ".maxLength"), decimal(node, "min", path + ".min"),
                decimal(node, "max", path + ".max"), decimal(node, "step", path + ".step"),
                string(node, "unit", path + ".unit"), anchors, list(node, "options", path + ".options", this::option),
                integer(node, "minItems", path + ".minItems"), integer(node, "maxItems", path + ".maxItems"),
                list(node, "items", path + ".items", this::item));
    }

    private Condition condition(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, CONDITION_FIELDS);
        String opCode = string(node, "operator", path + ".operator");
        Condition.Operator op = null;
        if (opCode != null) {
            op = Condition.Operator.fromCode(opCode).orElse(null);
            if (op == null) {
                p.add(path + ".operator", "unknown operator '" + opCode + "'; one of " + Condition.Operator.allCodes());
            }
        }
        JsonNode value = node.get("value");
        String canonical = null;
        if (value != null && !value.isNull()) {
            if (value.isNumber()) {
                canonical = Item.normal(value.decimalValue()).toPlainString();
            } else if (value.isBoolean()) {
                canonical = Boolean.toString(value.booleanValue());
            } else if (value.isString()) {
                canonical = value.stringValue();
            } else {
                p.add(path + ".value", "must be a string, number or true/false");
            }
        }
        return new Condition(string(node, "item", path + ".item"), op, canonical);
    }

    private ChoiceOption option(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, OPTION_FIELDS);
        return new ChoiceOption(string(node, "code", path + ".code"), string(node, "label", path + ".label"));
    }

    private ValueDefinition value(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, VALUE_FIELDS);
        return new ValueDefinition(string(node, "key", path + ".key"), string(node, "label", path + ".label"),
                string(node, "unit", path + ".unit"), string(node, "formula", path + ".formula"));
    }

    private SuggestedDose dose(JsonNode node) {
        String path = "suggestedDose";
        if (!object(node, path)) {
            return null;
        }
        fields(node, path, DOSE_FIELDS);
        String kindCode = string(node, "kind", path + ".kind");
        SuggestedDose.Kind kind = null;
        if (kindCode == null) {
            p.add(path + ".kind", "is required; one of " + SuggestedDose.Kind.allCodes());
        } else {
            kind = SuggestedDose.Kind.fromCode(kindCode).orElse(null);
            if (kind == null) {
                p.add(path + ".kind", "unknown dose kind '" + kindCode + "'; one of " + SuggestedDose.Kind.allCodes());
            }
        }
        Integer count = integer(node, "count", path + ".count");
        List<DayOfWeek> days = list(node, "days", path + ".days", this::day);
        List<LocalTime> times = list(node, "times", path + ".times", this::time);
        return new SuggestedDose(kind, count == null ? 1 : count, days, times,
                string(node, "trigger", path + ".trigger"));
    }

    private DayOfWeek day(JsonNode node, String path) {
        if (node.isString()) {
            try {
                return DayOfWeek.valueOf(node.stringValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        p.add(path, "must be a day name such as \"monday\", not " + node);
        return null;
    }

    private LocalTime time(JsonNode node, String path) {
        LocalTime time = node.isString() ? ConditionRules.parseTime(node.stringValue()) : null;
        if (time == null) {
            p.add(path, "must be a time such as \"20:00\", not " + node);
        }
        return time;
    }

    // ---- typed field access ----

    private boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            p.add(path, "must be an object");
            return false;
        }
        return true;
    }

    private void fields(JsonNode node, String path, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                p.add(path.isEmpty() ? name : path + "." + name, "unknown field '" + name + "'");
            }
        }
    }

    private String string(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            p.add(path, "must be a string");
            return null;
        }
        return v.stringValue();
    }

    private Boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            p.add(path, "must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    private Integer integer(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !DefinitionRules.isWhole(v.decimalValue()) || !v.canConvertToInt()) {
            p.add(path, "must be a whole number");
            return null;
        }
        return v.decimalValue().intValueExact();
    }

    private BigDecimal decimal(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            p.add(path, "must be a number");
            return null;
        }
        return v.decimalValue();
    }

    private <T> List<T> list(JsonNode node, String field, String path, BiFunction<JsonNode, String, T> reader) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            p.add(path, "must be a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            T element = reader.apply(v.get(i), path + "[" + i + "]");
            if (element != null) {
                out.add(element);
            }
        }
        return out;
    }
}
