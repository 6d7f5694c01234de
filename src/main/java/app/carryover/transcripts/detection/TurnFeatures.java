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



    private static final Set<String> QUESTION_OPENERS = WordSets.get("question-openers");
    private static final Set<String> COUNTED_THINGS = WordSets.get("counted-things");
    private static final Set<String> ONE_UNITS = WordSets.get("one-units");

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
                "seq.REVIEW_RUN", "seq.ASSIGN_RUN", "seq.NEXT_ACCEPT", "seq.PREV_REVIEW_Q", "seq.AFTER_ASSIGN",
                "CONFIRM_TAG", "seq.WINDOW_ASSIGN", "seq.WINDOW_CONFIRM", "seq.WINDOW_RESTATE", "seq.WINDOW_NEGOTIATE"));
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
                    String nextClientText, boolean previousReviewAsked, boolean assignedEarlier, String previousTherapistText,
                    double windowAssign) {
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
    boolean[] past;
    /** Task words (K_ cues) in the client's turn before: what "it" may refer to. */
    final List<CueLexicon.Hit> contextTasks = new ArrayList<>();
    /** The client's turn before names a skill or a log in its own words ("I used TIPP"). */
    boolean clientNamesTask;

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
        Directives.find(f);
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

    void set(int feature, double value, int from, int to) {
        if (values[feature] == 0) {
            spans[feature] = new int[] {from, to};
        }
        values[feature] = Math.max(values[feature], value);
    }

    void set(String name, double value, int from, int to) {
        set(index(name), value, from, to);
    }

    void copy(String to, String from) {
        int f = index(from);
        if (values[f] > 0) {
            set(to, 1, spans[f][0], spans[f][1]);
        }
    }

    boolean has(String name) {
        return values[index(name)] > 0;
    }

    private void conjunctions(Sequence sequence) {
        String[] directives = {"D_WANT", "D_WILLING", "D_PROPOSE", "D_FRAME", "D_TRY", "D_KEEP", "D_YOU", "D_WORTH", "IMP",
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
        if (has("TASK_IN_DIR") && (has("REQUEST") || has("D_WILLING") || has("D_PROPOSE") || has("D_WANT") || has("YOU_MODAL"))) {
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
        confirmTag();
        ClientTurn.features(this, anyQuestion);
        ClientTurn.neighbours(this, sequence);
    }

    /**
     * A short question closing the turn ("Yeah?", "That okay?", "Deal?", "Sound fair?"): how a plan
     * negotiated over several turns is confirmed with the client.
     */
    private void confirmTag() {
        int n = text.size();
        if (n == 0 || !text.inQuestion(n - 1)) {
            return;
        }
        int start = n - 1;
        while (start > 0 && text.boundaryBefore(start) != SpokenText.SENTENCE) {
            start--;
        }
        int clause = n - 1;
        while (clause > start && text.boundaryBefore(clause) == SpokenText.NONE) {
            clause--;
        }
        if (n - start <= 4 && start > 0) {
            set("CONFIRM_TAG", 1, start, n - 1);
        } else if (n - clause <= 2 && clause > start) {
            // "..., yeah?", "..., okay?": a tag after a comma or a dash
            set("CONFIRM_TAG", 1, clause, n - 1);
        }
    }

    private boolean inDirectiveWindow(int word) {
        for (int v : directiveVerbs) {
            if (word >= v && word <= v + 12) {
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
