package app.carryover.worksheets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.carryover.worksheets.definition.ConditionRules;
import app.carryover.worksheets.definition.Json;
import app.carryover.worksheets.definition.Problems;

/**
 * Checks one entry's answers against a definition version and produces the cleaned answers that
 * get stored: hidden items, empty values and empty group rows left out, numbers in their plain form.
 */
final class AnswerValidator {

    private final WorksheetDefinition definition;
    private final boolean draft;
    private final List<FieldError> errors = new ArrayList<>();

    private AnswerValidator(WorksheetDefinition definition, boolean draft) {
        this.definition = definition;
        this.draft = draft;
    }

    static AnswerCheck check(WorksheetDefinition definition, Answers answers, boolean draft) {
        if (answers.toJson().getBytes(StandardCharsets.UTF_8).length > Limits.ANSWERS_BYTES) {
            return new AnswerCheck(List.of(Answers.tooLarge()), null);
        }
        return new AnswerValidator(definition, draft).run(answers);
    }

    private AnswerCheck run(Answers answers) {
        ObjectNode root = answers.node();
        for (String key : root.propertyNames()) {
            if (definition.item(key).isEmpty()) {
                error(key, FieldError.Reason.UNKNOWN_ITEM, "This question is not part of the worksheet.");
            }
        }
        Visibility visibility = Visibility.of(definition, answers);
        ObjectNode cleaned = Json.MAPPER.createObjectNode();
        for (Item item : definition.items()) {
            if (!visibility.isShown(item.id())) {
                continue;
            }
            JsonNode value = root.get(item.id());
            JsonNode clean = item.type() == ItemType.GROUP
                    ? group(item, value, visibility)
                    : single(item, item.id(), value);
            if (clean != null) {
                cleaned.set(item.id(), clean);
            }
        }
        return new AnswerCheck(errors, errors.isEmpty() ? Answers.wrap(cleaned) : null);
    }

    private JsonNode group(Item group, JsonNode value, Visibility visibility) {
        String path = group.id();
        if (!Conditions.isAnswered(value)) {
            if (!draft && group.effectiveMinItems() > 0) {
                error(path, FieldError.Reason.TOO_FEW, atLeast(group.effectiveMinItems()));
            }
            return null;
        }
        if (!value.isArray()) {
            error(path, FieldError.Reason.WRONG_TYPE, "This should be a list of entries.");
            return null;
        }
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (int r = 0; r < value.size(); r++) {
            JsonNode row = value.get(r);
            String rowPath = path + "[" + r + "]";
            if (row == null || row.isNull()) {
                continue;
            }
            if (!row.isObject()) {
                error(rowPath, FieldError.Reason.WRONG_TYPE, "Each entry should be a set of answers.");
                continue;
            }
            for (String key : row.propertyNames()) {
                if (group.child(key).isEmpty()) {
                    error(rowPath + "." + key, FieldError.Reason.UNKNOWN_ITEM,
                            "This question is not part of the worksheet.");
                }
            }
            if (!hasShownAnswer(group, r, row, visibility)) {
                continue; // an empty row, such as a blank one a form added, is no entry
            }
            ObjectNode cleanRow = Json.MAPPER.createObjectNode();
            for (Item child : group.items()) {
                if (visibility.isShown(group.id(), r, child.id())) {
                    JsonNode clean = single(child, rowPath + "." + child.id(), row.get(child.id()));
                    if (clean != null) {
                        cleanRow.set(child.id(), clean);
                    }
                }
            }
            rows.add(cleanRow);
        }
        if (rows.size() > group.effectiveMaxItems()) {
            error(path, FieldError.Reason.TOO_MANY, "Add no more than " + group.effectiveMaxItems()
                    + (group.effectiveMaxItems() == 1 ? " entry." : " entries."));
        } else if (!draft && rows.size() < group.effectiveMinItems()) {
            error(path, FieldError.Reason.TOO_FEW, atLeast(group.effectiveMinItems()));
        }
        return rows.isEmpty() ? null : rows;
    }

    /** Whether any shown cell of the row is answered; answers only in hidden cells make no entry. */
    static boolean hasShownAnswer(Item group, int r, JsonNode row, Visibility visibility) {
        for (Item child : group.items()) {
            if (visibility.isShown(group.id(), r, child.id()) && Conditions.isAnswered(row.get(child.id()))) {
                return true;
            }
        }
        return false;
    }

    private static String atLeast(int n) {
        return "Add at least " + n + (n == 1 ? " entry." : " entries.");
    }

    /** Checks a non-group answer; returns its cleaned form, or null when absent or wrong. */
    private JsonNode single(Item item, String path, JsonNode value) {
        if (!Conditions.isAnswered(value)) {
            if (item.required() && !draft) {
                error(path, FieldError.Reason.REQUIRED, "Please answer this.");
            }
            return null;
        }
        int before = errors.size();
        JsonNode clean = switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT -> text(item, path, value);
            case NUMBER, RATING, DURATION -> AnswerNumbers.check(item, path, value, errors);
            case SINGLE_CHOICE -> singleChoice(item, path, value);
            case MULTIPLE_CHOICE, CHECKLIST -> multiChoice(item, path, value);
            case DATE -> pattern(path, value, ConditionRules.parseDate(textOf(value)) != null,
                    "Enter a date as YYYY-MM-DD.");
            case TIME -> pattern(path, value, ConditionRules.parseTime(textOf(value)) != null,
                    "Enter a time as HH:MM (24-hour clock).");
            case YES_NO -> value.isBoolean() ? value : wrong(path, "Answer yes or no.");
            case GROUP -> throw new IllegalStateException("groups are checked by group()");
        };
        return errors.size() == before ? clean : null;
    }

    private JsonNode text(Item item, String path, JsonNode value) {
        if (!value.isString()) {
            return wrong(path, "Enter text.");
        }
        String text = value.stringValue();
        if (Problems.hasControlCharacters(text)) {
            error(path, FieldError.Reason.INVALID_CHARACTERS, "Remove the special characters that cannot be saved.");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > item.effectiveMaxLength()) {
            error(path, FieldError.Reason.TOO_LONG, "Keep this to " + item.effectiveMaxLength()
                    + " characters or fewer (it has " + length + ").");
            return null;
        }
        return value;
    }

    private JsonNode singleChoice(Item item, String path, JsonNode value) {
        if (!value.isString()) {
            return wrong(path, "Choose one option.");
        }
        if (item.option(value.stringValue()).isEmpty()) {
            error(path, FieldError.Reason.NOT_AN_OPTION, "Choose one of the listed options.");
            return null;
        }
        return value;
    }

    private JsonNode multiChoice(Item item, String path, JsonNode value) {
        if (!value.isArray()) {
            return wrong(path, "Choose from the listed options.");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                return wrong(path, "Choose from the listed options.");
            }
            if (item.option(element.stringValue()).isEmpty()) {
                error(path, FieldError.Reason.NOT_AN_OPTION, "Choose only from the listed options.");
                return null;
            }
            if (!seen.add(element.stringValue())) {
                error(path, FieldError.Reason.DUPLICATE_CHOICE, "Each option can be chosen once.");
                return null;
            }
        }
        return value;
    }

    private JsonNode pattern(String path, JsonNode value, boolean ok, String message) {
        return ok ? value : wrong(path, message);
    }

    private static String textOf(JsonNode value) {
        return value.isString() ? value.stringValue() : null;
    }

    private JsonNode wrong(String path, String message) {
        error(path, FieldError.Reason.WRONG_TYPE, message);
        return null;
    }

    private void error(String path, FieldError.Reason reason, String message) {
        errors.add(new FieldError(path, reason, message));
    }
}
