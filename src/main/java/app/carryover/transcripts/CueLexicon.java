package app.carryover.transcripts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
final class CueLexicon {

    static final CueLexicon DEFAULT = load("/transcripts/cues.txt");

    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekend",
            "weekends", "weekday", "weekdays", "tonight", "tomorrow", "weeknight", "weeknights");

    private final List<String> groups;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final List<Phrase> unindexed = new ArrayList<>();

    /** One matched phrase: its group and the words it covers, inclusive. */
    record Hit(int group, int from, int to) {
    }

    private CueLexicon(Map<String, List<String>> phrasesByGroup) {
        this.groups = List.copyOf(phrasesByGroup.keySet());
        for (int g = 0; g < groups.size(); g++) {
            for (String phrase : phrasesByGroup.get(groups.get(g))) {
                Phrase p = Phrase.compile(g, phrase);
                Element first = p.elements[0];
                if (first.kind == Kind.WORDS && !first.optional) {
                    for (String w : first.words) {
                        byFirstWord.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
                    }
                } else {
                    unindexed.add(p);
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

    /** Every phrase occurrence in the text, in order of its first word. */
    List<Hit> match(SpokenText text) {
        List<Hit> hits = new ArrayList<>();
        int n = text.size();
        for (int i = 0; i < n; i++) {
            List<Phrase> candidates = byFirstWord.get(text.word(i));
            if (candidates != null) {
                for (Phrase p : candidates) {
                    int end = p.match(text, 0, i);
                    if (end > i) {
                        hits.add(new Hit(p.group, i, end - 1));
                    }
                }
            }
            for (Phrase p : unindexed) {
                int end = p.match(text, 0, i);
                if (end > i) {
                    hits.add(new Hit(p.group, i, end - 1));
                }
            }
        }
        return hits;
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

    private record Element(Kind kind, Set<String> words, boolean optional) {
        boolean accepts(SpokenText text, int i) {
            return switch (kind) {
                case WORDS -> words.contains(text.word(i));
                case NUMBER -> text.isNumber(i);
                case DAY -> DAYS.contains(text.word(i));
                default -> true;
            };
        }
    }

    private record Phrase(int group, Element[] elements) {

        static Phrase compile(int group, String phrase) {
            String[] parts = phrase.trim().split("\\s+");
            Element[] elements = new Element[parts.length];
            for (int k = 0; k < parts.length; k++) {
                String part = parts[k];
                boolean optional = part.endsWith("?") && part.length() > 1;
                if (optional) {
                    part = part.substring(0, part.length() - 1);
                }
                elements[k] = switch (part) {
                    case "<num>" -> new Element(Kind.NUMBER, Set.of(), optional);
                    case "<day>" -> new Element(Kind.DAY, Set.of(), optional);
                    case "*" -> new Element(Kind.ANY, Set.of(), optional);
                    case "~" -> new Element(Kind.GAP, Set.of(), false);
                    default -> new Element(Kind.WORDS, Set.copyOf(java.util.Arrays.asList(part.split("\\|"))), optional);
                };
            }
            return new Phrase(group, elements);
        }

        /** The end (exclusive) of a match of elements[e..] starting at word i, or -1. */
        int match(SpokenText text, int e, int i) {
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
