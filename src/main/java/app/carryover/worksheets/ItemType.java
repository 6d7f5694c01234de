package app.carryover.worksheets;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a worksheet can ask; {@link #code()} is the name used in the JSON format. */
public enum ItemType {
    SHORT_TEXT("short_text"),
    LONG_TEXT("long_text"),
    NUMBER("number"),
    /** A 0–10 or 0–100 scale with anchor labels. */
    RATING("rating"),
    SINGLE_CHOICE("single_choice"),
    MULTIPLE_CHOICE("multiple_choice"),
    /** Things to tick off; answered like a multiple choice, printed and exported as a checklist. */
    CHECKLIST("checklist"),
    DATE("date"),
    TIME("time"),
    /** Whole minutes. */
    DURATION("duration"),
    YES_NO("yes_no"),
    /** A repeating group of child items: each answer is a list of rows. */
    GROUP("group");

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ItemType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** Free-text answers. */
    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    /** Answers that are numbers, so ranges, steps, comparisons and formulas apply. */
    public boolean isNumeric() {
        return this == NUMBER || this == RATING || this == DURATION;
    }

    /** Items answered by choosing among listed options. */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == CHECKLIST;
    }

    /** Items whose answer is a list of option codes. */
    public boolean isMultiSelect() {
        return this == MULTIPLE_CHOICE || this == CHECKLIST;
    }

    public static String allCodes() {
        return String.join(", ", Arrays.stream(values()).map(ItemType::code).toList());
    }
}
