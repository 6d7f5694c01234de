package app.carryover.transcripts.detection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.carryover.language.SpokenText;
import app.carryover.language.VerbForms;

/**
 * The tasks one assigning turn sets. A therapist often sets two things in one breath ("keep the sleep
 * diary going, and also try the breathing twice a day"); each is a task of its own, with its own words.
 * The turn is cut into clauses (at punctuation, and at "and" or "also" before a new request); a clause
 * that names a task either goes on with the task being built (the same kind of task, or words that point
 * back at it: "write it down", "log each one", "afterwards") or starts a new one (another kind of task
 * with its own request, an item of a list, or after "also", "the other thing", "second"). A task's words
 * are its clauses as said: a reflection or a framing sentence before it ("That sounds like a strong
 * thought.") and a closing check ("Does that sound okay?") are left out, and the clauses that only add a
 * dose, a time or a trigger stay with the task they follow.
 */
public final class Tasks {

    /** One task: its words as said, and the kinds of task its words name ("journaling", "action", ...). */
    public record Task(String words, Set<String> kinds) {
    }

    /** Words that join a clause to the one before and are left out of a task's words. */
    private static final Set<String> JOINING = WordSets.get("task-joining");
    /** Words that say another task is coming ("also", "second", "the other thing"). */
    private static final List<String[]> SEPARATORS = phrases(WordSets.get("task-separators"));
    /** Words that point back at the task being built ("it", "each one", "afterwards"). */
    private static final List<String[]> BACK = phrases(WordSets.get("task-back-references"));
    /** Words that open an item of a list of tasks ("the sleep diary each morning, the breathing ..."). */
    private static final Set<String> LIST_OPENERS = WordSets.get("task-list-openers");
    /** The verbs that head a task clause (words.txt "task-verbs"). */
    private static final Set<String> TASK_VERBS = WordSets.get("task-verbs");
    /** The nouns that name a log or a sheet ("diary", "tracker", "log"). */
    private static final Set<String> LOGS = WordSets.get("task-logs");
    /** Cues of talk that sets nothing: in the room now, facts and guidelines, reflections, the therapist's own part, later. */
    private static final Set<String> SETS_NOTHING = Set.of("N_NOW", "N_FACT", "N_REFLECT", "N_ROLE", "N_DEFER", "N_GENERAL", "N_SELF",
            "N_SCHED", "N_NONEW", "N_ATTITUDE");
    /** Words after "each" or "every" that make a time ("every evening"), not a pointer back ("each worry"). */
    private static final Set<String> TIMES = WordSets.get("task-times");
    private static final Set<String> REQUESTS = Set.of("D_WANT", "D_TRY", "D_YOU", "D_KEEP", "D_PROPOSE", "D_WILLING", "D_WORTH");

    private Tasks() {
    }

    /** The tasks a turn sets, in the order said; empty when no clause names a task. */
    public static List<Task> of(String turn) {
        return of(TurnFeatures.of(turn, "", null));
    }

    static List<Task> of(TurnFeatures f) {
        List<Unit> units = units(f);
        List<List<Unit>> tasks = new ArrayList<>();
        List<Unit> current = null;
        List<Unit> pending = new ArrayList<>();
        boolean separated = false;
        for (Unit u : units) {
            if (u.kinds.isEmpty()) {
                separated |= u.separator;
                if (u.textFrom > u.to) {
                    // only joining words ("and second,"): kept between the clauses of a task, left out at its ends
                    if (current != null && pending.isEmpty() && !u.sentenceStart) {
                        current.add(u);
                    }
                    continue;
                }
                if (current == null) {
                    if (u.sentenceStart) {
                        pending.clear();
                    }
                    pending.add(u);
                } else if (u.confirmation) {
                    pending.clear();
                } else if (u.sentenceStart || !pending.isEmpty()) {
                    pending.add(u);
                } else {
                    current.add(u);
                }
                continue;
            }
            boolean fresh = current == null || (separated || u.separator) && !words(current).containsAll(u.words)
                    || !u.back && !u.alternative && (u.request || u.andRequest || u.listItem) && (disjoint(kinds(current), u.kinds)
                            || !u.kinds.contains("journaling") && !u.sentenceStart && disjoint(words(current), u.words)
                            && u.andRequest
                            || !logs(current).isEmpty() && !u.logs.isEmpty() && disjoint(logs(current), u.logs));
            if (current != null && !fresh) {
                current.addAll(pending);
            }
            if (fresh) {
                if (current != null) {
                    attach(current, pending, true);
                }
                current = new ArrayList<>();
                tasks.add(current);
                if (!u.sentenceStart) {
                    current.addAll(pending);
                }
            }
            pending.clear();
            current.add(u);
            separated = false;
        }
        if (current != null) {
            attach(current, pending, false);
        }
        List<Task> out = new ArrayList<>();
        for (List<Unit> t : tasks) {
            String words = text(f.text, t);
            if (!words.isBlank()) {
                out.add(new Task(words, kinds(t)));
            }
        }
        return out;
    }

    /**
     * The clauses waiting after a task: the ones that add a dose, a time, a request or point back at it
     * stay with it; a new sentence that adds nothing (a reflection) is left out. Before a new task, a
     * clause in that task's own sentence goes with the new task.
     */
    private static void attach(List<Unit> current, List<Unit> pending, boolean beforeNewTask) {
        List<Unit> keep = new ArrayList<>();
        for (Unit u : pending) {
            if (beforeNewTask && u.sentenceStart) {
                break;
            }
            if (u.dose || u.back || u.request || !u.sentenceStart && keep.size() == 0 && !beforeNewTask) {
                keep.add(u);
            }
        }
        current.addAll(keep);
        pending.removeAll(keep);
        if (beforeNewTask) {
            // what is left before the new task's own sentence does not belong to it either
            int first = -1;
            for (int k = 0; k < pending.size(); k++) {
                if (pending.get(k).sentenceStart) {
                    first = k;
                }
            }
            if (first > 0) {
                pending.subList(0, first).clear();
            }
        }
    }

    /** One clause of the turn: words from..to, and what it says about a task. */
    private static final class Unit {
        int from;
        int to;
        int textFrom;
        boolean sentenceStart;
        final Set<String> kinds = new LinkedHashSet<>();
        final Set<String> words = new LinkedHashSet<>();
        boolean request;
        boolean separator;
        boolean back;
        boolean listItem;
        /** Starts with "or": an alternative within the task before, never a task of its own. */
        boolean alternative;
        boolean confirmation;
        boolean dose;
        /** Cut from the clause before at "and" followed by a request ("..., and give her some praise"). */
        boolean andRequest;
        /** The logs and sheets it names ("mood tracker", "food log"). */
        final Set<String> logs = new LinkedHashSet<>();
    }

    private static List<Unit> units(TurnFeatures f) {
        SpokenText t = f.text;
        List<Unit> units = new ArrayList<>();
        Unit u = null;
        for (int i = 0; i < t.size(); i++) {
            boolean cut = u == null || t.boundaryBefore(i) != SpokenText.NONE
                    || i - u.from >= 2 && (t.word(i).equals("and") || t.word(i).equals("also") || t.word(i).equals("plus"))
                    && startsRequest(f, i + 1);
            if (cut) {
                u = new Unit();
                u.from = i;
                u.sentenceStart = t.boundaryBefore(i) == SpokenText.SENTENCE;
                u.andRequest = (t.word(i).equals("and") || t.word(i).equals("also") || t.word(i).equals("plus"))
                        && startsRequest(f, i + 1);
                units.add(u);
            }
            u.to = i;
        }
        List<String> groups = CueLexicon.DEFAULT.groups();
        for (Unit c : units) {
            int k = c.from;
            while (k <= c.to && (JOINING.contains(t.word(k)) || matches(t, k, SEPARATORS) > 0)) {
                int sep = matches(t, k, SEPARATORS);
                c.separator |= sep > 0;
                k += Math.max(1, sep);
            }
            c.textFrom = k;
            c.listItem = k <= c.to && LIST_OPENERS.contains(t.word(k)) && t.boundaryBefore(c.from) == SpokenText.CLAUSE;
            c.alternative = t.word(c.from).equals("or");
            for (int i = c.from; i <= c.to; i++) {
                c.back |= matches(t, i, BACK) > 0 && !(isTrigger(t, i) && i + 2 <= c.to)
                        || (t.word(i).equals("each") || t.word(i).equals("every")) && i < c.to && !TIMES.contains(t.word(i + 1));
                c.separator |= i == c.to && i > c.from + 1 && t.word(i).equals("too");
                c.separator |= i > c.from + 1 && t.word(i).equals("as") && t.at(i + 1).equals("well");
            }
            for (int v : f.directiveVerbs) {
                c.request |= v >= c.from && v <= c.to;
            }
            boolean sayingNothing = false;
            for (CueLexicon.Hit h : f.hits) {
                if (h.from() < c.from || h.from() > c.to) {
                    continue;
                }
                String g = groups.get(h.group());
                if (g.startsWith("K_") && inTime(f, h, groups)) {
                    continue; // "meet" in "before we meet" names no task
                }
                if (g.startsWith("K_") && !f.past[h.from()] && !namesALog(f, h, groups)) {
                    c.kinds.add(kind(g));
                    String words = t.span(h.from(), Math.min(h.to(), c.to)).toLowerCase(java.util.Locale.ROOT);
                    c.words.add(words);
                    if (g.equals("K_JOURNAL") && LOGS.stream().anyMatch(words::endsWith)) {
                        c.logs.add(words);
                    }
                } else if (g.startsWith("K_") && !f.past[h.from()]) {
                    c.words.add(t.span(h.from(), h.to()).toLowerCase(java.util.Locale.ROOT));
                } else if (SETS_NOTHING.contains(g)) {
                    sayingNothing = true; // in the room now, a fact, a reflection, talk of later: it sets nothing
                } else if (REQUESTS.contains(g)) {
                    c.request = true;
                } else if (g.equals("D_CONFIRM")) {
                    c.confirmation = true;
                } else if (g.startsWith("T_") && !g.equals("T_LOOSE") || g.equals("S_AMOUNT")) {
                    c.dose = true;
                }
            }
            if (sayingNothing) {
                c.kinds.clear();
                c.logs.clear();
            }
            for (int i = c.from; i <= c.to; i++) {
                c.dose |= t.isNumber(i) || t.word(i).equals("aiming") || t.word(i).equals("aim");
            }
            boolean question = t.inQuestion(c.to) && c.to == lastOfSentence(t, c.to);
            c.confirmation |= question && c.kinds.isEmpty() && !c.dose && c.to - c.from < 6;
        }
        return units;
    }

    /** Whether a task word lies inside a time phrase ("before we meet", "after work"). */
    private static boolean inTime(TurnFeatures f, CueLexicon.Hit h, List<String> groups) {
        for (CueLexicon.Hit time : f.hits) {
            if (groups.get(time.group()).startsWith("T_") && time.from() <= h.from() && h.to() <= time.to()
                    && time.to() > time.from()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A task word that only names the kind of a log that follows it ("skills" in "skills diary card",
     * "exposure" in "exposure log"): the task is the log.
     */
    private static boolean namesALog(TurnFeatures f, CueLexicon.Hit h, List<String> groups) {
        if (groups.get(h.group()).equals("K_JOURNAL")) {
            return false;
        }
        for (CueLexicon.Hit next : f.hits) {
            if (next.from() == h.to() + 1 && groups.get(next.group()).equals("K_JOURNAL")
                    && LOGS.contains(f.text.word(next.to()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words from i on open a request ("try", "could you", "I'd like you to", "also"). */
    private static boolean startsRequest(TurnFeatures f, int i) {
        for (int v : f.directiveVerbs) {
            if (v >= i && v <= i + 3) {
                return true;
            }
        }
        int k = i;
        while (k < f.text.size() && JOINING.contains(f.text.word(k))) {
            k++;
        }
        if (k < f.text.size() && TASK_VERBS.contains(VerbForms.base(f.text.word(k)))) {
            return true;
        }
        return matches(f.text, i, SEPARATORS) > 0;
    }

    /** "each time" followed by its own words is a trigger ("each time you notice"), not a pointer back. */
    private static boolean isTrigger(SpokenText t, int i) {
        return (t.word(i).equals("each") || t.word(i).equals("every")) && t.at(i + 1).equals("time");
    }

    private static int lastOfSentence(SpokenText t, int i) {
        int k = i;
        while (k + 1 < t.size() && t.boundaryBefore(k + 1) != SpokenText.SENTENCE) {
            k++;
        }
        return k;
    }

    /** The number of words of the first phrase that matches at i, or 0. */
    private static int matches(SpokenText t, int i, List<String[]> phrases) {
        outer:
        for (String[] p : phrases) {
            for (int k = 0; k < p.length; k++) {
                if (!t.at(i + k).equals(p[k])) {
                    continue outer;
                }
            }
            return p.length;
        }
        return 0;
    }

    private static List<String[]> phrases(Set<String> words) {
        List<String[]> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.split("_"));
        }
        out.sort((a, b) -> b.length - a.length);
        return List.copyOf(out);
    }

    private static String kind(String group) {
        return switch (group) {
            case "K_JOURNAL" -> "journaling";
            case "K_SKILL" -> "skill_practice";
            case "K_LEARN" -> "learning";
            default -> "action";
        };
    }

    private static Set<String> kinds(List<Unit> units) {
        Set<String> kinds = new LinkedHashSet<>();
        units.forEach(u -> kinds.addAll(u.kinds));
        return kinds;
    }

    private static Set<String> logs(List<Unit> units) {
        Set<String> logs = new LinkedHashSet<>();
        units.forEach(u -> logs.addAll(u.logs));
        return logs;
    }

    private static Set<String> words(List<Unit> units) {
        Set<String> words = new LinkedHashSet<>();
        units.forEach(u -> words.addAll(u.words));
        return words;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    /** The task's clauses as said, in order; clauses that follow each other keep the words between them. */
    private static String text(SpokenText t, List<Unit> task) {
        List<Unit> sorted = new ArrayList<>(task);
        sorted.sort((a, b) -> Integer.compare(a.from, b.from));
        while (!sorted.isEmpty() && sorted.get(sorted.size() - 1).textFrom > sorted.get(sorted.size() - 1).to) {
            sorted.remove(sorted.size() - 1);
        }
        StringBuilder b = new StringBuilder();
        int runStart = -1;
        int runEnd = -1;
        for (Unit u : sorted) {
            if (runStart >= 0 && u.from == runEnd + 1) {
                runEnd = u.to;
                continue;
            }
            append(b, t, runStart, runEnd);
            runStart = u.textFrom <= u.to ? u.textFrom : u.from;
            runEnd = u.to;
            if (u.textFrom > u.to) {
                runStart = -1;
            }
        }
        append(b, t, runStart, runEnd);
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static void append(StringBuilder b, SpokenText t, int from, int to) {
        if (from < 0 || to < from) {
            return;
        }
        if (b.length() > 0) {
            char last = b.charAt(b.length() - 1);
            b.append(last == '.' || last == '?' || last == '!' ? " " : ". ");
        }
        String span = t.span(from, to);
        int end = t.end(to);
        String rest = t.original().substring(end);
        // keep a sentence's own closing mark so the words read as said
        if (!rest.isEmpty() && (rest.charAt(0) == '.' || rest.charAt(0) == '?' || rest.charAt(0) == '!')) {
            span += rest.charAt(0);
        }
        b.append(span);
    }
}
