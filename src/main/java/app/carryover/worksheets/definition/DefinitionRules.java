package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.carryover.worksheets.DefinitionProblem;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetCategory;

/**
 * The rules a worksheet definition must keep. Each problem names the path in the JSON document
 * and what is wrong, so the same messages serve the JSON API and the form builder.
 */
public final class DefinitionRules {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private DefinitionRules() {
    }

    public static List<DefinitionProblem> check(String key, int version, String title, WorksheetCategory category,
            String purpose, String clientInstructions, String clinicianGuidance, SuggestedDose dose,
            List<Item> items, List<ValueDefinition> values) {
        Problems p = new Problems();
        if (key == null || key.isBlank()) {
            p.add("key", "is required");
        } else if (!KEY.matcher(key).matches() || key.length() > Limits.KEY_LENGTH) {
            p.add("key", "'" + key + "' must be lowercase words joined by hyphens, such as thought-record (at most "
                    + Limits.KEY_LENGTH + " characters)");
        }
        if (version < 1) {
            p.add("version", "must be 1 or more, not " + version);
        }
        p.text("title", title, Limits.TITLE_LENGTH, true);
        if (category == null) {
            p.add("category", "is required");
        }
        p.text("purpose", purpose, Limits.PURPOSE_LENGTH, true);
        p.text("clientInstructions", clientInstructions, Limits.INSTRUCTIONS_LENGTH, true);
        p.text("clinicianGuidance", clinicianGuidance, Limits.GUIDANCE_LENGTH, false);
        if (dose != null) {
            checkDose(dose, p);
        }
        checkItems(items, p);
        if (p.isEmpty()) {
            // Conditions and formulas are only meaningful over well-formed, uniquely named items.
            ConditionRules.check(items, p);
            checkValues(values, items, p);
        }
        return p.list();
    }

    private static void checkDose(SuggestedDose dose, Problems p) {
        String path = "suggestedDose";
        if (dose.kind() == null) {
            p.add(path + ".kind", "is required");
            return;
        }
        if (dose.count() < 1 || dose.count() > Limits.DOSE_COUNT) {
            p.add(path + ".count", "must be from 1 to " + Limits.DOSE_COUNT + ", not " + dose.count());
        }
        if (dose.kind() == SuggestedDose.Kind.ON_DAYS) {
            if (dose.days().isEmpty()) {
                p.add(path + ".days", "an on_days dose needs at least one day");
            } else if (new HashSet<DayOfWeek>(dose.days()).size() != dose.days().size()) {
                p.add(path + ".days", "lists a day twice");
            }
        } else if (!dose.days().isEmpty()) {
            p.add(path + ".days", "days apply only to an on_days dose");
        }
        if (dose.kind() == SuggestedDose.Kind.ON_TRIGGER) {
            p.text(path + ".trigger", dose.trigger(), Limits.TRIGGER_LENGTH, true);
        } else if (dose.trigger() != null) {
            p.add(path + ".trigger", "a trigger applies only to an on_trigger dose");
        }
        if (dose.times().size() > Limits.DOSE_TIMES) {
            p.add(path + ".times", "at most " + Limits.DOSE_TIMES + " times");
        } else if (new HashSet<LocalTime>(dose.times()).size() != dose.times().size()) {
            p.add(path + ".times", "lists a time twice");
        }
    }

    private static void checkItems(List<Item> items, Problems p) {
        if (items.isEmpty()) {
            p.add("items", "a worksheet needs at least one item");
        } else if (items.size() > Limits.TOP_LEVEL_ITEMS) {
            p.add("items", "at most " + Limits.TOP_LEVEL_ITEMS + " items, not " + items.size());
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "items[" + i + "]";
            Item item = items.get(i);
            if (item == null) {
                p.add(path, "is empty");
                continue;
            }
            ItemRules.check(item, path, seen, p);
            if (item.type() == ItemType.GROUP) {
                for (int j = 0; j < item.items().size(); j++) {
                    Item child = item.items().get(j);
                    String childPath = path + ".items[" + j + "]";
                    if (child == null) {
                        p.add(childPath, "is empty");
                    } else if (child.type() == ItemType.GROUP) {
                        p.add(childPath + ".type", "groups cannot be nested inside groups");
                    } else {
                        ItemRules.check(child, childPath, seen, p);
                    }
                }
            }
        }
    }

    private static void checkValues(List<ValueDefinition> values, List<Item> items, Problems p) {
        if (values.size() > Limits.VALUES) {
            p.add("values", "at most " + Limits.VALUES + " values, not " + values.size());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String path = "values[" + i + "]";
            ValueDefinition value = values.get(i);
            if (value == null) {
                p.add(path, "is empty");
                continue;
            }
            if (value.key() == null || !ID.matcher(value.key()).matches()) {
                p.add(path + ".key", "must start with a lowercase letter and use only a-z, 0-9 and _"
                        + " (at most 40 characters)");
            } else if (!keys.add(value.key())) {
                p.add(path + ".key", "duplicate value key '" + value.key() + "'");
            }
            p.text(path + ".label", value.label(), Limits.TITLE_LENGTH, true);
            p.text(path + ".unit", value.unit(), Limits.UNIT_LENGTH, false);
            if (value.formula() == null || value.formula().isBlank()) {
                p.add(path + ".formula", "is required");
            } else if (value.formula().length() > Limits.FORMULA_LENGTH) {
                p.add(path + ".formula", "is too long: at most " + Limits.FORMULA_LENGTH + " characters");
            } else {
                for (String problem : Formula.problems(value.formula(), items)) {
                    p.add(path + ".formula", problem);
                }
            }
        }
    }

    public static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
