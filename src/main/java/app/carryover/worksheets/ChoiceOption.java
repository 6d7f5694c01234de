package app.carryover.worksheets;

/**
 * One option of a choice or checklist item. The {@code code} is what answers store (stable
 * across label edits); the {@code label} is what the client reads.
 */
public record ChoiceOption(String code, String label) {

    public static ChoiceOption of(String code, String label) {
        return new ChoiceOption(code, label);
    }
}
