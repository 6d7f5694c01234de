package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bridge between an HTML form and answers, so a filling page and the JSON API are checked the
 * same way and report errors at the same paths. Field names are answer paths: {@code situation},
 * and for groups {@code thoughts[0].belief}; a multi-select posts its name once per chosen code;
 * yes/no posts {@code true} or {@code false}. Empty fields mean "not answered"; fields that are not
 * answer paths (a CSRF token, a button) are ignored; group rows keep their order and gaps close up.
 */
public final class FormAnswers {

    private static final Pattern CELL = Pattern.compile("([a-z][a-z0-9_]*)\\[(\\d{1,3})]\\.([a-z][a-z0-9_]*)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormAnswers() {
    }

    /** Converts and checks a submitted form as a complete entry. */
    public static AnswerCheck complete(WorksheetDefinition definition, Map<String, List<String>> form) {
        return check(definition, form, false);
    }

    /** Converts and checks a submitted form as a draft. */
    public static AnswerCheck draft(WorksheetDefinition definition, Map<String, List<String>> form) {
        return check(definition, form, true);
    }

    private static AnswerCheck check(WorksheetDefinition definition, Map<String, List<String>> form, boolean draft) {
        List<FieldError> errors = new ArrayList<>();
        Answers answers = read(definition, form, errors);
        AnswerCheck check = AnswerValidator.check(definition, answers, draft);
        if (errors.isEmpty()) {
            return check;
        }
        // a field that could not be read is reported once, as unreadable, not also as unanswered
        Set<String> unreadable = new HashSet<>();
        errors.forEach(e -> unreadable.add(e.path()));
        check.errors().stream().filter(e -> !unreadable.contains(e.path())).forEach(errors::add);
        return new AnswerCheck(errors, null);
    }

    /** The form fields that show these answers again, e.g. to fill a form from a saved draft. */
    public static Map<String, List<String>> fields(WorksheetDefinition definition, Answers answers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Item item : definition.items()) {
            JsonNode value = answers.node().get(item.id());
            if (value == null) {
                continue;
            }
            if (item.type() == ItemType.GROUP && value.isArray()) {
                for (int r = 0; r < value.size(); r++) {
                    JsonNode row = value.get(r);
                    for (Item child : item.items()) {
                        if (row.isObject() && row.has(child.id())) {
                            fields.put(Visibility.cell(item.id(), r, child.id()), strings(row.get(child.id())));
                        }
                    }
                }
            } else {
                fields.put(item.id(), strings(value));
            }
        }
        return fields;
    }

    private static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(v.isString() ? v.stringValue() : v.toString()));
        } else if (value.isString()) {
            out.add(value.stringValue());
        } else if (value.isNumber()) {
            out.add(Item.normal(value.decimalValue()).toPlainString());
        } else {
            out.add(value.toString());
        }
        return out;
    }

    /**
     * The answers a form holds as typed, unchecked, leaving out only what cannot be read (letters in
     * a number box): for deciding what to show, and for keeping a draft.
     */
    public static Answers asTyped(WorksheetDefinition definition, Map<String, List<String>> form) {
        return read(definition, form, new ArrayList<>());
    }

    private static Answers read(WorksheetDefinition definition, Map<String, List<String>> form, List<FieldError> errors) {
        ObjectNode root = NODES.objectNode();
        Map<String, TreeMap<Integer, ObjectNode>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            List<String> values = field.getValue() == null ? List.of() : field.getValue();
            Item top = definition.item(name).orElse(null);
            if (top != null && top.type() != ItemType.GROUP) {
                put(root, name, top, name, values, errors);
                continue;
            }
            Matcher cell = CELL.matcher(name);
            if (!cell.matches()) {
                continue;
            }
            Item group = definition.item(cell.group(1)).filter(g -> g.type() == ItemType.GROUP).orElse(null);
            Item child = group == null ? null : group.child(cell.group(3)).orElse(null);
            if (child != null) {
                ObjectNode row = groups.computeIfAbsent(group.id(), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(cell.group(2)), r -> NODES.objectNode());
                put(row, child.id(), child, name, values, errors);
            }
        }
        groups.forEach((groupId, rows) -> {
            ArrayNode list = root.putArray(groupId);
            rows.values().forEach(list::add);
        });
        return Answers.wrap(root);
    }

    private static void put(ObjectNode target, String key, Item item, String path, List<String> raw,
            List<FieldError> errors) {
        List<String> values = raw.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (values.isEmpty()) {
            return;
        }
        if (item.type().isMultiSelect()) {
            ArrayNode codes = target.putArray(key);
            values.forEach(codes::add);
            return;
        }
        String value = values.get(values.size() - 1).replace("\r\n", "\n");
        switch (item.type()) {
            case NUMBER, RATING, DURATION -> {
                try {
                    target.put(key, new BigDecimal(value.trim()));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(path, FieldError.Reason.WRONG_TYPE,
                            item.type() == ItemType.DURATION ? "Enter a whole number of minutes." : "Enter a number."));
                }
            }
            case YES_NO -> {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("yes")) {
                    target.put(key, true);
                } else if (v.equals("false") || v.equals("no")) {
                    target.put(key, false);
                } else {
                    errors.add(new FieldError(path, FieldError.Reason.WRONG_TYPE, "Answer yes or no."));
                }
            }
            default -> target.put(key, item.type().isText() ? value : value.trim());
        }
    }
}
