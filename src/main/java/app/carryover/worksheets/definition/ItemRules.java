package app.carryover.worksheets.definition;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.carryover.worksheets.Anchors;
import app.carryover.worksheets.ChoiceOption;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.Limits;

/** The rules for one item: its id, texts, and the fields its type declares. */
public final class ItemRules {

    private ItemRules() {
    }

    static void check(Item item, String path, Map<String, String> seen, Problems p) {
        String id = item.id();
        if (id == null || id.isBlank()) {
            p.add(path + ".id", "is required");
        } else if (!DefinitionRules.ID.matcher(id).matches()) {
            p.add(path + ".id", "'" + id + "' must start with a lowercase letter and use only a-z, 0-9 and _"
                    + " (at most 40 characters)");
        } else if (seen.containsKey(id)) {
            p.add(path + ".id", "duplicate item id '" + id + "' (also used at " + seen.get(id) + ")");
        } else {
            seen.put(id, path);
        }
        p.text(path + ".label", item.label(), Limits.LABEL_LENGTH, true);
        p.text(path + ".help", item.help(), Limits.HELP_LENGTH, false);
        if (item.showIf().size() > Limits.CONDITIONS_PER_ITEM) {
            p.add(path + ".showIf", "at most " + Limits.CONDITIONS_PER_ITEM + " conditions");
        }
        ItemType type = item.type();
        if (type == null) {
            p.add(path + ".type", "is required; one of " + ItemType.allCodes());
            return;
        }
        checkApplicability(item, path, p);
        switch (type) {
            case SHORT_TEXT, LONG_TEXT -> checkText(item, path, p);
            case NUMBER -> checkNumber(item, path, p);
            case RATING -> checkRating(item, path, p);
            case DURATION -> checkDuration(item, path, p);
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> checkOptions(item, path, p);
            case GROUP -> checkGroup(item, path, p);
            default -> {
                // date, time and yes/no have nothing further to declare
            }
        }
    }

    /** Fields that belong to other item types are mistakes worth naming, not silently ignored. */
    private static void checkApplicability(Item item, String path, Problems p) {
        ItemType t = item.type();
        if (item.maxLength() != null && !t.isText()) {
            p.add(path + ".maxLength", "applies only to short_text and long_text items");
        }
        if (!t.isNumeric()) {
            if (item.min() != null) {
                p.add(path + ".min", "applies only to number, rating and duration items");
            }
            if (item.max() != null) {
                p.add(path + ".max", "applies only to number, rating and duration items");
            }
            if (item.step() != null) {
                p.add(path + ".step", "applies only to number, rating and duration items");
            }
        }
        if (item.unit() != null && t != ItemType.NUMBER) {
            p.add(path + ".unit", "applies only to number items (durations are always in minutes)");
        }
        if (item.anchors() != null && t != ItemType.RATING) {
            p.add(path + ".anchors", "applies only to rating items");
        }
        if (!item.options().isEmpty() && !t.hasOptions()) {
            p.add(path + ".options", "applies only to single_choice, multiple_choice and checklist items");
        }
        if (t != ItemType.GROUP) {
            if (!item.items().isEmpty()) {
                p.add(path + ".items", "only group items have child items");
            }
            if (item.minItems() != null) {
                p.add(path + ".minItems", "applies only to group items");
            }
            if (item.maxItems() != null) {
                p.add(path + ".maxItems", "applies only to group items");
            }
        }
    }

    private static void checkText(Item item, String path, Problems p) {
        if (item.maxLength() == null) {
            return;
        }
        int cap = item.type() == ItemType.SHORT_TEXT ? Limits.SHORT_TEXT_CAP : Limits.TEXT_CAP;
        if (item.maxLength() < 1 || item.maxLength() > cap) {
            p.add(path + ".maxLength", "must be from 1 to " + cap + " for a " + item.type().code() + " item, not "
                    + item.maxLength());
        }
    }

    private static void checkNumber(Item item, String path, Problems p) {
        checkBound(item.min(), path + ".min", p);
        checkBound(item.max(), path + ".max", p);
        checkMinBelowMax(item, path, p);
        if (item.step() != null) {
            checkBound(item.step(), path + ".step", p);
            if (item.step().signum() <= 0) {
                p.add(path + ".step", "must be above 0, not " + DefinitionRules.plain(item.step()));
            }
        }
        p.text(path + ".unit", item.unit(), Limits.UNIT_LENGTH, false);
    }

    private static void checkRating(Item item, String path, Problems p) {
        if (item.min() != null && item.min().signum() != 0) {
            p.add(path + ".min", "rating scales start at 0; leave min out");
        }
        BigDecimal max = item.max();
        if (max == null) {
            p.add(path + ".max", "is required: 10 for a 0-10 scale or 100 for a 0-100 scale");
        } else if (max.compareTo(BigDecimal.TEN) != 0 && max.compareTo(BigDecimal.valueOf(100)) != 0) {
            p.add(path + ".max", "must be 10 or 100, not " + DefinitionRules.plain(max));
        }
        BigDecimal step = item.step();
        if (step != null) {
            if (step.signum() <= 0 || !DefinitionRules.isWhole(step)) {
                p.add(path + ".step", "must be a whole number above 0, not " + DefinitionRules.plain(step));
            } else if (max != null && max.remainder(step).signum() != 0) {
                p.add(path + ".step", "must divide the scale evenly; " + DefinitionRules.plain(step) + " does not divide "
                        + DefinitionRules.plain(max));
            }
        }
        Anchors anchors = item.anchors();
        if (anchors == null) {
            p.add(path + ".anchors", "are required: say what the lowest and highest numbers mean");
            return;
        }
        p.text(path + ".anchors.min", anchors.min(), Limits.ANCHOR_LENGTH, true);
        p.text(path + ".anchors.mid", anchors.mid(), Limits.ANCHOR_LENGTH, false);
        p.text(path + ".anchors.max", anchors.max(), Limits.ANCHOR_LENGTH, true);
        if (anchors.min() != null && anchors.min().equals(anchors.max())) {
            p.add(path + ".anchors", "the lowest and highest anchors say the same thing");
        }
    }

    private static void checkDuration(Item item, String path, Problems p) {
        for (String field : List.of("min", "max", "step")) {
            BigDecimal v = "min".equals(field) ? item.min() : "max".equals(field) ? item.max() : item.step();
            if (v != null && (!DefinitionRules.isWhole(v) || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(7 * 24 * 60)) > 0)) {
                p.add(path + "." + field, "must be whole minutes from 0 to 10080 (a week), not " + DefinitionRules.plain(v));
            }
        }
        if (item.step() != null && item.step().signum() == 0) {
            p.add(path + ".step", "must be above 0");
        }
        checkMinBelowMax(item, path, p);
    }

    private static void checkOptions(Item item, String path, Problems p) {
        List<ChoiceOption> options = item.options();
        int least = item.type() == ItemType.SINGLE_CHOICE ? 2 : 1;
        if (options.size() < least) {
            p.add(path + ".options", "a " + item.type().code() + " item needs at least " + least + " option"
                    + (least == 1 ? "" : "s"));
        } else if (options.size() > Limits.OPTIONS) {
            p.add(path + ".options", "at most " + Limits.OPTIONS + " options, not " + options.size());
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String optionPath = path + ".options[" + i + "]";
            ChoiceOption option = options.get(i);
            if (option == null) {
                p.add(optionPath, "is empty");
                continue;
            }
            String code = option.code();
            if (code == null || code.isBlank()) {
                p.add(optionPath + ".code", "is required");
            } else if (!DefinitionRules.CODE.matcher(code).matches()) {
                p.add(optionPath + ".code", "'" + code + "' must use only a-z, 0-9, _ and - (at most 40 characters)");
            } else if (codes.containsKey(code)) {
                p.add(optionPath + ".code", "duplicate option code '" + code + "' (also options[" + codes.get(code)
                        + "])");
            } else {
                codes.put(code, i);
            }
            p.text(optionPath + ".label", option.label(), Limits.OPTION_LABEL_LENGTH, true);
        }
    }

    private static void checkGroup(Item item, String path, Problems p) {
        if (item.items().isEmpty()) {
            p.add(path + ".items", "a group needs at least one child item");
        } else if (item.items().size() > Limits.GROUP_CHILDREN) {
            p.add(path + ".items", "at most " + Limits.GROUP_CHILDREN + " child items, not " + item.items().size());
        }
        Integer min = item.minItems();
        Integer max = item.maxItems();
        if (min != null && (min < 0 || min > Limits.GROUP_ROWS_CAP)) {
            p.add(path + ".minItems", "must be from 0 to " + Limits.GROUP_ROWS_CAP + ", not " + min);
        }
        if (max != null && (max < 1 || max > Limits.GROUP_ROWS_CAP)) {
            p.add(path + ".maxItems", "must be from 1 to " + Limits.GROUP_ROWS_CAP + ", not " + max);
        }
        if (item.effectiveMinItems() > item.effectiveMaxItems()) {
            p.add(path + ".minItems", "minItems (" + item.effectiveMinItems() + ") is above maxItems ("
                    + item.effectiveMaxItems() + ")");
        }
    }

    private static void checkMinBelowMax(Item item, String path, Problems p) {
        BigDecimal min = item.effectiveMin();
        BigDecimal max = item.effectiveMax();
        if (min != null && max != null && min.compareTo(max) > 0) {
            p.add(path + ".min", "min (" + DefinitionRules.plain(min) + ") is above max (" + DefinitionRules.plain(max) + ")");
        }
    }

    private static void checkBound(BigDecimal value, String path, Problems p) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(BigDecimal.valueOf(Limits.NUMBER_MAGNITUDE)) > 0) {
            p.add(path, "must be within ±" + Limits.NUMBER_MAGNITUDE);
        } else if (value.stripTrailingZeros().scale() > Limits.NUMBER_DECIMALS) {
            p.add(path, "at most " + Limits.NUMBER_DECIMALS + " decimal places");
        }
    }
}
