package app.carryover.coach;

import app.carryover.coach.Passage.Sentence;

/**
 * The second kind of rationale cue of {@link PurposeCues}: a learning frame, a sentence that says what the
 * task will show or what to find out ('we're testing', 'the aim is', 'notice whether', 'you'll learn that'),
 * told apart from arranging the follow-up ('we'll see how it goes') and open invitations ('see what comes up').
 */
final class PurposeFrames {

    private PurposeFrames() {
    }

    /** 'we're testing', 'we want to see', 'the aim is', 'this will show', 'notice whether', 'you'll learn that'. */
    static boolean frame(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            String t = s.at(i);
            String next = s.at(i + 1);
            switch (t) {
                case "we're", "we'll", "we'd" -> {
                    if (!isFollowUp(s, t.equals("we're") && next.equals("going") ? i + 3 : i + 1)) {
                        return true;
                    }
                }
                case "we" -> {
                    if ((next.equals("will") || next.equals("'ll")) && isFollowUp(s, i + 2)) {
                        continue;
                    }
                    if (next.equals("are") || next.equals("will") || next.equals("want") || next.equals("would")
                            || next.equals("can") || next.equals("need") || next.equals("'re") || next.equals("'ll")
                            || next.equals("hope") || next.equals("expect") || next.equals("might") || next.equals("may")) {
                        return true;
                    }
                }
                case "note" -> {
                    // "note how you felt afterwards": what to notice; "note how many", "note what you ate": a record
                    if ((next.equals("how") && !s.at(i + 2).equals("many") && !s.at(i + 2).equals("much")
                            && !s.at(i + 2).equals("long") && !s.at(i + 2).equals("often")) || next.equals("whether")) {
                        return true;
                    }
                }
                case "helps" -> {
                    if (i == 0 || s.at(i - 1).equals("-") || s.at(i - 1).equals(",") || s.at(i - 1).equals(";")) {
                        return true; // "walk after dinner - helps bring the sugar spike down"
                    }
                }
                case "notice", "noticing", "noticed", "see", "find", "discover", "observe", "check" -> {
                    if (isHedgedSee(s, i)) {
                        continue;
                    }
                    if (next.equals("when")) {
                        continue; // "notice when the urge starts and write it down": a trigger for the task, not a question
                    }
                    if (isQuestionWord(next) || isQuestionWord(s.at(i + 2)) && (next.equals("out") || next.equals("for"))
                            || t.startsWith("notic") && (next.equals("any") || next.equals("that"))) {
                        return true;
                    }
                }
                case "attention" -> {
                    if (s.at(i + 1).equals("to") && isQuestionWord(s.at(i + 2))) {
                        return true;
                    }
                }
                case "learn", "learning", "learned", "learnt", "realise", "realize", "remember" -> {
                    if (next.equals("that") && !t.equals("remember") || next.equals("whether") || next.equals("how")
                            && !s.at(i - 1).equals("to")) {
                        return true;
                    }
                    if (t.equals("remember") && next.equals("that")) {
                        return true;
                    }
                }
                case "compare", "compared", "compares", "comparing" -> {
                    return true;
                }
                case "you'll", "you're" -> {
                    if (s.stemAt(i + 1).equals("learn") || s.stemAt(i + 1).equals("see") || s.stemAt(i + 1).equals("find")
                            || s.stemAt(i + 1).equals("notic") || s.stemAt(i + 1).equals("build")
                            || s.stemAt(i + 1).equals("teach") || s.stemAt(i + 1).equals("train")) {
                        return true;
                    }
                }
                case "this", "that", "it", "these" -> {
                    if (PurposeWords.ADVERBS.contains(next)) {
                        next = s.at(i + 2);
                    }
                    if ((i == 0 || s.at(i - 1).equals(",") || s.at(i - 1).equals("-") || s.at(i - 1).equals(";"))
                            && (next.equals("will") || next.equals("should") || next.equals("can") || next.equals("is")
                            || next.equals("helps") || next.equals("lets") || next.equals("gives") || next.equals("shows")
                            || next.equals("tests") || next.equals("builds") || next.equals("means") || next.equals("way")
                            || next.equals("makes") || next.equals("allows") || next.equals("teaches") || next.equals("may")
                            || next.equals("might") || next.equals("could") || next.equals("'ll") || next.equals("'s")
                            && !t.equals("it") || next.equals("matters") || next.equals("keeps") || next.equals("trains")
                            || next.equals("reduces") || next.equals("works") || next.equals("breaks"))) {
                        return true;
                    }
                }
                case "could", "might", "may", "would" -> {
                    if (i == 0 && (next.equals("be") && isWayOrGood(s, i + 2) || next.equals("help"))) {
                        return true; // "Could be a nice way to meet people!", "Might help with the sleep."
                    }
                }
                case "this'll", "that'll", "it'll", "that's", "this's" -> {
                    if (i == 0 || s.at(i - 1).equals(",") || s.at(i - 1).equals("-")) {
                        return true;
                    }
                }
                default -> {
                    if (PurposeWords.AIM_NOUNS.contains(t) && (s.at(i - 1).equals("the") || s.at(i - 1).equals("our"))
                            && (PurposeWords.COPULAS.contains(next) || next.equals("here"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * 'we'll see how it goes', 'we'll pick it up next session', 'we'll go over it': arranging the follow-up,
     * not saying what the task is for. {@code j} is the verb after 'we'll'.
     */
    private static boolean isFollowUp(Sentence s, int j) {
        String v = s.stemAt(j);
        String next = s.at(j + 1);
        if (v.equals("see") && next.equals("how") && s.at(j + 2).equals("it")
                && (s.at(j + 3).equals("goes") || s.at(j + 3).equals("went") || s.stemAt(j + 3).equals("work"))) {
            return true;
        }
        return PurposeWords.FOLLOW_UP_VERBS.contains(v) && !isQuestionWord(next) && !next.equals("that")
                || v.equals("go") && (next.equals("over") || next.equals("through"))
                || v.equals("look") && (next.equals("at") || next.equals("over")) && !isQuestionWord(s.at(j + 2))
                || v.equals("check") && next.equals("in") || v.equals("come") && next.equals("back");
    }

    /** 'see what comes up', 'see what fits for you': an open invitation, not something to learn. */
    private static boolean isHedgedSee(Sentence s, int i) {
        String w = s.at(i + 1);
        String v = s.stemAt(i + 2);
        if (w.equals("how") && s.at(i + 2).equals("it") && (s.at(i + 3).equals("goes") || s.at(i + 3).equals("went"))) {
            return true; // "see how it goes"
        }
        if (w.equals("how") && s.at(i + 2).equals("you") && (s.at(i + 3).equals("go") || s.at(i + 3).equals("get")
                || s.at(i + 3).equals("manage") || s.at(i + 3).equals("do"))) {
            return true; // "see how you go with cutting down": try it, nothing to learn
        }
        return (w.equals("what") || w.equals("whatever") || w.equals("if") && s.at(i + 2).equals("anything"))
                && (v.equals("come") || v.equals("fit") || v.equals("suit") || v.equals("resonat") || v.equals("work")
                && s.at(i + 3).equals("for") || v.equals("feel") && s.at(i + 3).equals("right") || v.equals("anything"));
    }

    /** 'a nice way to', 'good for you', 'helpful': what follows an elliptical 'could be'. */
    private static boolean isWayOrGood(Sentence s, int j) {
        for (int k = j; k < Math.min(s.size(), j + 4); k++) {
            String w = s.at(k);
            if (w.equals("way") && s.at(k + 1).equals("to") || w.equals("good") || w.equals("helpful") || w.equals("useful")
                    || w.equals("worth")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuestionWord(String w) {
        return w.equals("whether") || w.equals("how") || w.equals("what") || w.equals("if") || w.equals("which")
                || w.equals("when") || w.equals("where") || w.equals("why");
    }
}
