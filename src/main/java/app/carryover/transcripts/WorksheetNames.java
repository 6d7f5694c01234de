package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.language.Resources;

/**
 * Finds the worksheet a task names ("fill in a thought record", "the sleep diary each morning"): the
 * built-in worksheets by the names therapists give them ({@code transcripts/worksheet-names.txt}), and
 * any worksheet the clinician can assign by its title. Only a name said outright counts; a task that
 * names no sheet or log links none.
 */
final class WorksheetNames {

    /** A worksheet named in the words: its key and the words that named it. */
    record Named(String key, String words) {
    }

    private record Name(String key, Pattern pattern) {
    }

    private static final List<Name> BUILT_IN = load();

    private WorksheetNames() {
    }

    /**
     * The first worksheet named in the words, among those offered ({@code titles}: key to title, the
     * worksheets this clinician can assign); a title said outright wins over a spoken name.
     */
    static Optional<Named> find(String words, Map<String, String> titles) {
        if (words == null || words.isBlank()) {
            return Optional.empty();
        }
        String text = plain(words);
        Named best = null;
        int at = Integer.MAX_VALUE;
        List<Name> names = new ArrayList<>();
        titles.forEach((key, title) -> {
            String t = plain(title.replaceAll("\\s*\\([^)]*\\)$", "")); // "Values card (practice)": the title itself
            if (t.split(" ").length >= 2) {
                names.add(new Name(key, Pattern.compile("\\b" + Pattern.quote(t) + "\\b")));
            }
        });
        names.addAll(BUILT_IN);
        for (Name n : names) {
            if (!titles.containsKey(n.key())) {
                continue;
            }
            Matcher m = n.pattern().matcher(text);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = new Named(n.key(), m.group());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The keys of the built-in worksheets this table names. */
    static Collection<String> builtInKeys() {
        return BUILT_IN.stream().map(Name::key).distinct().toList();
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[-\u2010\u2011\u2013/]", " ")
                .replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<Name> load() {
        List<Name> out = new ArrayList<>();
        for (String line : Resources.lines("/transcripts/worksheet-names.txt")) {
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            for (String name : line.substring(colon + 1).split("\\|")) {
                String n = plain(name);
                if (!n.isEmpty()) {
                    // a plural or a possessive still names the sheet ("thought records")
                    out.add(new Name(key, Pattern.compile("\\b" + Pattern.quote(n) + "(?:s|es)?\\b")));
                }
            }
        }
        return List.copyOf(out);
    }
}
