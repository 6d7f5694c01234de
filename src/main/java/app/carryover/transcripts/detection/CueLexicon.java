package app.carryover.transcripts.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.carryover.language.SpokenText;

/**
 * The cue phrases of {@code transcripts/cues.txt}, compiled for matching over {@link SpokenText}
 * words. Phrases are indexed by their first word, so a text is matched in one pass whatever the
 * lexicon's size. Immutable and safe to share between threads.
 */
public final class CueLexicon {

    static final CueLexicon DEFAULT = load("/transcripts/cues.txt");

    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend",
            "weekends", "weekday", "weekdays", "tonight", "tomorrow", "weeknight", "weeknights");

    private final List<String> groups;
    /** Per side (0: the therapist's cues, 1: the context's C_ cues): phrases by their first word. */
    private final List<Map<Integer, List<Phrase>>> byFirstWord = List.of(new HashMap<>(), new HashMap<>());
    private final List<List<Phrase>> numberFirst = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<List<Phrase>> dayFirst = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<List<Phrase>> unindexed = List.of(new ArrayList<>(), new ArrayList<>());

    /** One matched phrase: its group and the words it covers, inclusive. */
    record Hit(int group, int from, int to) {
    }

    /** Every word the phrases name, numbered, so matching compares ints and tests bits. */
    private final Map<String, Integer> vocabulary = new HashMap<>();

    private CueLexicon(Map<String, List<String>> phrasesByGroup) {
        this.groups = List.copyOf(phrasesByGroup.keySet());
        for (List<String> phrases : phrasesByGroup.values()) {
            for (String phrase : phrases) {
                for (String part : phrase.trim().split("\\s+")) {
                    String words = part.endsWith("?") && part.length() > 1 ? part.substring(0, part.length() - 1) : part;
                    if (!words.startsWith("<") && !words.equals("~") && !words.equals("*")) {
                        for (String w : words.split("\\|")) {
                            vocabulary.putIfAbsent(w, vocabulary.size());
                        }
                    }
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            String name = groups.get(g);
            // the task words (K_) are looked for on both sides: the client's words hint at the category
            int[] sides = name.startsWith("C_") ? new int[] {1} : name.startsWith("K_") ? new int[] {0, 1} : new int[] {0};
            for (String phrase : phrasesByGroup.get(name)) {
                for (int side : sides) {
                for (Phrase p : Phrase.compile(g, phrase, vocabulary)) {
                    Element first = p.elements[0];
                    if (first.kind == Kind.WORDS) {
                        for (int w = first.words.nextSetBit(0); w >= 0; w = first.words.nextSetBit(w + 1)) {
                            byFirstWord.get(side).computeIfAbsent(w, k -> new ArrayList<>()).add(p);
                        }
                    } else if (first.kind == Kind.NUMBER) {
                        numberFirst.get(side).add(p);
                    } else if (first.kind == Kind.DAY) {
                        dayFirst.get(side).add(p);
                    } else {
                        unindexed.get(side).add(p);
                    }
                }
                }
            }
        }
    }

    List<String> groups() {
        return groups;
    }

    int group(String name) {
        int g = groups.indexOf(name);
        if (g < 0) {
            throw new IllegalArgumentException("no cue group " + name);
        }
        return g;
    }

    /** Every occurrence of a therapist-side cue (all groups but C_) in the text, in order of its first word. */
    List<Hit> match(SpokenText text) {
        return match(text, 0);
    }

    /** Every occurrence of a context cue (the C_ groups) or a task word (K_) in the client's text. */
    List<Hit> matchContext(SpokenText text) {
        return match(text, 1);
    }

    /** A text as the matcher sees it: word ids (-1 for words no phrase names), numbers and days marked. */
    record Coded(int[] ids, boolean[] numbers, boolean[] days) {
        int size() {
            return ids.length;
        }
    }

    private Coded code(SpokenText text) {
        int n = text.size();
        int[] ids = new int[n];
        boolean[] numbers = new boolean[n];
        boolean[] days = new boolean[n];
        for (int i = 0; i < n; i++) {
            String w = text.word(i);
            Integer id = vocabulary.get(w);
            ids[i] = id == null ? -1 : id;
            numbers[i] = text.isNumber(i);
            days[i] = DAYS.contains(w);
        }
        return new Coded(ids, numbers, days);
    }

    private List<Hit> match(SpokenText text, int side) {
        List<Hit> hits = new ArrayList<>();
        Coded coded = code(text);
        int n = coded.size();
        Map<Integer, List<Phrase>> index = byFirstWord.get(side);
        for (int i = 0; i < n; i++) {
            if (coded.ids[i] >= 0) {
                tryAll(index.get(coded.ids[i]), coded, i, hits);
            }
            if (coded.numbers[i]) {
                tryAll(numberFirst.get(side), coded, i, hits);
            }
            if (coded.days[i]) {
                tryAll(dayFirst.get(side), coded, i, hits);
            }
            tryAll(unindexed.get(side), coded, i, hits);
        }
        return hits;
    }

    private static void tryAll(List<Phrase> phrases, Coded text, int i, List<Hit> hits) {
        if (phrases == null) {
            return;
        }
        for (int k = 0, size = phrases.size(); k < size; k++) {
            Phrase p = phrases.get(k);
            int end = p.match(text, 0, i);
            if (end > i) {
                hits.add(new Hit(p.group, i, end - 1));
            }
        }
    }

    static CueLexicon load(String resource) {
        try (InputStream in = CueLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cue lexicon " + resource + " is not on the classpath");
            }
            Map<String, List<String>> byGroup = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String group = line.substring(0, colon).trim();
                for (String phrase : line.substring(colon + 1).split("\\s\\|\\s")) {
                    if (!phrase.isBlank()) {
                        byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(phrase.trim());
                    }
                }
            }
            return new CueLexicon(byGroup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Kind { WORDS, NUMBER, DAY, ANY, GAP }

    private record Element(Kind kind, BitSet words, boolean optional) {
        boolean accepts(Coded text, int i) {
            return switch (kind) {
                case WORDS -> text.ids[i] >= 0 && words.get(text.ids[i]);
                case NUMBER -> text.numbers[i];
                case DAY -> text.days[i];
                default -> true;
            };
        }
    }

    private record Phrase(int group, Element[] elements) {

        /** The phrase, as many times as it has leading optional words (each left in and left out). */
        static List<Phrase> compile(int group, String phrase, Map<String, Integer> vocabulary) {
            String[] parts = phrase.trim().split("\\s+");
            Element[] elements = new Element[parts.length];
            for (int k = 0; k < parts.length; k++) {
                String part = parts[k];
                boolean optional = part.endsWith("?") && part.length() > 1;
                if (optional) {
                    part = part.substring(0, part.length() - 1);
                }
                BitSet none = new BitSet();
                elements[k] = switch (part) {
                    case "<num>" -> new Element(Kind.NUMBER, none, optional);
                    case "<day>" -> new Element(Kind.DAY, none, optional);
                    case "*" -> new Element(Kind.ANY, none, optional);
                    case "~" -> new Element(Kind.GAP, none, false);
                    default -> new Element(Kind.WORDS, bits(part.split("\\|"), vocabulary), optional);
                };
            }
            List<Phrase> out = new ArrayList<>();
            int lead = 0;
            while (lead < elements.length - 1 && elements[lead].optional) {
                Element required = elements[lead];
                Element[] kept = elements.clone();
                kept[lead] = new Element(required.kind, required.words, false);
                out.add(new Phrase(group, Arrays.copyOfRange(kept, lead, kept.length)));
                lead++;
            }
            out.add(new Phrase(group, Arrays.copyOfRange(elements, lead, elements.length)));
            return out;
        }

        private static BitSet bits(String[] words, Map<String, Integer> vocabulary) {
            BitSet bits = new BitSet();
            for (String w : words) {
                bits.set(vocabulary.get(w));
            }
            return bits;
        }

        /** The end (exclusive) of a match of the elements from e on, starting at word i, or -1. */
        int match(Coded text, int e, int i) {
            if (e == elements.length) {
                return i;
            }
            Element el = elements[e];
            if (el.kind == Kind.GAP) {
                for (int skip = 0; skip <= 3 && i + skip <= text.size(); skip++) {
                    int end = match(text, e + 1, i + skip);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            if (i < text.size() && el.accepts(text, i)) {
                int end = match(text, e + 1, i + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return el.optional ? match(text, e + 1, i) : -1;
        }
    }
}
