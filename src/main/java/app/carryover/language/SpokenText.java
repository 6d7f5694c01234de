package app.carryover.language;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fast normaliser for spoken English, typed or from speech recognition: one pass over the
 * characters gives lower-case words with their spans in the original text, contractions spelt out
 * ("i'd" → "i would", "gonna" → "going to"), British and American spellings brought together
 * ("practise" → "practice"), and fillers and hedges dropped ("um", "uh", "you know", "sort of").
 * Punctuation is kept only as clause and sentence boundaries, so text without any (as speech
 * recognition often gives) reads the same, only with fewer boundaries.
 *
 * <p>It costs a few microseconds a sentence, against hundreds for OpenNLP's tagger, so it suits a
 * first pass over every utterance; {@link Language} remains for the few that need tags or lemmas.
 */
public final class SpokenText {

    /** No punctuation between this word and the one before. */
    public static final byte NONE = 0;
    /** A comma, dash or bracket before this word. */
    public static final byte CLAUSE = 1;
    /** A full stop, question or exclamation mark, colon or semicolon before this word, or the text's start. */
    public static final byte SENTENCE = 2;

    private static final Set<String> FILLERS = Set.of(
            "um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "hmm", "hm", "mm", "mmm", "mhm", "ah", "ahh", "eh");

    private static final Map<String, String[]> REWRITES = new HashMap<>();

    static {
        for (String line : Resources.lines("/language/spoken-rewrites.txt")) {
            int eq = line.indexOf(" = ");
            REWRITES.put(line.substring(0, eq), line.substring(eq + 3).split(" "));
        }
    }

    private final String original;
    private String[] words;
    private int[] starts;
    private int[] ends;
    private byte[] boundaries;
    private boolean[] questions;
    private int size;
    private boolean punctuated;

    private SpokenText(String original) {
        this.original = original;
        int capacity = Math.max(8, original.length() / 4);
        words = new String[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        boundaries = new byte[capacity];
    }

    /** Normalises a text; null reads as empty. */
    public static SpokenText of(String text) {
        SpokenText spoken = new SpokenText(text == null ? "" : text);
        spoken.scan();
        spoken.dropFillers();
        spoken.markQuestions();
        return spoken;
    }

    public String original() {
        return original;
    }

    public int size() {
        return size;
    }

    public String word(int i) {
        return words[i];
    }

    /** The word at i, or "" outside the text, so callers can look around without bounds checks. */
    public String at(int i) {
        return i >= 0 && i < size ? words[i] : "";
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** {@link #NONE}, {@link #CLAUSE} or {@link #SENTENCE}: the punctuation before word i. */
    public byte boundaryBefore(int i) {
        return i <= 0 ? SENTENCE : boundaries[i];
    }

    /** Whether the sentence holding word i ends in a question mark. */
    public boolean inQuestion(int i) {
        return questions[i];
    }

    /** Whether the text had any sentence punctuation at all (speech recognition often has none). */
    public boolean punctuated() {
        return punctuated;
    }

    public boolean isNumber(int i) {
        return i >= 0 && i < size && isNumberWord(words[i]);
    }

    /** The original text from word {@code from} to word {@code to} (inclusive), as written. */
    public String span(int from, int to) {
        if (size == 0) {
            return "";
        }
        int a = Math.max(0, Math.min(from, size - 1));
        int b = Math.max(a, Math.min(to, size - 1));
        return original.substring(starts[a], ends[b]);
    }

    /** The normalised words joined by single spaces. */
    public String normalised() {
        return String.join(" ", Arrays.copyOf(words, size));
    }

    /** Digits, number words ("twelve"), "once", "twice", "half" and ordinals up to third. */
    public static boolean isNumberWord(String w) {
        if (w.isEmpty()) {
            return false;
        }
        char c = w.charAt(0);
        return c >= '0' && c <= '9' || NumberWords.isSpokenNumber(w);
    }

    public static boolean isFiller(String w) {
        return FILLERS.contains(w);
    }

    private void scan() {
        String s = original;
        int n = s.length();
        byte pending = SENTENCE;
        int i = 0;
        StringBuilder word = new StringBuilder(16);
        while (i < n) {
            char c = s.charAt(i);
            if (isWordChar(c) || (isApostrophe(c) && i + 1 < n && isWordChar(s.charAt(i + 1)) && (word.length() > 0
                    || (i + 5 <= n && s.regionMatches(true, i + 1, "cause", 0, 5))))) {
                int start = i;
                word.setLength(0);
                while (i < n) {
                    char d = s.charAt(i);
                    if (isWordChar(d)) {
                        word.append(Character.toLowerCase(d));
                    } else if (isApostrophe(d) && i + 1 < n && isWordChar(s.charAt(i + 1))) {
                        word.append('\'');
                    } else {
                        break;
                    }
                    i++;
                }
                int len = word.length();
                if (len >= 4 && i < n && isApostrophe(s.charAt(i)) && word.charAt(len - 2) == 'i' && word.charAt(len - 1) == 'n'
                        && word.indexOf("'") < 0 && !(start > 0 && isApostrophe(s.charAt(start - 1)))) {
                    // a dropped g marked by an apostrophe: "readin'" → "reading", "goin'" → "going"
                    word.append('g');
                }
                splitDigitsAndAdd(word, start, i, pending);
                pending = NONE;
                continue;
            }
            switch (c) {
                case '.', '?', '!', ';', ':', '\n', '…' -> {
                    if (c != '\n') {
                        punctuated = true;
                    }
                    if (!(c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                        pending = SENTENCE;
                    }
                }
                case ',', '—', '–', '(', ')', '"', '“', '”' -> pending = (byte) Math.max(pending, CLAUSE);
                case '-' -> {
                    boolean spaced = (i > 0 && s.charAt(i - 1) == ' ') || (i + 1 < n && s.charAt(i + 1) == ' ');
                    if (spaced) {
                        pending = (byte) Math.max(pending, CLAUSE);
                    }
                }
                default -> {
                }
            }
            i++;
        }
    }

    /** "10min" → "10", "minute"; "9pm" → "9", "pm"; then spelling and contractions. */
    private void splitDigitsAndAdd(StringBuilder word, int start, int end, byte boundary) {
        String w = word.toString();
        int len = w.length();
        if (len > 1 && Character.isDigit(w.charAt(0)) && !Character.isDigit(w.charAt(len - 1))) {
            int cut = 0;
            while (cut < len && Character.isDigit(w.charAt(cut))) {
                cut++;
            }
            String suffix = w.substring(cut);
            if (!suffix.equals("st") && !suffix.equals("nd") && !suffix.equals("rd") && !suffix.equals("th")) {
                rewriteAndAdd(w.substring(0, cut), start, start + cut, boundary);
                rewriteAndAdd(suffix, start + cut, end, NONE);
                return;
            }
            w = w.substring(0, cut);
        }
        rewriteAndAdd(w, start, end, boundary);
    }

    private void rewriteAndAdd(String w, int start, int end, byte boundary) {
        String[] rewrite = REWRITES.get(w);
        if (rewrite != null) {
            for (int k = 0; k < rewrite.length; k++) {
                add(rewrite[k], start, end, k == 0 ? boundary : NONE);
            }
            return;
        }
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0) {
            // possessive or a contraction we do not spell out: keep the stem ("week's" → "week")
            add(w.substring(0, apostrophe), start, end, boundary);
            return;
        }
        if (apostrophe == 0) {
            w = w.substring(1);
            if (w.isEmpty()) {
                return;
            }
        }
        add(w, start, end, boundary);
    }

    private void add(String w, int start, int end, byte boundary) {
        if (size == words.length) {
            int capacity = size * 2;
            words = Arrays.copyOf(words, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            boundaries = Arrays.copyOf(boundaries, capacity);
        }
        words[size] = w;
        starts[size] = start;
        ends[size] = end;
        boundaries[size] = boundary;
        size++;
    }

    /**
     * Drops fillers and hedges, keeping the strongest boundary that stood before a dropped word,
     * and collapses a word said twice in a row ("i i think").
     */
    private void dropFillers() {
        int out = 0;
        byte carried = NONE;
        for (int i = 0; i < size; i++) {
            String w = words[i];
            int drop = fillerLength(i);
            if (drop > 0) {
                for (int k = 0; k < drop; k++) {
                    carried = (byte) Math.max(carried, boundaries[i + k]);
                }
                i += drop - 1;
                continue;
            }
            byte boundary = (byte) Math.max(boundaries[i], carried);
            if (out > 0 && boundary == NONE && w.equals(words[out - 1]) && !w.equals("that") && !w.equals("had")
                    && !isNumberWord(w)) {
                carried = NONE;
                continue;
            }
            words[out] = w;
            starts[out] = starts[i];
            ends[out] = ends[i];
            boundaries[out] = boundary;
            out++;
            carried = NONE;
        }
        size = out;
    }

    private int fillerLength(int i) {
        String w = words[i];
        if (FILLERS.contains(w)) {
            return 1;
        }
        String next = i + 1 < size ? words[i + 1] : "";
        String prev = i > 0 ? words[i - 1] : "";
        if (w.equals("you") && next.equals("know")) {
            String after = i + 2 < size ? words[i + 2] : "";
            boolean verb = prev.equals("do") || prev.equals("did") || prev.equals("not") || prev.equals("if")
                    || prev.equals("will") || prev.equals("would") || prev.equals("might") || prev.equals("as")
                    || prev.equals("let") || prev.equals("so");
            boolean clause = after.equals("what") || after.equals("how") || after.equals("that") || after.equals("where")
                    || after.equals("when") || after.equals("why") || after.equals("who") || after.equals("if")
                    || after.equals("whether") || after.equals("about") || after.equals("it") || after.equals("him")
                    || after.equals("her") || after.equals("them") || after.equals("me");
            return verb || clause ? 0 : 2;
        }
        if (w.equals("i") && next.equals("mean") && (i == 0 || boundaries[i] != NONE || FILLERS.contains(prev))) {
            String after = i + 2 < size ? words[i + 2] : "";
            return after.equals("it") || after.equals("that") ? 0 : 2;
        }
        if ((w.equals("sort") || w.equals("kind")) && next.equals("of")) {
            boolean determiner = prev.equals("what") || prev.equals("some") || prev.equals("any") || prev.equals("this")
                    || prev.equals("that") || prev.equals("a") || prev.equals("the") || prev.equals("which")
                    || prev.equals("every") || prev.equals("one") || prev.equals("same") || prev.equals("other");
            return determiner ? 0 : 2;
        }
        return 0;
    }

    private static final Set<String> WH = Set.of("how", "what", "which", "when", "where", "why", "who");
    private static final Set<String> AUX = Set.of("did", "do", "does", "was", "were", "is", "are", "has", "have", "had",
            "would", "could", "can", "will", "should");

    /**
     * Speech recognition leaves out question marks; there a question is read from its words: a
     * wh-word before an auxiliary ("how did", "what was") or an auxiliary before "you" ("did you",
     * "could you"), marking the words from there to the end as a question.
     */
    private void markUnpunctuatedQuestions() {
        for (int i = 0; i + 1 < size; i++) {
            String w = words[i];
            String next = words[i + 1];
            boolean opener = (WH.contains(w) && AUX.contains(next)) || (AUX.contains(w) && next.equals("you")
                    && (i == 0 || boundaries[i] != NONE || !AUX.contains(words[i - 1]) && !words[i - 1].equals("you")
                    && !words[i - 1].equals("i") && !words[i - 1].equals("we") && !words[i - 1].equals("what")
                    && !words[i - 1].equals("that")));
            if (opener) {
                for (int k = i; k < size; k++) {
                    questions[k] = true;
                }
                return;
            }
        }
    }

    private void markQuestions() {
        questions = new boolean[size];
        if (!punctuated) {
            markUnpunctuatedQuestions();
            return;
        }
        int sentenceStart = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || (i > 0 && boundaries[i] == SENTENCE)) {
                int from = i == size ? original.length() : starts[i];
                int prevEnd = i == 0 ? 0 : ends[i - 1];
                boolean question = false;
                for (int k = prevEnd; k < from && k < original.length(); k++) {
                    char c = original.charAt(k);
                    if (c == '?') {
                        question = true;
                        break;
                    }
                    if (c == '.' || c == '!' || c == ';') {
                        break;
                    }
                }
                if (question) {
                    for (int k = sentenceStart; k < i; k++) {
                        questions[k] = true;
                    }
                }
                sentenceStart = i;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c > 127 && Character.isLetterOrDigit(c));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == 'ʼ' || c == '`';
    }
}
