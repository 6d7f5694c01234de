package app.carryover.coach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;
import app.carryover.language.WordStems;

/**
 * Judges whether a task serves the goal or the session's work. Both sides are placed in topics (sleep,
 * eating, worry, social, …; {@code coach/topics.txt}); the task is unlinked when it has topics of its own,
 * the goal and focus have theirs, none is shared or related, and they share no content word. A task with
 * no recognisable topic ('be kinder to yourself') is given the benefit of the doubt when a goal exists:
 * the red-flag label, not this one, is what catches it.
 */
final class TopicLinks {

    private static final Topics TOPICS = Topics.load("/coach/topics.txt");

    /** Words too common in goals and tasks to show a link. */
    private static final Set<String> GENERIC = Lexicon.stems("""
            feel feeling less more better good stop start get go make take day daily time week help able again back
            without manage cope reduce improve increase keep way thing new next last first use try work-on
            people life lot bit much many often every each want need know see look put give find tell let come
            able still even just really also well less fewer cut down up out own other another one two three
            reviewed review session sessions step steps plan planning practice practise homework task tasks goal
            level hour hours minute minutes week weeks morning evening night today tomorrow monday tuesday wednesday
            thursday friday saturday sunday rate rating record log sheet form diary chart note anxiety anxious
            """);

    private TopicLinks() {
    }

    enum Verdict {
        LINKED, UNLINKED, NO_CONTEXT
    }

    /** Context = goal, focus and previous step; task = title and instructions. */
    static Verdict judge(List<Passage> context, List<Passage> task) {
        boolean anyContext = false;
        for (Passage p : context) {
            anyContext |= !p.isEmpty();
        }
        if (!anyContext) {
            return Verdict.NO_CONTEXT;
        }
        BitSet contextTopics = new BitSet();
        BitSet taskTopics = new BitSet();
        HashSet<String> contextWords = new HashSet<>();
        for (Passage p : context) {
            collect(p, contextTopics, contextWords);
        }
        HashSet<String> taskWords = new HashSet<>();
        for (Passage p : task) {
            collect(p, taskTopics, taskWords);
        }
        for (String w : taskWords) {
            if (contextWords.contains(w)) {
                return Verdict.LINKED;
            }
        }
        if (taskTopics.isEmpty() || contextTopics.isEmpty()) {
            return Verdict.LINKED;
        }
        if (taskTopics.intersects(TOPICS.closure(contextTopics))) {
            return Verdict.LINKED;
        }
        return Verdict.UNLINKED;
    }

    /** The names of the topics the passages touch, in lexicon order (for tailoring suggestions). */
    static List<String> topics(List<Passage> passages) {
        BitSet found = new BitSet();
        for (Passage p : passages) {
            collect(p, found, new HashSet<>());
        }
        List<String> names = new ArrayList<>();
        for (int t = found.nextSetBit(0); t >= 0; t = found.nextSetBit(t + 1)) {
            names.add(TOPICS.name(t));
        }
        return names;
    }

    private static void collect(Passage p, BitSet topics, Set<String> contentWords) {
        for (Sentence s : p.sentences) {
            for (int i = 0; i < s.size(); i++) {
                String stem = s.stemAt(i);
                if (stem.equals("check") && (s.at(i + 1).equals("in") || s.at(i + 1).equals("-") && s.at(i + 2).startsWith("in"))) {
                    i += s.at(i + 1).equals("-") ? 2 : 1;
                    continue; // "check in with yourself", "check-ins": a look inward, not OCD checking
                }
                TOPICS.mark(stem, topics);
                int j = i + 1;
                if (s.at(j).equals("-")) {
                    j++;
                }
                if (j < s.size()) {
                    String two = stem + "-" + s.stemAt(j);
                    TOPICS.mark(two, topics);
                    int k = j + 1;
                    if (s.at(k).equals("-")) {
                        k++;
                    }
                    if (k < s.size()) {
                        TOPICS.mark(two + "-" + s.stemAt(k), topics);
                    }
                }
                String t = s.at(i);
                if (t.length() >= 3 && Character.isLetter(t.charAt(0)) && !FunctionWords.contains(t) && !GENERIC.contains(stem)) {
                    contentWords.add(stem);
                }
            }
        }
    }

    /** The topic lexicon: word stems to topic numbers, and which topics serve one another. */
    private static final class Topics {
        private final Map<String, BitSet> byStem = new HashMap<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final ArrayList<BitSet> related = new ArrayList<>();

        static Topics load(String resource) {
            Topics topics = new Topics();
            try (InputStream in = TopicLinks.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing coach resource " + resource);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    topics.read(line.strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return topics;
        }

        private void read(String line) {
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#") || colon < 0) {
                return;
            }
            String name = line.substring(0, colon);
            String[] words = line.substring(colon + 1).trim().split("\\s+");
            if (name.equals("related")) {
                // the first topic serves each of the others and they it; the others are not thereby related
                int hub = id(words[0]);
                for (int i = 1; i < words.length; i++) {
                    int other = id(words[i]);
                    related.get(hub).set(other);
                    related.get(other).set(hub);
                }
                return;
            }
            int topic = id(name);
            for (String w : words) {
                byStem.computeIfAbsent(key(w), k -> new BitSet()).set(topic);
            }
        }

        String name(int id) {
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                if (e.getValue() == id) {
                    return e.getKey();
                }
            }
            return "";
        }

        private int id(String name) {
            return ids.computeIfAbsent(name, n -> {
                BitSet self = new BitSet();
                self.set(related.size());
                related.add(self);
                return related.size() - 1;
            });
        }

        private static String key(String word) {
            String[] parts = word.toLowerCase(Locale.ROOT).split("-");
            StringBuilder sb = new StringBuilder();
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(WordStems.stem(part));
            }
            return sb.toString();
        }

        void mark(String stemKey, BitSet into) {
            BitSet found = byStem.get(stemKey);
            if (found != null) {
                into.or(found);
            }
        }

        BitSet closure(BitSet topics) {
            BitSet out = new BitSet();
            for (int t = topics.nextSetBit(0); t >= 0; t = topics.nextSetBit(t + 1)) {
                out.or(related.get(t));
            }
            return out;
        }
    }
}
