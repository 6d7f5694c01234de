package app.carryover.coach;

import java.util.HashSet;
import java.util.Set;

import app.carryover.coach.CoachReport.Challenge;
import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * Judges how hard the new step is against the previous one (LABELING.md §2): a jump of several steps,
 * or any new, bigger task after a step that was only half done, is too hard; repeating a step that was
 * mastered is too easy; the next step after a step done well, or a repeat or smaller step after one that
 * went badly, is appropriate.
 */
final class ChallengeJudge {

    enum Outcome {
        FAILED, PARTLY, MASTERED, UNKNOWN
    }

    private static final Set<String> FAILED_WORDS = Lexicon.words("""
            attempted couldn't cannot can't left stopped cancelled canceled froze freeze avoided skipped gave abandoned
            didn't failed overwhelming overwhelmed panicked fled escaped hung pulled early none halfway not missed only
            """);

    private static final Set<String> MASTERED_WORDS = Lexicon.words("easy easily bored boring comfortable mastered automatic confident "
            + "effortless routine");

    private static final Set<String> REPEAT_WORDS = Lexicon.words("again repeat repeating continue continuing keep same as-is still carry "
            + "maintain cont cont'd ongoing");

    private static final Set<String> STEP_UP_WORDS = Lexicon.words("""
            plus add adding added new next further increase increasing longer shorter shorten extend harder without
            instead alone bigger busier up drop dropping swap step-up more move shrink shrinking tighten double stricter
            """);

    private ChallengeJudge() {
    }

    static Challenge judge(PreviousStep previous, Passage prev, Passage title, Passage instructions) {
        Outcome outcome = outcome(previous, prev);
        int jump = stepJump(prev, title, instructions);
        boolean repeat = isRepeat(prev, title, instructions);
        if (jump >= 2) {
            return outcome == Outcome.MASTERED && jump == 2 ? Challenge.APPROPRIATE : Challenge.TOO_HARD;
        }
        switch (outcome) {
            case FAILED -> {
                return repeat || jump == 0 || smaller(title, instructions) ? Challenge.APPROPRIATE : Challenge.TOO_HARD;
            }
            case MASTERED -> {
                return repeat && jump <= 0 ? Challenge.TOO_EASY : Challenge.APPROPRIATE;
            }
            default -> {
                return Challenge.APPROPRIATE;
            }
        }
    }

    static Outcome outcome(PreviousStep previous, Passage prev) {
        Double share = previous.doneShare();
        if (share != null && prev.isEmpty()) {
            return share < 0.5 ? Outcome.FAILED : share >= 0.95 ? Outcome.MASTERED : Outcome.PARTLY;
        }
        boolean failed = share != null && share < 0.5;
        int mastery = share != null && share >= 0.95 ? 1 : 0;
        for (Sentence s : prev.sentences) {
            for (int i = 0; i < s.size(); i++) {
                String t = s.at(i);
                if (FAILED_WORDS.contains(t) && !(t.equals("not") && s.at(i - 1).equals("did") && false)) {
                    if (t.equals("only") && !isOnlyFew(s, i) || t.equals("early") && !s.at(i - 1).equals("washed")
                            && !s.at(i - 1).equals("left")) {
                        continue;
                    }
                    failed = true;
                }
                if (t.equals("once") && (s.at(i - 1).equals("tried") || s.at(i - 1).equals("attempted") || s.at(i - 1).equals("done"))
                        && (s.at(i + 1).equals(";") || s.at(i + 1).equals(",")) && hasLaterFailure(s, i)) {
                    failed = true;
                }
                if (t.equals("of") && !s.at(i - 1).equals("out") || t.equals("out") && s.at(i + 1).equals("of")) {
                    // "4 of 7 days", "one bite out of the three planned"
                    double done = nearNumber(s, i - 1, -1);
                    double planned = nearNumber(s, t.equals("out") ? i + 2 : i + 1, +1);
                    if (done >= 0 && planned > 0) {
                        if (done / planned < 0.5) {
                            failed = true;
                        } else if (done / planned >= 0.85) {
                            mastery++;
                        }
                    }
                }
                if (t.equals("managed") && (s.at(i + 1).equals("one") || s.at(i + 1).equals("once") || s.at(i + 1).equals("half"))) {
                    failed = true;
                }
                String bare = t.length() > 1 && (t.charAt(0) == '\'' || t.charAt(0) == '"') ? t.substring(1) : t; // "'automatic now'"
                if (MASTERED_WORDS.contains(bare) && !s.at(i - 1).equals("not")) {
                    mastery += 2;
                }
                if ((t.equals("completed") || t.equals("done")) && s.at(i + 1).equals("every")
                        && (s.at(i + 2).equals("day") || s.at(i + 2).equals("time"))) {
                    mastery++; // full adherence
                }
                if ((t.equals("every") || t.equals("each")) && (s.at(i + 1).equals("day") || s.at(i + 1).equals("night")
                        || s.at(i + 1).equals("time") || s.at(i + 1).equals("morning") || s.at(i + 1).equals("evening"))
                        || t.equals("daily") && s.at(i + 1).equals("for") || t.equals("all") && Lexicon.number(s.at(i + 1)) > 0) {
                    mastery++;
                }
                if (t.equals("no") && s.at(i + 1).equals("big") && s.at(i + 2).equals("deal")) {
                    mastery += 2; // "'no big deal'"
                }
                double adherence = slashAdherence(s, i);
                if (adherence >= 0.85) {
                    mastery++; // "7/7 days"
                } else if (adherence >= 0 && adherence < 0.5) {
                    failed = true; // "2/7 nights"
                }
                if ((t.equals("weeks") || t.equals("week") || t.equals("wks") || t.equals("wk")) && Lexicon.number(s.at(i - 1)) >= 2
                        || t.equals("weeks") && s.at(i - 1).equals("few") || (t.equals("month") || t.equals("months"))
                        && (s.at(i - 1).equals("a") || Lexicon.number(s.at(i - 1)) >= 1)) {
                    mastery++;
                }
                if ((t.equals("times") || t.equals("occasions")) && Lexicon.number(s.at(i - 1)) >= 4) {
                    mastery++;
                }
                if (t.equals("no") && (s.at(i + 1).equals("anxiety") || s.at(i + 1).equals("fear") || s.at(i + 1).equals("distress"))) {
                    mastery += 2;
                }
                if (lowRating(s, i)) {
                    mastery += 2;
                }
            }
        }
        if (failed) {
            return Outcome.FAILED;
        }
        if (mastery >= 3) {
            return Outcome.MASTERED;
        }
        return prev.isEmpty() && share == null ? Outcome.UNKNOWN : Outcome.PARTLY;
    }

    /** The first number within two words from {@code from} in direction {@code step}, or -1. */
    private static double nearNumber(Sentence s, int from, int step) {
        for (int j = from, n = 0; n < 3; j += step, n++) {
            double v = Lexicon.number(s.at(j));
            if (v >= 0) {
                return v;
            }
            if (s.at(j).equals(",") || s.at(j).equals(";") || s.at(j).equals(":")) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isOnlyFew(Sentence s, int i) {
        String next = s.at(i + 1);
        return Lexicon.number(next) >= 0 || next.equals("once") || next.equals("managed") || next.equals("did") || next.equals("a");
    }

    private static boolean hasLaterFailure(Sentence s, int i) {
        for (int j = i + 1; j < s.size(); j++) {
            if (FAILED_WORDS.contains(s.at(j)) || s.at(j).equals("after")) {
                return true;
            }
        }
        return false;
    }

    /** 'done 7/7 days', '2/5 evenings': a done/planned share written with a slash before a period or 'times', or -1. */
    private static double slashAdherence(Sentence s, int i) {
        String t = s.at(i);
        int slash = t.indexOf('/');
        String next = s.stemAt(i + 1);
        if (slash <= 0 || !(Lexicon.PERIODS.contains(next) || next.equals("time") || next.equals("session") || next.equals("occas"))) {
            return -1;
        }
        double done = Lexicon.number(t.substring(0, slash));
        double planned = Lexicon.number(t.substring(slash + 1));
        return done >= 0 && planned > 0 && done <= planned ? done / planned : -1;
    }

    /** 'anxiety 0-1', 'SUDS 1', '1/10', '5/100', 'anxiety now 0'. */
    private static boolean lowRating(Sentence s, int i) {
        String t = s.at(i);
        int slash = t.indexOf('/');
        if (slash > 0) {
            if (slashAdherence(s, i) >= 0) {
                return false;
            }
            double v = Lexicon.number(t.substring(0, slash));
            double scale = Lexicon.number(t.substring(slash + 1));
            // "1/10", and a range ending low: "1-2/10"
            return v >= 0 && scale > 0 && (v / scale <= 0.1 || v / scale <= 0.2 && s.at(i - 1).equals("-")
                    && Lexicon.number(s.at(i - 2)) >= 0 && Lexicon.number(s.at(i - 2)) < v);
        }
        if ((t.equals("0") || t.equals("1")) && (s.at(i + 1).equals("-") && s.at(i + 2).equals("1")
                || s.at(i - 1).equals("suds") || s.at(i - 1).equals("now") && !s.at(i + 1).equals("-"))) {
            return true;
        }
        return false;
    }

    /** How many hierarchy steps the new task is ahead of the previous one; 0 for the same step, -1 when unknown. */
    static int stepJump(Passage prev, Passage title, Passage instructions) {
        int before = stepNumber(prev);
        int now = stepNumber(title);
        if (now < 0) {
            now = stepNumber(instructions);
        }
        return before < 0 || now < 0 ? -1 : now - before;
    }

    private static int stepNumber(Passage p) {
        for (Sentence s : p.sentences) {
            for (int i = 0; i + 1 < s.size(); i++) {
                if (s.at(i).equals("step") || s.at(i).equals("stage") || s.at(i).equals("level")) {
                    double n = Lexicon.number(s.at(i + 1));
                    if (n >= 0 && n < 50) {
                        return (int) n;
                    }
                }
            }
        }
        return -1;
    }

    /** The new task repeats the previous one: said so, or its title is mostly the previous step's words. */
    static boolean isRepeat(Passage prev, Passage title, Passage instructions) {
        for (Passage p : new Passage[] {title, instructions}) {
            for (Sentence s : p.sentences) {
                for (int i = 0; i < s.size(); i++) {
                    String t = s.at(i);
                    if (REPEAT_WORDS.contains(t) && !(t.equals("keep") && isKeepRecord(s, i)) && !(t.equals("still") && i > 0)) {
                        return true;
                    }
                    if (t.equals("as") && s.at(i + 1).equals("is")) {
                        return true;
                    }
                }
            }
        }
        Set<String> before = content(prev);
        Set<String> now = content(title.isEmpty() ? instructions : title);
        if (now.isEmpty() || before.isEmpty()) {
            return false;
        }
        for (Passage p : new Passage[] {title, instructions}) {
            for (Sentence s : p.sentences) {
                for (String t : s.lower) {
                    if (STEP_UP_WORDS.contains(t)) {
                        return false; // "Shrink the window to …": the same task made harder
                    }
                }
            }
        }
        if (containsPreviousTask(prev, instructions)) {
            return true; // "Eat a snack in front of your sister once a day …" after "Eating a snack in front of sister: …"
        }
        int shared = 0;
        for (String w : now) {
            if (before.contains(w)) {
                shared++;
            }
        }
        return shared >= 2 && shared * 10 >= now.size() * 6;
    }

    /** The previous step's task (its words before the colon or comma that reports how it went) all reappear in the new task. */
    private static boolean containsPreviousTask(Passage prev, Passage instructions) {
        if (prev.sentences.isEmpty()) {
            return false;
        }
        Sentence first = prev.sentences.get(0);
        int end = -1;
        for (int i = 0; i < first.size(); i++) {
            if (first.at(i).equals(":")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false; // no task named apart from its outcome
        }
        Set<String> task = new HashSet<>();
        for (int i = 0; i < end; i++) {
            String t = first.at(i);
            if (t.length() >= 3 && Character.isLetter(t.charAt(0)) && !FunctionWords.contains(t)) {
                task.add(first.stemAt(i));
            }
        }
        Set<String> now = content(instructions);
        return task.size() >= 3 && now.containsAll(task);
    }

    /** 'keep the drink diary' continues a record, it does not repeat the step. */
    private static boolean isKeepRecord(Sentence s, int i) {
        for (int j = i + 1; j < Math.min(s.size(), i + 5); j++) {
            if (Lexicon.RECORDS.contains(s.stemAt(j))) {
                return true;
            }
        }
        return false;
    }

    /** 'three small tastes', 'a shorter version', 'one step on': a step kept small after a hard week. */
    private static boolean smaller(Passage title, Passage instructions) {
        for (Passage p : new Passage[] {title, instructions}) {
            for (Sentence s : p.sentences) {
                for (String t : s.lower) {
                    if (t.equals("small") || t.equals("smaller") || t.equals("shorter") || t.equals("easier")
                            || t.equals("gentler") || t.equals("briefly") || t.equals("brief") || t.equals("little")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> content(Passage p) {
        Set<String> out = new HashSet<>();
        for (Sentence s : p.sentences) {
            for (int i = 0; i < s.size(); i++) {
                String t = s.at(i);
                if (t.length() >= 3 && Character.isLetter(t.charAt(0)) && !FunctionWords.contains(t)
                        && !t.equals("step") && !t.equals("exposure")) {
                    out.add(s.stemAt(i));
                }
            }
        }
        return out;
    }
}
