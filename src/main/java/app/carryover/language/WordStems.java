package app.carryover.language;

/**
 * A light English stemmer for matching words across forms ('walks', 'walking', 'walked' → 'walk';
 * 'worries', 'worried' → 'worri'). Far cheaper than tagging and lemmatizing, and good enough for
 * lexicon look-ups and word overlap; it never needs to produce a dictionary word, only the same key
 * for the forms of one word. Input is expected in lower case.
 */
public final class WordStems {

    private WordStems() {
    }

    public static String stem(String word) {
        String w = word;
        int n = w.length();
        if (n <= 3) {
            return w;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, n - 2);
            n -= 2;
        }
        if (w.endsWith("ies") && n > 4) {
            w = w.substring(0, n - 3) + "i";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, n - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && n > 3) {
            w = w.substring(0, n - 1);
        }
        n = w.length();
        if (w.endsWith("ied") && n > 4) {
            w = w.substring(0, n - 3) + "i";
        } else if (w.endsWith("eed")) {
            // "feed", "need" stay
            return w;
        } else if (w.endsWith("ed") && n > 4 && hasVowel(w, n - 2)) {
            w = restoreE(w.substring(0, n - 2));
        } else if (w.endsWith("ing") && n > 5 && hasVowel(w, n - 3)) {
            w = restoreE(w.substring(0, n - 3));
        }
        n = w.length();
        if (w.endsWith("y") && n > 3 && !isVowel(w.charAt(n - 2))) {
            w = w.substring(0, n - 1) + "i";
        }
        n = w.length();
        if (w.endsWith("e") && n > 4) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    /**
     * After '-ing' or '-ed': undo a doubled consonant ('stopp' → 'stop'), or give a short
     * consonant-vowel-consonant stem back its silent e ('rid' → 'ride', 'tak' → 'take'), so the
     * forms of one word meet ('riding' and 'ride' both give 'ride').
     */
    private static String restoreE(String w) {
        String undoubled = undouble(w);
        if (!undoubled.equals(w)) {
            return undoubled;
        }
        int n = w.length();
        if (n == 3 && !isVowel(w.charAt(0)) && isVowel(w.charAt(1)) && !isVowel(w.charAt(2)) && "wxy".indexOf(w.charAt(2)) < 0) {
            return w + "e";
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1)) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean hasVowel(String w, int end) {
        for (int i = 0; i < end; i++) {
            if (isVowel(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
