package app.carryover.transcripts.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import app.carryover.language.SpokenText;
import app.carryover.language.VerbForms;

/**
 * The features of one therapist turn: which cues fire in its words and in the client's turn before
 * it, a few structural ones found by walking the words (a task verb at the head of a clause, a request
 * "could you ...", a suggestion "maybe ..."), their conjunctions, and, in a whole session, where the
 * turn stands and what its neighbours look like. Each feature remembers the words that set it off,
 * which become the evidence of a decision.
 */
public final class TurnFeatures {

    public static final List<String> NAMES;
    private static final int COUNT;
    private static final java.util.Map<String, Integer> INDEX;

    /** Task verbs: a clause that starts with one of these, or a request ending in one, sets a task. */
    static final Set<String> TASK_VERBS = Set.of(
            "try", "read", "reread", "watch", "listen", "write", "jot", "note", "keep", "log", "track", "record",
            "monitor", "fill", "rate", "practice", "rehearse", "do", "use", "give", "go", "call", "ring", "phone",
            "text", "message", "email", "send", "ask", "tell", "pick", "choose", "set", "put", "take", "spend",
            "make", "start", "carry", "continue", "bring", "notice", "look", "have", "see", "find", "get", "sit",
            "stay", "leave", "visit", "walk", "touch", "hold", "say", "repeat", "add", "swap", "mark", "highlight",
            "underline", "circle", "tick", "draw", "complete", "aim", "build", "think", "mull", "reflect",
            "remember", "experiment", "test", "book", "sign", "join", "attend", "download", "cook", "eat", "drop",
            "skip", "wait", "postpone", "delay", "resist", "allow", "apply", "stick", "catch", "challenge", "plan",
            "schedule", "check", "count", "tally", "play", "paint", "breathe", "meditate", "stretch", "run", "jog",
            "swim", "knock", "invite", "hug", "praise", "ignore", "reward", "turn", "open", "wake", "weigh", "reach",
            "contact", "talk", "share", "work", "browse", "explore", "research", "learn", "study", "review",
            "revisit", "push", "let", "be", "imagine", "picture", "visualize", "follow", "journal", "list",
            "collect", "gather", "observe", "print", "step", "sort", "clear", "tidy", "consider", "explain", "show",
            "introduce", "greet", "smile", "offer", "agree", "cut", "avoid", "limit", "reduce", "increase", "move",
            "head", "treat", "acknowledge", "hand", "fold", "compare", "ponder", "surf", "maintain", "ground", "defuse",
            "validate", "label", "describe", "lie", "hang", "scribble", "ride");
    /** Words that open a task clause and read well at the start of its summary ("same card", "could you"). */
    static final Set<String> LEAD_WORDS = Set.of("same", "could", "would", "can", "you", "please", "just", "the");

    /** Words that are nouns as often as verbs: a clause head only right after punctuation or a discourse word. */
    private static final Set<String> AMBIGUOUS = Set.of(
            "note", "log", "record", "rate", "walk", "call", "text", "message", "email", "plan", "practice", "book",
            "watch", "list", "check", "track", "step", "count", "tally", "play", "run", "swim", "ring", "phone",
            "work", "study", "review", "picture", "journal", "print", "sort", "hand", "label", "head", "reach", "set",
            "cut", "move", "test", "experiment", "lie", "hang", "look", "hug", "mark", "circle", "tick", "draw",
            "stretch", "visit", "share", "drop", "swap", "treat", "turn", "offer", "ground");
    /** Words that may stand between a clause's start and its verb: "so just try", "and then maybe write". */
    private static final Set<String> LEAD_INS = Set.of(
            "so", "and", "then", "just", "maybe", "perhaps", "also", "please", "okay", "well", "first", "next", "but",
            "or", "again", "instead", "simply", "definitely", "really", "even", "right", "now", "great", "good",
            "yes", "yeah", "alright", "lovely", "brilliant", "fine", "possibly", "hey", "oh", "only", "still",
            "ideally", "basically", "actually", "secondly", "finally", "plus", "kindly", "each", "both", "gently", "quickly",
            "slowly", "always", "daily", "nightly", "every", "tonight", "tomorrow", "like");
    /** Imperatives addressed to the room rather than the week ("tell me", "close your eyes"). */
    private static final Set<String> ROOM_VERBS = Set.of(
            "tell", "show", "say", "close", "breathe", "feel", "imagine", "picture", "hold", "press", "name", "grab",
            "pretend", "describe", "walk", "talk", "read", "look", "let", "come", "sit", "take", "start", "notice");
    private static final Set<String> REQUEST_SKIPS = Set.of(
            "both", "each", "two", "all", "maybe", "perhaps", "also", "just", "please", "possibly", "try", "and", "to",
            "then", "now", "still", "even", "actually", "really", "start", "begin", "at", "least", "like", "be", "able");
    private static final Set<String> SUBJECTS = Set.of(
            "i", "you", "we", "they", "he", "she", "it", "to", "will", "would", "could", "can", "should", "might",
            "must", "did", "do", "does", "not", "the", "a", "an", "my", "your", "his", "her", "their", "our", "this",
            "that", "these", "those", "some", "any", "no", "of", "for", "in", "on", "at", "is", "are", "was", "were",
            "be", "been", "who", "which", "what", "people", "really", "may", "shall", "had", "has", "have");

    /** Modals that, after a clause-initial "you", suggest even when the sentence ends with a question mark. */
    private static final Set<String> TENTATIVE_MODALS = Set.of("could", "might", "can");
    /** Verbs that after "maybe you" describe rather than suggest ("maybe you have a point"). */
    private static final Set<String> NOT_BARE_SUGGESTIONS = Set.of("have", "be", "do", "see", "find", "get", "feel", "know", "think", "let");
    /** Attitude words that with "be ... yourself" are advice, not a task ("be gentle with yourself"). */
    private static final Set<String> REFLEXIVE = Set.of("yourself", "yourselves");
    private static final Set<String> HAVE_OBJECTS = Set.of("a", "another", "some");
    private static final Set<String> BE_COMPLEMENTS = Set.of("curious", "a", "kind", "gentle", "brave", "bold", "open");
    private static final Set<String> LET_OBJECTS = Set.of("it", "them", "her", "him", "yourself");
    private static final Set<String> MODALS_AFTER_YOU = Set.of("could", "might", "can", "should", "will", "need", "have", "are", "may");
    private static final Set<String> QUESTION_OPENERS = Set.of("what", "how", "which", "when", "where", "why", "who", "did", "do", "does", "were", "was", "have", "has", "is", "are");
    private static final Set<String> COUNTED_THINGS = Set.of("days", "times", "nights", "mornings", "evenings", "out", "entries", "full", "walks", "minutes", "of", "is", "every", "records", "people", "a");
    private static final Set<String> ONE_UNITS = Set.of("a", "day", "minute", "hour", "page", "evening", "morning", "night", "week", "more", "each", "time", "episode", "chapter", "lesson", "section");

    static {
        List<String> names = new ArrayList<>();
        for (String g : CueLexicon.DEFAULT.groups()) {
            names.add(g.startsWith("C_") ? "ctx." + g : g);
        }
        names.addAll(List.of(
                "IMP", "IMP_ROOM", "REQUEST", "YOU_MODAL", "MAYBE", "LETS", "DIR_ANY", "DIR_MANY", "TIME_ANY",
                "TIME_SPECIFIC", "TASK_ANY", "TASK_IN_DIR", "DIR_TIME", "DIR_TASK", "DIR_TIME_TASK", "DIR_NOW",
                "DIR_OUTSIDE", "DIR_LOOSE", "NOW_NO_TIME", "QUESTION", "ALL_QUESTION", "SHORT", "LONG", "FIRST_WH",
                "ECHO_COUNT", "PAST_YOU", "HAS_NUMBER", "PAST_FRAME_TASK", "REVIEW_ASK", "PAST_FRAME_ASK", "REQUEST_TASK", "ASK_ABOUT_TASK", "ctx.REPORT", "ctx.REPORT_Q", "ctx.REPORT_ENGAGE", "ctx.REPORT_DEFLECT",
                "ctx.ANY_HW", "ctx.EMPTY", "ctx.QUESTION", "ctx.HW_Q_GENERAL", "ctx.REPORT_DIR", "ctx.ECHO", "ctx.REPORT_ECHO", "ctx.REPORT_OFFTOPIC",
                "seq.ON", "seq.PREV_REVIEW", "seq.PREV_ASSIGN", "seq.NEXT_ASSIGN", "seq.EARLY", "seq.LATE",
                "seq.REVIEW_RUN", "seq.ASSIGN_RUN", "seq.NEXT_ACCEPT", "seq.PREV_REVIEW_Q", "seq.AFTER_ASSIGN"));
        NAMES = List.copyOf(names);
        COUNT = NAMES.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int k = 0; k < COUNT; k++) {
            index.put(NAMES.get(k), k);
        }
        INDEX = java.util.Map.copyOf(index);
    }

    /** Neighbouring turns in a session, from a first pass; null for a lone utterance. */
    record Sequence(double position, double previousReview, double previousAssign, double nextAssign,
                    String nextClientText, boolean previousReviewAsked, boolean assignedEarlier, String previousTherapistText) {
    }

    public final double[] values = new double[COUNT];
    /** Per feature: the first and last word that set it off, in the therapist's words, or as -2 - index in the context's; null when unset. */
    final int[][] spans = new int[COUNT][];
    final SpokenText text;
    final SpokenText context;
    /** Word index of each directive's verb (for category and summary), in order. */
    final List<Integer> directiveVerbs = new ArrayList<>();
    final List<CueLexicon.Hit> hits;
    /** Words in a sentence that speaks of an earlier session's task ("last time you were going to ..."). */
    private boolean[] past;
    /** Task words (K_ cues) in the client's turn before: what "it" may refer to. */
    final List<CueLexicon.Hit> contextTasks = new ArrayList<>();
    /** The client's turn before names a skill or a log in its own words ("I used TIPP"). */
    private boolean clientNamesTask;

    private TurnFeatures(SpokenText text, SpokenText context, List<CueLexicon.Hit> hits) {
        this.text = text;
        this.context = context;
        this.hits = hits;
    }

    static int index(String name) {
        Integer i = INDEX.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no feature " + name);
        }
        return i;
    }

    public static int count() {
        return COUNT;
    }

    public static TurnFeatures of(String therapist, String client, Sequence sequence) {
        SpokenText text = SpokenText.of(therapist);
        SpokenText context = SpokenText.of(client);
        CueLexicon lexicon = CueLexicon.DEFAULT;
        List<String> groups = lexicon.groups();
        List<CueLexicon.Hit> all = lexicon.match(text);
        boolean[] past = pastFrames(text, all, groups);
        List<CueLexicon.Hit> hits = new ArrayList<>(all.size());
        for (CueLexicon.Hit h : all) {
            String g = groups.get(h.group());
            boolean setting = g.startsWith("D_") && !g.endsWith("VERB") || g.startsWith("T_") || g.startsWith("P_") || g.startsWith("S_");
            if (!(setting && past[h.from()])) {
                hits.add(h);
            }
        }
        TurnFeatures f = new TurnFeatures(text, context, hits);
        f.past = past;
        for (CueLexicon.Hit h : hits) {
            String g = groups.get(h.group());
            if (!g.startsWith("C_")) {
                f.set(h.group(), 1, h.from(), h.to());
            }
        }
        for (CueLexicon.Hit h : lexicon.matchContext(context)) {
            if (groups.get(h.group()).startsWith("K_")) {
                f.contextTasks.add(h);
                f.clientNamesTask |= groups.get(h.group()).equals("K_SKILL") || groups.get(h.group()).equals("K_JOURNAL");
            } else {
                f.set(h.group(), 1, -2 - h.from(), -2 - h.to());
            }
        }
        if (sequence != null && sequence.previousTherapistText() != null
                && f.hits.stream().noneMatch(h -> groups.get(h.group()).startsWith("K_"))) {
            // a turn that names no task ("keep it going") continues the one the therapist spoke of last
            for (CueLexicon.Hit h : lexicon.matchContext(SpokenText.of(sequence.previousTherapistText()))) {
                if (groups.get(h.group()).startsWith("K_")) {
                    f.contextTasks.add(h);
                }
            }
        }
        f.structure();
        f.conjunctions(sequence);
        return f;
    }

    /**
     * Marks the words that follow a past frame ("last time", "you were going to", or a question
     * about how a task went) to the end of its sentence, at most fifteen words on: a task or a time
     * named there was set before, so it is reviewed, not assigned.
     */
    private static boolean[] pastFrames(SpokenText text, List<CueLexicon.Hit> hits, List<String> groups) {
        boolean[] past = new boolean[text.size()];
        for (CueLexicon.Hit h : hits) {
            String g = groups.get(h.group());
            boolean askingAfter = (g.equals("R_HOW_GO") || g.equals("R_DID_YOU")) && text.inQuestion(h.from());
            if (!g.equals("R_PASTFRAME") && !askingAfter) {
                continue;
            }
            int start = h.from();
            while (start > 0 && text.boundaryBefore(start) != SpokenText.SENTENCE) {
                start--;
            }
            for (int i = start; i < text.size() && i <= h.to() + 15; i++) {
                if (i > h.to() && text.boundaryBefore(i) == SpokenText.SENTENCE) {
                    break;
                }
                past[i] = true;
            }
        }
        return past;
    }

    double get(String name) {
        return values[index(name)];
    }

    private void set(int feature, double value, int from, int to) {
        if (values[feature] == 0) {
            spans[feature] = new int[] {from, to};
        }
        values[feature] = Math.max(values[feature], value);
    }

    private void set(String name, double value, int from, int to) {
        set(index(name), value, from, to);
    }

    private void copy(String to, String from) {
        int f = index(from);
        if (values[f] > 0) {
            set(to, 1, spans[f][0], spans[f][1]);
        }
    }

    private boolean has(String name) {
        return values[index(name)] > 0;
    }

    /** Directives found by walking the words: clause-initial task verbs, requests, "maybe ...", "let us ...". */
    private void structure() {
        SpokenText t = text;
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (past[i]) {
                continue;
            }
            String w = t.word(i);
            String prev = t.at(i - 1);
            boolean clauseStart = t.boundaryBefore(i) != SpokenText.NONE || LEAD_INS.contains(prev)
                    && (i == 1 || t.boundaryBefore(i - 1) != SpokenText.NONE || LEAD_INS.contains(t.at(i - 2)));
            if (TASK_VERBS.contains(w) && !t.inQuestion(i)) {
                boolean head = clauseStart || (!AMBIGUOUS.contains(w) && !SUBJECTS.contains(prev) && !prev.isEmpty()
                        && !VerbForms.isPast(prev) && !t.isNumber(i - 1) && !prev.endsWith("ing") && !prev.endsWith("ly")
                        && !prev.endsWith("s"));
                if (head && !(w.equals("do") && (t.at(i + 1).equals("you") || t.at(i + 1).equals("not")))
                        && !(w.equals("have") && !HAVE_OBJECTS.contains(t.at(i + 1)))
                        && !(w.equals("be") && (!BE_COMPLEMENTS.contains(t.at(i + 1)) || towardsYourself(i + 1)))
                        && !(w.equals("let") && !LET_OBJECTS.contains(t.at(i + 1)))) {
                    String next = t.at(i + 1);
                    boolean room = ROOM_VERBS.contains(w) && (next.equals("me") || next.equals("us")
                            || (w.equals("take") && (next.equals("your") || next.equals("a")))
                            || (w.equals("start") && (next.equals("anywhere") || next.equals("there") || next.equals("with")))
                            || w.equals("close") || w.equals("breathe") || w.equals("feel") || w.equals("press")
                            || w.equals("name") || w.equals("grab") || w.equals("pretend") || w.equals("imagine")
                            || (w.equals("say") && (next.equals("it") || next.equals("that") || next.equals("the")))
                            || (w.equals("read") && (next.equals("this") || next.equals("it") && t.at(i + 2).equals("out")))
                            || (w.equals("hold") && next.equals("it")) || (w.equals("let") && next.equals("your"))
                            || (w.equals("sit") && next.equals("with") && t.at(i + 2).equals("it")));
                    if (room) {
                        set("IMP_ROOM", 1, i, Math.min(n - 1, i + 2));
                    } else {
                        set("IMP", values[index("IMP")] + 1, i, Math.min(n - 1, i + 5));
                        directiveVerbs.add(i);
                    }
                }
            }
            if ((w.equals("could") || w.equals("can") || w.equals("would") || w.equals("will")) && t.at(i + 1).equals("you")) {
                int v = verbAfter(i + 2);
                if (v > 0) {
                    set("REQUEST", 1, i, Math.min(n - 1, v + 4));
                    directiveVerbs.add(v);
                }
            }
            if (w.equals("could") && t.at(i + 1).equals("we")) {
                int v = verbAfter(i + 2);
                if (v > 0) {
                    set("REQUEST", 1, i, Math.min(n - 1, v + 4));
                    directiveVerbs.add(v);
                }
            }
            if (w.equals("you") && MODALS_AFTER_YOU.contains(t.at(i + 1))
                    && (!t.inQuestion(i) || clauseStart && TENTATIVE_MODALS.contains(t.at(i + 1)))) {
                // "you could try it on your breaks?": a suggestion with a question mark keeps the statement's word order
                int v = verbAfter(i + 2);
                if (v > 0 && !(t.word(v).equals("see") || t.word(v).equals("tell") && t.at(v + 1).isEmpty())) {
                    set("YOU_MODAL", 1, i, Math.min(n - 1, v + 4));
                    directiveVerbs.add(v);
                }
            }
            if ((w.equals("maybe") || w.equals("perhaps")) && !t.inQuestion(i)) {
                boolean bare = t.at(i + 1).equals("you");
                int v = verbAfter(i + (bare ? 2 : 1));
                // "maybe you write some notes": a suggestion with the bare verb, as many speakers put it
                if (v > 0 && v <= i + (bare ? 4 : 3) && !(bare && NOT_BARE_SUGGESTIONS.contains(t.word(v)))) {
                    set("MAYBE", 1, i, Math.min(n - 1, v + 4));
                    directiveVerbs.add(v);
                }
            }
            if (w.equals("let") && t.at(i + 1).equals("us")) {
                int v = verbAfter(i + 2);
                if (v > 0) {
                    set("LETS", 1, i, Math.min(n - 1, v + 4));
                    directiveVerbs.add(v);
                }
            }
        }
        for (CueLexicon.Hit h : hits) {
            String g = CueLexicon.DEFAULT.groups().get(h.group());
            if (g.startsWith("D_W") || g.equals("D_FRAME") || g.equals("D_TRY") || g.equals("D_KEEP") || g.equals("D_YOU")) {
                int v = verbAfter(h.to() + 1);
                directiveVerbs.add(v > 0 && v <= h.to() + 4 ? v : h.from());
            }
        }
        directiveVerbs.sort(Integer::compare);
    }

    /** Whether "be" + an attitude word at {@code word} is aimed at the client themself ("be kind to yourself"). */
    private boolean towardsYourself(int word) {
        for (int k = word + 1; k <= word + 3 && k < text.size(); k++) {
            if (REFLEXIVE.contains(text.word(k))) {
                return true;
            }
        }
        return false;
    }

    /** The index of a task verb at most a few filler words after {@code from}, or -1. */
    private int verbAfter(int from) {
        for (int k = from; k < Math.min(text.size(), from + 4); k++) {
            String w = text.word(k);
            if (TASK_VERBS.contains(w) || TASK_VERBS.contains(VerbForms.base(w)) && VerbForms.isGerund(w)) {
                return k;
            }
            if (!REQUEST_SKIPS.contains(w)) {
                return -1;
            }
        }
        return -1;
    }

    private void conjunctions(Sequence sequence) {
        String[] directives = {"D_WANT", "D_WILLING", "D_FRAME", "D_TRY", "D_KEEP", "D_YOU", "D_WORTH", "IMP",
                "REQUEST", "YOU_MODAL", "MAYBE", "LETS"};
        int dirCount = 0;
        for (String d : directives) {
            if (has(d)) {
                copy("DIR_ANY", d);
                dirCount++;
            }
        }
        if (dirCount >= 2 || values[index("IMP")] >= 2) {
            set("DIR_MANY", 1, -1, -1);
        }
        for (String time : new String[] {"T_WEEK", "T_RECUR", "T_POINT", "T_TRIGGER", "T_LOOSE", "P_OUTSIDE"}) {
            copy("TIME_ANY", time);
        }
        for (String time : new String[] {"T_RECUR", "T_POINT", "T_TRIGGER"}) {
            copy("TIME_SPECIFIC", time);
        }
        for (String task : new String[] {"K_SKILL", "K_ACTION", "K_JOURNAL", "K_LEARN"}) {
            copy("TASK_ANY", task);
        }
        for (CueLexicon.Hit h : hits) {
            String g = CueLexicon.DEFAULT.groups().get(h.group());
            if (g.startsWith("K_") && inDirectiveWindow(h.from())) {
                set("TASK_IN_DIR", 1, h.from(), h.to());
            }
        }
        boolean dir = has("DIR_ANY");
        boolean time = has("TIME_ANY");
        boolean task = has("TASK_IN_DIR") || has("TASK_ANY");
        if (dir && time) {
            set("DIR_TIME", 1, -1, -1);
        }
        if (dir && has("TASK_IN_DIR")) {
            set("DIR_TASK", 1, -1, -1);
        }
        if (dir && time && task) {
            set("DIR_TIME_TASK", 1, -1, -1);
        }
        if (dir && (has("N_NOW") || has("IMP_ROOM"))) {
            set("DIR_NOW", 1, -1, -1);
        }
        if (dir && has("P_OUTSIDE")) {
            set("DIR_OUTSIDE", 1, -1, -1);
        }
        if (dir && has("T_LOOSE")) {
            set("DIR_LOOSE", 1, -1, -1);
        }
        if ((has("N_NOW") || has("IMP_ROOM")) && !has("T_WEEK") && !has("T_RECUR") && !has("T_POINT") && !has("P_OUTSIDE")) {
            set("NOW_NO_TIME", 1, -1, -1);
        }
        int n = text.size();
        boolean anyQuestion = false;
        boolean allQuestion = n > 0;
        for (int i = 0; i < n; i++) {
            anyQuestion |= text.inQuestion(i);
            allQuestion &= text.inQuestion(i);
        }
        if (anyQuestion) {
            set("QUESTION", 1, -1, -1);
        }
        if (allQuestion) {
            set("ALL_QUESTION", 1, -1, -1);
        }
        if (n <= 6) {
            set("SHORT", 1, -1, -1);
        }
        if (n >= 25) {
            set("LONG", 1, -1, -1);
        }
        String first = text.at(0);
        if (QUESTION_OPENERS.contains(first)) {
            set("FIRST_WH", 1, 0, Math.min(n - 1, 3));
        }
        for (int i = 0; i < Math.min(n, 4); i++) {
            if (text.isNumber(i) && (COUNTED_THINGS.contains(text.at(i + 1))
                    || text.at(i + 1).isEmpty() || text.boundaryBefore(i + 1) != SpokenText.NONE)) {
                set("ECHO_COUNT", 1, i, Math.min(n - 1, i + 2));
                break;
            }
            if ((text.word(i).equals("every") || text.word(i).equals("most")) && i + 1 < n) {
                set("ECHO_COUNT", 1, i, i + 1);
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            String w = text.word(i);
            if (text.isNumber(i) && !w.equals("first") && !w.equals("second") && !w.equals("third")
                    && !(w.equals("one") && !text.isNumber(i + 1) && !ONE_UNITS.contains(text.at(i + 1)))) {
                set("HAS_NUMBER", 1, i, i);
                break;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            if (text.word(i).equals("you") && VerbForms.isPast(text.word(i + 1)) && !text.word(i + 1).equals("had")
                    && !text.word(i + 1).equals("were") && !text.word(i + 1).equals("said") && !text.word(i + 1).equals("felt")) {
                set("PAST_YOU", 1, i, Math.min(n - 1, i + 3));
                break;
            }
        }
        for (CueLexicon.Hit h : hits) {
            String g = CueLexicon.DEFAULT.groups().get(h.group());
            if ((g.startsWith("K_") || g.startsWith("D_") && g.endsWith("VERB")) && past[h.from()]) {
                set("PAST_FRAME_TASK", 1, h.from(), h.to());
            }
        }
        copy("REVIEW_ASK", "R_HOW_GO");
        copy("REVIEW_ASK", "R_DID_YOU");
        if (has("R_PASTFRAME") && (has("REVIEW_ASK") || anyQuestion)) {
            copy("PAST_FRAME_ASK", "R_PASTFRAME");
        }
        if (has("TASK_IN_DIR") && (has("REQUEST") || has("D_WILLING") || has("D_WANT") || has("YOU_MODAL"))) {
            copy("REQUEST_TASK", "TASK_IN_DIR");
        }
        for (CueLexicon.Hit ask : hits) {
            String g = CueLexicon.DEFAULT.groups().get(ask.group());
            if (!g.equals("R_HOW_GO") && !g.equals("R_DID_YOU") && !g.equals("R_LOOK")) {
                continue;
            }
            for (CueLexicon.Hit named : hits) {
                String t = CueLexicon.DEFAULT.groups().get(named.group());
                if ((t.startsWith("K_") || t.equals("R_OBJECT")) && named.from() >= ask.from() - 2 && named.from() <= ask.to() + 6) {
                    set("ASK_ABOUT_TASK", 1, Math.min(ask.from(), named.from()), Math.max(ask.to(), named.to()));
                }
            }
        }
        contextConjunctions(anyQuestion);
        sequence(sequence);
    }

    private boolean inDirectiveWindow(int word) {
        for (int v : directiveVerbs) {
            if (word >= v && word <= v + 12) {
                return true;
            }
        }
        return false;
    }

    private void contextConjunctions(boolean therapistAsks) {
        if (context.size() == 0) {
            set("ctx.EMPTY", 1, -1, -1);
            return;
        }
        boolean homework = has("ctx.C_HWNOUN") || has("ctx.C_THING") || has("ctx.C_LIKESAID") || has("ctx.C_ARTIFACT");
        if (homework) {
            copy("ctx.ANY_HW", "ctx.C_HWNOUN");
            copy("ctx.ANY_HW", "ctx.C_THING");
            copy("ctx.ANY_HW", "ctx.C_LIKESAID");
            copy("ctx.ANY_HW", "ctx.C_ARTIFACT");
        }
        boolean did = has("ctx.C_DID") || has("ctx.C_NOTDONE") || has("ctx.C_EMPHATIC");
        // a report of doing a task: "I did the diary", "I used TIPP", or a verdict on a task ("the breathing helped")
        boolean report = has("ctx.C_DIDTHE") || (did && (homework || clientNamesTask || has("ctx.C_DOSE"))) || has("ctx.C_ARTIFACT")
                || has("ctx.C_LIKESAID") || has("ctx.C_EMPHATIC") || has("ctx.C_VERDICT") && (homework || clientNamesTask);
        int echo = echo();
        if (echo >= 0) {
            set("ctx.ECHO", 1, echo, echo);
        }
        boolean contextAsks = false;
        for (int i = 0; i < context.size(); i++) {
            contextAsks |= context.inQuestion(i);
        }
        if (contextAsks) {
            set("ctx.QUESTION", 1, -1, -1);
        }
        if (contextAsks && homework && (has("ctx.C_QUESTION_GENERAL") || !did)) {
            set("ctx.HW_Q_GENERAL", 1, -1, -1);
        }
        if (report && !contextAsks) {
            int[] from = spans[index(has("ctx.C_DIDTHE") ? "ctx.C_DIDTHE" : has("ctx.C_DID") ? "ctx.C_DID" : has("ctx.C_ARTIFACT") ? "ctx.C_ARTIFACT"
                    : has("ctx.C_LIKESAID") ? "ctx.C_LIKESAID" : has("ctx.C_EMPHATIC") ? "ctx.C_EMPHATIC"
                    : has("ctx.C_NOTDONE") ? "ctx.C_NOTDONE" : "ctx.C_VERDICT")];
            set("ctx.REPORT", 1, from[0], from[1]);
            if (therapistAsks) {
                set("ctx.REPORT_Q", 1, -1, -1);
            }
            if (has("R_ACK") || has("R_LOOK") || has("ECHO_COUNT") || has("R_HOW_GO") || has("R_OBJECT")) {
                set("ctx.REPORT_ENGAGE", 1, -1, -1);
            }
            if (has("RN_DEFLECT")) {
                set("ctx.REPORT_DEFLECT", 1, -1, -1);
            }
            if (has("N_SCHED") || has("N_NOW") || has("IMP_ROOM") || has("RN_DEFLECT") || has("N_SELF") || has("N_GENERAL")) {
                set("ctx.REPORT_OFFTOPIC", 1, -1, -1);
            }
            if (has("DIR_ANY")) {
                set("ctx.REPORT_DIR", 1, -1, -1);
            }
            if (echo >= 0) {
                set("ctx.REPORT_ECHO", 1, echo, echo);
            }
        }
    }

    private static final Set<String> STOP = Set.of("that", "this", "with", "have", "just", "really", "about", "what", "when", "then", "there", "they", "them", "were", "been", "would", "could", "should", "your", "from", "into", "like", "some", "much", "very", "well", "okay", "yeah", "will", "because", "actually", "honestly", "think", "know", "still", "even", "sure", "didn", "done", "said", "felt", "feel", "thing", "things", "time", "week", "maybe", "kind", "sort", "also", "only", "more", "than", "make", "made", "does", "doing", "going");

    /** The first of the therapist's opening words that repeats a content word of the client's turn, or -1. */
    private int echo() {
        Set<String> said = new java.util.HashSet<>();
        for (int i = 0; i < context.size(); i++) {
            String w = context.word(i);
            if ((w.length() >= 4 || context.isNumber(i) && !w.equals("one")) && !STOP.contains(w)) {
                said.add(w);
            }
        }
        for (int i = 0; i < Math.min(text.size(), 8); i++) {
            if (said.contains(text.word(i))) {
                return i;
            }
        }
        return -1;
    }

    private void sequence(Sequence s) {
        if (s == null) {
            return;
        }
        set("seq.ON", 1, -1, -1);
        set("seq.PREV_REVIEW", s.previousReview(), -1, -1);
        set("seq.PREV_ASSIGN", s.previousAssign(), -1, -1);
        set("seq.NEXT_ASSIGN", s.nextAssign(), -1, -1);
        if (s.position() < 0.35) {
            set("seq.EARLY", 1, -1, -1);
        }
        if (s.position() > 0.6) {
            set("seq.LATE", 1, -1, -1);
        }
        if (s.previousReview() > 0.5 && !has("RN_DEFLECT") && !has("N_NOW") && !has("DIR_ANY")) {
            set("seq.REVIEW_RUN", 1, -1, -1);
        }
        if (s.previousAssign() > 0.5 && (has("TASK_ANY") || has("TIME_ANY") || has("DIR_ANY"))) {
            set("seq.ASSIGN_RUN", 1, -1, -1);
        }
        if (s.previousReviewAsked() && !has("RN_DEFLECT")) {
            set("seq.PREV_REVIEW_Q", 1, -1, -1);
        }
        if (s.assignedEarlier()) {
            set("seq.AFTER_ASSIGN", 1, -1, -1);
        }
        if (s.nextClientText() != null && acceptance(s.nextClientText())) {
            set("seq.NEXT_ACCEPT", 1, -1, -1);
        }
    }

    private static boolean acceptance(String client) {
        String c = " " + SpokenText.of(client).normalised() + " ";
        for (String cue : new String[] {" i can do that ", " i could do that ", " i will ", " will do ", " got it ",
                " i can try ", " i will try ", " sounds good ", " okay i can ", " i can manage ", " that is fine ",
                " every day ", " each day ", " what if ", " same sheet ", " i could ", " i can do ", " i will do ",
                " deal ", " fine ", " yeah okay ", " okay "}) {
            if (c.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            if (values[i] != 0) {
                b.append(NAMES.get(i)).append('=').append(values[i]);
                if (spans[i] != null && spans[i][0] != -1) {
                    b.append('[').append(Arrays.toString(spans[i])).append(']');
                }
                b.append(' ');
            }
        }
        return b.toString();
    }
}
