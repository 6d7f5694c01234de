package app.carryover.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import app.carryover.language.Language;
import app.carryover.language.WordStems;
import app.carryover.language.WordTokens;

/**
 * One field of an assignment cut into sentences and tokens by OpenNLP, with each token lower-cased and
 * stemmed once, so that every cue below looks words up without redoing that work.
 */
final class Passage {

    static final Passage EMPTY = new Passage(List.of());

    private static final Pattern SPACED_DASH = Pattern.compile("(?<![0-9])\\s-+\\s(?![0-9])");

    final List<Sentence> sentences;

    private Passage(List<Sentence> sentences) {
        this.sentences = sentences;
    }

    /** A passage of several sentences (the instructions). */
    static Passage ofText(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Sentence> out = new ArrayList<>();
        // a spaced dash joins two clauses; the tokenizer would make it a hyphen, so mark it as a clause break
        String clauses = text.indexOf(" -") >= 0 ? SPACED_DASH.matcher(text).replaceAll(" ; ") : text;
        for (String s : Language.sentences(clauses)) {
            Sentence sentence = Sentence.of(WordTokens.of(s));
            if (sentence.size() > 0) {
                out.add(sentence);
            }
        }
        return new Passage(out);
    }

    /** Short fields repeat (one goal, many assignments; the composer re-reads them on every keystroke). */
    private static final int PHRASE_CACHE_SIZE = 8192;
    private static final ConcurrentHashMap<String, Passage> PHRASES =
            new ConcurrentHashMap<>();

    /** A short field (goal, focus, title, previous step) read as one sentence. */
    static Passage ofPhrase(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Passage cached = PHRASES.get(text);
        if (cached != null) {
            return cached;
        }
        Sentence sentence = Sentence.of(WordTokens.of(text));
        Passage passage = sentence.size() == 0 ? EMPTY : new Passage(List.of(sentence));
        if (PHRASES.size() >= PHRASE_CACHE_SIZE) {
            PHRASES.clear(); // crude but bounded; a batch or a session soon refills what it uses
        }
        PHRASES.put(text, passage);
        return passage;
    }

    boolean isEmpty() {
        return sentences.isEmpty();
    }

    int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.size();
        }
        return n;
    }

    int wordCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.wordCount();
        }
        return n;
    }

    String[] allLower() {
        String[] all = new String[tokenCount()];
        int i = 0;
        for (Sentence s : sentences) {
            System.arraycopy(s.lower, 0, all, i, s.size());
            i += s.size();
        }
        return all;
    }

    /** One sentence: the tokens as written, lower-cased, and stemmed. */
    static final class Sentence {
        final String[] words;
        final String[] lower;
        final String[] stems;

        private Sentence(String[] words, String[] lower, String[] stems) {
            this.words = words;
            this.lower = lower;
            this.stems = stems;
        }

        /** Texting shorthand read as the words it stands for ('pls try n be less hard on urself'). */
        private static final Map<String, String> SHORTHAND = Map.ofEntries(
                Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("n", "and"),
                Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("urself", "yourself"),
                Map.entry("w/", "with"), Map.entry("b4", "before"), Map.entry("bc", "because"),
                Map.entry("coz", "because"), Map.entry("cos", "because"), Map.entry("tho", "though"),
                Map.entry("thru", "through"), Map.entry("tmrw", "tomorrow"), Map.entry("2moro", "tomorrow"));

        static Sentence of(String[] tokens) {
            String[] lower = new String[tokens.length];
            String[] stems = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                lower[i] = Language.lower(tokens[i]);
                lower[i] = SHORTHAND.getOrDefault(lower[i], lower[i]);
                if (lower[i].equals("your") && tokens[i].equalsIgnoreCase("ur") && i + 1 < tokens.length
                        && Language.lower(tokens[i + 1]).endsWith("ing")) {
                    lower[i] = "you're"; // "what ur doing", "ur smashing it"
                }
                stems[i] = WordStems.stem(lower[i]);
            }
            return new Sentence(tokens, lower, stems);
        }

        int size() {
            return words.length;
        }

        /** The rest of the sentence from token {@code i} on, as a sentence of its own. */
        Sentence from(int i) {
            int k = Math.min(Math.max(i, 0), words.length);
            return new Sentence(Arrays.copyOfRange(words, k, words.length),
                    Arrays.copyOfRange(lower, k, lower.length), Arrays.copyOfRange(stems, k, stems.length));
        }

        int wordCount() {
            int n = 0;
            for (String t : lower) {
                if (!t.isEmpty() && Character.isLetterOrDigit(t.charAt(0))) {
                    n++;
                }
            }
            return n;
        }

        /** The lower-case token at {@code i}, or '' outside the sentence. */
        String at(int i) {
            return i >= 0 && i < lower.length ? lower[i] : "";
        }

        String stemAt(int i) {
            return i >= 0 && i < stems.length ? stems[i] : "";
        }
    }
}
