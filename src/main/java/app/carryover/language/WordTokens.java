package app.carryover.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokens the way {@link Language#tokens(String)} cuts them, faster: OpenNLP's tokenizer splits each
 * white-space-separated piece on its own and spends nearly all its time weighing split points, yet a piece
 * of letters only or digits only ('anxiety', '10') has none worth weighing. Such pieces are kept whole and only
 * a word with one closing mark ('sheet.', 'day,') is cut before the mark, and only the rest ('6/10', 'don't',
 * '(e.g.', 'Dr.') goes through the tokenizer. The one difference from the
 * tokenizer is that it would split a few fused words ('cannot', 'gonna') which this keeps whole.
 */
public final class WordTokens {

    private WordTokens() {
    }

    public static String[] of(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        StringBuilder pending = null; // consecutive pieces that need the tokenizer, sent together
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            boolean letters = true;
            boolean digits = true;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                letters &= Character.isLetter(c);
                digits &= c >= '0' && c <= '9';
                i++;
            }
            boolean plain = letters || digits; // "6pm" and "20min" mix the two, and the tokenizer splits them
            int word = plain ? i : wordWithClosingMark(text, start, i);
            if (word > start) {
                if (pending != null) {
                    flush(pending, out);
                    pending = null;
                }
                out.add(text.substring(start, word));
                if (word < i) {
                    out.add(text.substring(word, i)); // "sheet." → "sheet", "."
                }
            } else {
                if (pending == null) {
                    pending = new StringBuilder();
                } else {
                    pending.append(' ');
                }
                pending.append(text, start, i);
            }
        }
        if (pending != null) {
            flush(pending, out);
        }
        return out.toArray(new String[0]);
    }

    /** Words that keep their full stop ('e.g.', 'Dr.'), so they go to the tokenizer. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "etc", "eg",
            "ie", "vs", "approx", "min", "mins", "hr", "hrs", "no", "co", "jr", "sr", "mt", "ft", "am", "pm", "a.m", "p.m");

    /**
     * For a piece like 'sheet.' or 'day,': the end of its word when the rest is one closing mark and the word
     * is letters only or digits only; otherwise {@code start}, meaning the piece needs the tokenizer.
     */
    private static int wordWithClosingMark(String text, int start, int end) {
        int last = end - 1;
        if (last <= start) {
            return start;
        }
        char mark = text.charAt(last);
        if (mark != '.' && mark != ',' && mark != ';' && mark != ':' && mark != '!' && mark != '?') {
            return start;
        }
        boolean letters = true;
        boolean digits = true;
        for (int k = start; k < last; k++) {
            char c = text.charAt(k);
            letters &= Character.isLetter(c);
            digits &= c >= '0' && c <= '9';
        }
        if (!letters && !digits) {
            return start;
        }
        if (mark == '.' && ABBREVIATIONS.contains(text.substring(start, last).toLowerCase(Locale.ROOT))) {
            return start;
        }
        return last;
    }

    private static void flush(StringBuilder pending, List<String> out) {
        for (String t : Language.tokens(pending.toString())) {
            out.add(t);
        }
    }
}
