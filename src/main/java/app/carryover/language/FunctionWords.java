package app.carryover.language;

import java.util.Set;

/**
 * The commonest English function words. Their share among a text's words is a cheap test of whether
 * the text is English at all: English prose is around 40% function words, other languages near none.
 */
public final class FunctionWords {

    private static final Set<String> WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "because", "as", "of", "to", "in", "on", "at", "by",
            "for", "with", "from", "into", "about", "after", "before", "until", "while", "when", "each", "every", "this",
            "that", "these", "those", "it", "its", "you", "your", "yours", "yourself", "we", "our", "us", "i", "me", "my",
            "he", "him", "his", "she", "her", "they", "them", "their", "is", "are", "was", "were", "be", "been", "do",
            "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "not", "no", "what", "how",
            "which", "who", "there", "here", "up", "out", "down", "off", "over", "more", "less", "than", "once", "twice",
            "day", "week", "try", "any", "some", "all", "one", "two", "three", "time", "times", "what's", "it's", "don't",
            "where", "why", "very", "much", "just", "also", "only", "again", "own", "same", "such", "both", "few", "most",
            "other", "am", "i'm", "you're", "we're", "let's", "can't", "won't", "isn't", "per", "get", "go", "make");

    private FunctionWords() {
    }

    public static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }

    /** Share of word tokens (those with a letter) that are English function words; 0 when there are none. */
    public static double share(String[] lowerTokens) {
        int words = 0;
        int function = 0;
        for (String t : lowerTokens) {
            if (hasLetter(t)) {
                words++;
                if (WORDS.contains(t)) {
                    function++;
                }
            }
        }
        return words == 0 ? 0 : (double) function / words;
    }

    /** True when the token has a Latin letter a-z; tokens in other scripts have none. */
    public static boolean hasLetter(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
