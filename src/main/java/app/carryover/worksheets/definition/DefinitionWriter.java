package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.carryover.worksheets.Condition;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetDefinition;

/** Writes a definition in the JSON format {@link DefinitionReader} reads; absent fields are left out. */
public final class DefinitionWriter {

    private DefinitionWriter() {
    }

    public static ObjectNode write(WorksheetDefinition d) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", Limits.FORMAT);
        root.put("key", d.key());
        root.put("version", d.version());
        root.put("title", d.title());
        root.put("category", d.category().code());
        root.put("purpose", d.purpose());
        root.put("clientInstructions", d.clientInstructions());
        putIfPresent(root, "clinicianGuidance", d.clinicianGuidance());
        if (d.suggestedDose() != null) {
            root.set("suggestedDose", dose(d.suggestedDose()));
        }
        Map<String, ConditionRules.Location> where = ConditionRules.index(d.items());
        ArrayNode items = root.putArray("items");
        d.items().forEach(item -> items.add(item(item, where)));
        if (!d.values().isEmpty()) {
            ArrayNode values = root.putArray("values");
            for (ValueDefinition v : d.values()) {
                ObjectNode node = values.addObject();
                node.put("key", v.key());
                node.put("label", v.label());
                putIfPresent(node, "unit", v.unit());
                node.put("formula", v.formula());
            }
        }
        return root;
    }

    private static ObjectNode item(Item item, Map<String, ConditionRules.Location> where) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", item.id());
        node.put("type", item.type().code());
        node.put("label", item.label());
        putIfPresent(node, "help", item.help());
        if (item.required()) {
            node.put("required", true);
        }
        if (!item.showIf().isEmpty()) {
            ArrayNode conditions = node.putArray("showIf");
            for (Condition c : item.showIf()) {
                ObjectNode cn = conditions.addObject();
                cn.put("item", c.item());
                cn.put("operator", c.operator().code());
                if (c.value() != null) {
                    ItemType target = where.get(c.item()).item().type();
                    if (target.isNumeric()) {
                        cn.put("value", new BigDecimal(c.value()));
                    } else if (target == ItemType.YES_NO) {
                        cn.put("value", Boolean.parseBoolean(c.value()));
                    } else {
                        cn.put("value", c.value());
                    }
                }
            }
        }
        if (item.maxLength() != null) {
            node.put("maxLength", item.maxLength());
        }
        putIfPresent(node, "min", item.min());
        putIfPresent(node, "max", item.max());
        putIfPresent(node, "step", item.step());
        putIfPresent(node, "unit", item.unit());
        if (item.anchors() != null) {
            ObjectNode anchors = node.putObject("anchors");
            anchors.put("min", item.anchors().min());
            putIfPresent(anchors, "mid", item.anchors().mid());
            anchors.put("max", item.anchors().max());
        }
        if (!item.options().isEmpty()) {
            ArrayNode options = node.putArray("options");
            item.options().forEach(o -> options.addObject().put("code", o.code()).put("label", o.label()));
        }
        if (item.minItems() != null) {
            node.put("minItems", item.minItems());
        }
        if (item.maxItems() != null) {
            node.put("maxItems", item.maxItems());
        }
        if (!item.items().isEmpty()) {
            ArrayNode children = node.putArray("items");
            item.items().forEach(child -> children.add(item(child, where)));
        }
        return node;
    }

    private static ObjectNode dose(SuggestedDose dose) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", dose.kind().code());
        node.put("count", dose.count());
        if (!dose.days().isEmpty()) {
            ArrayNode days = node.putArray("days");
            for (DayOfWeek day : dose.days()) {
                days.add(day.name().toLowerCase(Locale.ROOT));
            }
        }
        if (!dose.times().isEmpty()) {
            ArrayNode times = node.putArray("times");
            for (LocalTime time : dose.times()) {
                times.add(time.toString());
            }
        }
        putIfPresent(node, "trigger", dose.trigger());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
