package app.carryover.worksheets.definition;

import java.util.ArrayList;
import java.util.List;

import app.carryover.worksheets.DefinitionProblem;

/** Collects definition problems with their paths while a check walks the definition. */
public final class Problems {

    private final List<DefinitionProblem> list = new ArrayList<>();

    void add(String path, String message) {
        list.add(new DefinitionProblem(path, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<DefinitionProblem> list() {
        return List.copyOf(list);
    }

    /** Checks a piece of text: present when required, not too long, no control characters. */
    void text(String path, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(path, "is required");
            }
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            add(path, "is too long: " + length + " characters, at most " + maxLength);
        }
        if (hasControlCharacters(value)) {
            add(path, "contains control characters");
        }
    }

    public static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
