package app.carryover.transcripts.detection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.carryover.language.Resources;

/** The named word sets of {@code transcripts/words.txt} that the structural features test words against. */
final class WordSets {

    private static final Map<String, Set<String>> SETS = load("/transcripts/words.txt");

    private WordSets() {
    }

    static Set<String> get(String name) {
        Set<String> set = SETS.get(name);
        if (set == null) {
            throw new IllegalStateException("transcripts/words.txt has no set '" + name + "'");
        }
        return set;
    }

    private static Map<String, Set<String>> load(String resource) {
        Map<String, Set<String>> sets = new HashMap<>();
        String name = null;
        Set<String> words = null;
        for (String line : Resources.lines(resource)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.substring(0, colon).contains(" ")) {
                name = line.substring(0, colon);
                words = new HashSet<>();
                sets.put(name, words);
                line = line.substring(colon + 1);
            }
            if (words == null) {
                throw new IllegalStateException(resource + ": words before the first set name");
            }
            words.addAll(List.of(line.trim().split("\\s+")));
            words.remove("");
        }
        sets.replaceAll((k, v) -> Set.copyOf(v));
        return sets;
    }
}
