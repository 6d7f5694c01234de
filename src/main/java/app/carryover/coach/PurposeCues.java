package app.carryover.coach;

import app.carryover.coach.Passage.Sentence;

/**
 * Finds a rationale: the assignment says why, or what the client should notice or learn. Three kinds
 * of cue, cheapest first: purpose connectives ('because', 'so that we can', 'to test whether'; here),
 * learning frames ('we're testing', 'the aim is', 'notice whether', 'you'll learn that';
 * {@link PurposeFrames}), and general claims made in a declarative clause ('Regular eating reduces
 * binges', '— sleep is the foundation of wellbeing'; {@link PurposeClaims}). The last needs to know
 * whether a clause is an instruction or a statement; clauses the word lists cannot settle are
 * part-of-speech tagged, and only those. The words themselves are in {@link PurposeWords}.
 */
final class PurposeCues {

    private PurposeCues() {
    }

    /** True when the passage gives a rationale. */
    static boolean find(Passage passage) {
        for (Sentence s : passage.sentences) {
            if (connective(s) || PurposeFrames.frame(s)) {
                return true;
            }
        }
        for (Sentence s : passage.sentences) {
            if (PurposeClaims.claim(s)) {
                return true;
            }
        }
        return false;
    }

    /** 'because', 'since …', 'so that', 'so we can', 'in order to', 'to test whether', 'as rewards help'. */
    static boolean connective(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            String t = s.at(i);
            switch (t) {
                case "because", "cause", "'cause" -> {
                    return true;
                }
                case "since" -> {
                    if (!isTimeSince(s, i)) {
                        return true;
                    }
                }
                case "so" -> {
                    if (i == 0 && isSoYouLearn(s)) {
                        return true; // "So you learn the dizziness is not dangerous."
                    }
                    // mid-sentence "so" introduces a purpose or result unless it intensifies ("so much", "so far")
                    String next = s.at(i + 1);
                    if (i > 0 && !PurposeWords.NOT_PURPOSE_SO.contains(next) && !next.isEmpty() && Character.isLetter(next.charAt(0))
                            && !s.at(i - 1).equals("and") && !s.at(i - 1).equals("or") && !s.at(i - 1).equals("not")
                            && !PurposeWords.BEFORE_DISCOURSE_SO.contains(s.at(i - 1))) {
                        return true;
                    }
                }
                case "order" -> {
                    if (s.at(i - 1).equals("in") && s.at(i + 1).equals("to")) {
                        return true;
                    }
                }
                case "to" -> {
                    if (i == 0 && PurposeWords.PURPOSE_VERBS.contains(s.stemAt(i + 1)) && hasComma(s)) {
                        return true; // "To help with your sleep, go to bed at 11pm."
                    }
                    if (i > 0 && PurposeWords.PURPOSE_VERBS.contains(s.stemAt(i + 1)) && !PurposeWords.CONTROL_WORDS.contains(s.at(i - 1))
                            && !s.at(i - 1).equals("'") && !isControlledFurtherBack(s, i)) {
                        return true;
                    }
                }
                case "as" -> {
                    if (i > 0 && claimFollows(s, i + 1, 5) && !isAsItIs(s, i)) {
                        return true;
                    }
                }
                case "helps", "help", "will", "should", "can" -> {
                    // "which helps", "which will show"
                    if (s.at(i - 1).equals("which") || s.at(i - 1).equals("that") && t.equals("helps")) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** A sentence opening 'So (that) you learn / see / find out / can …': a purpose, not a discourse marker. */
    private static boolean isSoYouLearn(Sentence s) {
        int j = s.at(1).equals("that") ? 2 : 1;
        if (!s.at(j).equals("you") && !s.at(j).equals("we") && !s.at(j).equals("it")) {
            return false;
        }
        String v = s.stemAt(j + 1);
        return v.equals("learn") || v.equals("see") || v.equals("find") || v.equals("know") || v.equals("discov")
                || v.equals("discover") || v.equals("notic") || v.equals("realis") || v.equals("realiz") || v.equals("get")
                || s.at(j + 1).equals("can") || s.at(j + 1).equals("will") || s.at(j + 1).equals("'ll");
    }

    /** 'as it is', 'as you are': unchanged, not a reason. */
    private static boolean isAsItIs(Sentence s, int i) {
        String subject = s.at(i + 1);
        String verb = s.at(i + 2);
        String after = s.at(i + 3);
        return (subject.equals("it") || subject.equals("you") || subject.equals("they") || subject.equals("i")
                || subject.equals("he") || subject.equals("she") || subject.equals("we")) && PurposeWords.COPULAS.contains(verb)
                && (after.isEmpty() || after.equals(".") || after.equals(",") || after.equals("!") || after.equals(";"));
    }

    /** 'try to get outside to see …' is purpose, but 'try to see things from her side' is not. */
    private static boolean isControlledFurtherBack(Sentence s, int i) {
        // "try hard to see", "want very much to": a control word two tokens back
        return PurposeWords.CONTROL_WORDS.contains(s.at(i - 2)) && !s.at(i - 1).equals(",");
    }

    private static boolean isTimeSince(Sentence s, int i) {
        String next = s.at(i + 1);
        return next.equals("then") || next.equals("last") || next.equals("our") || next.equals("the") && !claimFollows(s, i + 1, 5)
                || next.equals("monday") || next.equals("tuesday") || next.equals("wednesday") || next.equals("thursday")
                || next.equals("friday") || next.equals("saturday") || next.equals("sunday") || next.equals("today")
                || next.equals("yesterday") || next.equals("moving") || next.equals("starting") || next.equals("we")
                && s.at(i + 2).equals("last") || Lexicon.number(next) >= 0 || s.at(i - 1).equals("ever");
    }

    /** A claim verb soon after position {@code from}: 'as rewards help motivation'. */
    private static boolean claimFollows(Sentence s, int from, int window) {
        for (int j = from + 1; j < Math.min(s.size(), from + window + 1); j++) {
            if (PurposeWords.CLAIM_VERBS.contains(s.stemAt(j)) || PurposeWords.COPULAS.contains(s.at(j)) && j > from) {
                return !s.at(j).equals("'s") || j > from + 1;
            }
            String w = s.at(j);
            if (w.equals(",") || w.equals(".") || w.equals(";")) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasComma(Sentence s) {
        for (String t : s.lower) {
            if (t.equals(",")) {
                return true;
            }
        }
        return false;
    }
}
