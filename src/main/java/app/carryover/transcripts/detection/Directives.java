package app.carryover.transcripts.detection;

import java.util.Set;

import app.carryover.language.SpokenText;
import app.carryover.language.VerbForms;

/**
 * The directive features found by walking a turn's words: a task verb heading a clause ("so just try
 * ..."), a request ending in one ("could you ..."), a suggestion ("maybe ..."), "you could ...", "let us
 * ...", and imperatives aimed at the room rather than the week ("tell me", "close your eyes").
 */
final class Directives {

    private static final Set<String> TASK_VERBS = WordSets.get("task-verbs");
    private static final Set<String> AMBIGUOUS = WordSets.get("ambiguous");
    private static final Set<String> LEAD_INS = WordSets.get("lead-ins");
    private static final Set<String> ROOM_VERBS = WordSets.get("room-verbs");
    private static final Set<String> REQUEST_SKIPS = WordSets.get("request-skips");
    private static final Set<String> SUBJECTS = WordSets.get("subjects");
    private static final Set<String> TENTATIVE_MODALS = WordSets.get("tentative-modals");
    private static final Set<String> NOT_BARE_SUGGESTIONS = WordSets.get("not-bare-suggestions");
    private static final Set<String> REFLEXIVE = WordSets.get("reflexive");
    private static final Set<String> HAVE_OBJECTS = WordSets.get("have-objects");
    private static final Set<String> BE_COMPLEMENTS = WordSets.get("be-complements");
    private static final Set<String> LET_OBJECTS = WordSets.get("let-objects");
    private static final Set<String> MODALS_AFTER_YOU = WordSets.get("modals-after-you");

    /** Room imperatives beyond "tell me", "show us": the verb and the words after it, joined by "_". */
    private static final java.util.List<String[]> ROOM_PHRASES = WordSets.get("room-imperatives").stream()
            .map(p -> p.split("_")).toList();

    private Directives() {
    }

    /** Whether the imperative at word i is aimed at the room ("tell me", "close your eyes", "read it out"), not the week. */
    private static boolean roomImperative(SpokenText t, int i) {
        if (!ROOM_VERBS.contains(t.word(i))) {
            return false;
        }
        if (t.at(i + 1).equals("me") || t.at(i + 1).equals("us")) {
            return true;
        }
        for (String[] phrase : ROOM_PHRASES) {
            int k = 0;
            while (k < phrase.length && t.at(i + k).equals(phrase[k])) {
                k++;
            }
            if (k == phrase.length) {
                return true;
            }
        }
        return false;
    }

    /** Directives found by walking the words: clause-initial task verbs, requests, "maybe ...", "let us ...". */
    static void find(TurnFeatures f) {
        SpokenText t = f.text;
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (f.past[i]) {
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
                        && !(w.equals("be") && (!BE_COMPLEMENTS.contains(t.at(i + 1)) || towardsYourself(f, i + 1)))
                        && !(w.equals("let") && !LET_OBJECTS.contains(t.at(i + 1)))) {
                    boolean room = roomImperative(t, i);
                    if (room) {
                        f.set("IMP_ROOM", 1, i, Math.min(n - 1, i + 2));
                    } else {
                        f.set("IMP", f.values[TurnFeatures.index("IMP")] + 1, i, Math.min(n - 1, i + 5));
                        f.directiveVerbs.add(i);
                    }
                }
            }
            if ((w.equals("could") || w.equals("can") || w.equals("would") || w.equals("will")) && t.at(i + 1).equals("you")) {
                int v = verbAfter(f, i + 2);
                if (v > 0) {
                    f.set("REQUEST", 1, i, Math.min(n - 1, v + 4));
                    f.directiveVerbs.add(v);
                }
            }
            if (w.equals("could") && t.at(i + 1).equals("we")) {
                int v = verbAfter(f, i + 2);
                if (v > 0) {
                    f.set("REQUEST", 1, i, Math.min(n - 1, v + 4));
                    f.directiveVerbs.add(v);
                }
            }
            if (w.equals("you") && MODALS_AFTER_YOU.contains(t.at(i + 1))
                    && (!t.inQuestion(i) || clauseStart && TENTATIVE_MODALS.contains(t.at(i + 1)))) {
                // "you could try it on your breaks?": a suggestion with a question mark keeps the statement's word order
                int v = verbAfter(f, i + 2);
                if (v > 0 && !(t.word(v).equals("see") || t.word(v).equals("tell") && t.at(v + 1).isEmpty())) {
                    f.set("YOU_MODAL", 1, i, Math.min(n - 1, v + 4));
                    f.directiveVerbs.add(v);
                }
            }
            if ((w.equals("maybe") || w.equals("perhaps")) && !t.inQuestion(i)) {
                boolean bare = t.at(i + 1).equals("you");
                int v = verbAfter(f, i + (bare ? 2 : 1));
                // "maybe you write some notes": a suggestion with the bare verb, as many speakers put it
                if (v > 0 && v <= i + (bare ? 4 : 3) && !(bare && NOT_BARE_SUGGESTIONS.contains(t.word(v)))) {
                    f.set("MAYBE", 1, i, Math.min(n - 1, v + 4));
                    f.directiveVerbs.add(v);
                }
            }
            if (w.equals("let") && t.at(i + 1).equals("us")) {
                int v = verbAfter(f, i + 2);
                if (v > 0) {
                    f.set("LETS", 1, i, Math.min(n - 1, v + 4));
                    f.directiveVerbs.add(v);
                }
            }
        }
        for (CueLexicon.Hit h : f.hits) {
            String g = CueLexicon.DEFAULT.groups().get(h.group());
            if (g.startsWith("D_W") || g.equals("D_PROPOSE") || g.equals("D_FRAME") || g.equals("D_TRY") || g.equals("D_KEEP") || g.equals("D_YOU")) {
                int v = verbAfter(f, h.to() + 1);
                f.directiveVerbs.add(v > 0 && v <= h.to() + 4 ? v : h.from());
            }
        }
        f.directiveVerbs.sort(Integer::compare);
    }

    /** Whether "be" + an attitude word at {@code word} is aimed at the client themself ("be kind to yourself"). */
    private static boolean towardsYourself(TurnFeatures f, int word) {
        for (int k = word + 1; k <= word + 3 && k < f.text.size(); k++) {
            if (REFLEXIVE.contains(f.text.word(k))) {
                return true;
            }
        }
        return false;
    }

    /** The index of a task verb at most a few filler words after {@code from}, or -1. */
    static int verbAfter(TurnFeatures f, int from) {
        for (int k = from; k < Math.min(f.text.size(), from + 4); k++) {
            String w = f.text.word(k);
            if (TASK_VERBS.contains(w) || TASK_VERBS.contains(VerbForms.base(w)) && VerbForms.isGerund(w)) {
                return k;
            }
            if (!REQUEST_SKIPS.contains(w)) {
                return -1;
            }
        }
        return -1;
    }
}
