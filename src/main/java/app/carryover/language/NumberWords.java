package app.carryover.language;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table of English number words ({@code language/number-words.txt}), shared by the transcript
 * detector (through {@link SpokenText#isNumberWord}) and the quality coach ({@link #quantity}). Each word
 * says where it counts: "twice" and "the first" are counts in speech, "a couple" and "several" are amounts.
 */
public final class NumberWords {

    private record Entry(int value, Set<String> uses) {
    }

    private static final Map<String, Entry> WORDS = new HashMap<>();

    static {
        for (String line : Resources.lines("/language/number-words.txt")) {
            String[] f = line.split("\\s+");
            WORDS.put(f[0], new Entry(Integer.parseInt(f[1]), Set.of(Arrays.copyOfRange(f, 2, f.length))));
        }
    }

    private NumberWords() {
    }

    /** A number word as speech counts things: cardinals, "once", "twice", "half", ordinals up to third. */
    public static boolean isSpokenNumber(String lower) {
        Entry e = WORDS.get(lower);
        return e != null && e.uses().contains("spoken");
    }

    /**
     * The amount a token states ('3', '3.5', 'three', 'a couple' as 'couple'), or -1 when it states none.
     */
    public static double quantity(String lower) {
        if (lower.isEmpty()) {
            return -1;
        }
        char c = lower.charAt(0);
        if (c >= '0' && c <= '9') {
            for (int i = 1; i < lower.length(); i++) {
                char d = lower.charAt(i);
                if (!(d >= '0' && d <= '9' || d == '.' && i < lower.length() - 1)) {
                    return -1;
                }
            }
            try {
                return Double.parseDouble(lower);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        Entry e = WORDS.get(lower);
        return e != null && e.uses().contains("quantity") ? e.value() : -1;
    }
}
