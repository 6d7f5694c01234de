package app.carryover.coach;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.Language;

/**
 * Finds a rationale: the assignment says why, or what the client should notice or learn. Three kinds
 * of cue, cheapest first: purpose connectives ('because', 'so that we can', 'to test whether'), learning
 * frames ('we're testing', 'the aim is', 'notice whether', 'you'll learn that'), and general claims made
 * in a declarative clause ('Regular eating reduces binges', '— sleep is the foundation of wellbeing').
 * The last needs to know whether a clause is an instruction or a statement; clauses the word lists cannot
 * settle are part-of-speech tagged, and only those.
 */
final class PurposeCues {

    private PurposeCues() {
    }

    /** True when the passage gives a rationale. */
    static boolean find(Passage passage) {
        for (Sentence s : passage.sentences) {
            if (connective(s) || frame(s)) {
                return true;
            }
        }
        for (Sentence s : passage.sentences) {
            if (claim(s)) {
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

    private static boolean hasComma(Sentence s) {
        for (String t : s.lower) {
            if (t.equals(",")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuestionWord(String w) {
        return w.equals("whether") || w.equals("how") || w.equals("what") || w.equals("if") || w.equals("which")
                || w.equals("when") || w.equals("where") || w.equals("why");
    }

    /**
     * A clause that states something rather than instructs, and makes a claim: 'Regular eating reduces
     * binges.', '… — consistency is key'. Clauses start at the sentence start and after a dash, semicolon
     * or colon.
     */
    static boolean claim(Sentence s) {
        int start = 0;
        for (int i = 0; i <= s.size(); i++) {
            if (i == s.size() || isClauseBreak(s, i)) {
                // a clause that ends in a colon is a heading for what follows ("Self-care that's booked in: ...")
                if (i - start >= 3 && !s.at(i).equals(":") && claimClause(s, start, i)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isClauseBreak(Sentence s, int i) {
        String t = s.at(i);
        return t.equals(";") || t.equals(":") || t.equals("--");
    }

    private static boolean claimClause(Sentence s, int from, int to) {
        String first = s.at(from);
        if (first.equals("\"") || first.equals("(")) {
            return false;
        }
        if (PurposeWords.THIRD_PARTIES.contains(first) || PurposeWords.THIRD_PARTIES.contains(s.at(from + 1)) && (first.equals("your") || first.equals("the"))) {
            return false; // "Client agreed to work on improving sleep", "Your mum will note it": an instruction to someone
        }
        boolean statement;
        if (Lexicon.PERIODS.contains(s.stemAt(from + 1)) && (first.equals("this") || first.equals("each")
                || first.equals("every") || first.equals("next") || first.equals("that"))) {
            return false; // "This week I'd like you to …": a time, not a subject
        }
        if (first.equals("don't") || first.equals("never")) {
            return false;
        }
        for (int j = from; j < to; j++) {
            if (s.at(j).equals("please")) {
                return false; // "Daily evening please update the diary …": asked, not claimed
            }
        }
        // a clause opening on a number is a dose ("10-min walk daily", "2 hours of essay writing every day"): only an
        // explicit claim verb makes it a statement
        boolean dose = Lexicon.number(first) >= 0;
        if (first.endsWith("ing") && first.length() >= 5 && !first.equals("during") && !first.endsWith("thing")
                && !first.equals("morning") && !first.equals("evening") && !first.equals("bring")) {
            statement = true; // a gerund subject: "Going regularly stops the worry growing"
        } else if (PurposeWords.INSTRUCTION_STARTS.contains(first) || VagueWords.ACTION_VERBS.contains(s.stemAt(from))
                || VagueWords.ATTITUDE_VERBS.contains(s.stemAt(from))) {
            // "Exercise lifts mood" and "Practice makes it easier" are statements; "Exercise daily" is not
            statement = first.endsWith("ed") ? startsWithSubject(s, from, to) : nounVerbStatement(s, from, to);
        } else if (PurposeWords.STATEMENT_STARTS.contains(first)) {
            statement = true;
        } else {
            statement = startsWithSubject(s, from, to);
        }
        if (!statement) {
            return false;
        }
        for (int j = from + 1; j < to; j++) {
            String stem = s.stemAt(j);
            String w = s.at(j);
            if (PurposeWords.CLAIM_VERBS.contains(stem) && !s.at(j - 1).equals("to") || PurposeWords.COPULAS.contains(w) && j + 1 < to
                    || w.equals("key") || w.equals("foundation")) {
                return true;
            }
        }
        return !dose && generalStatement(s, from, to);
    }

    /**
     * A statement with any verb is a claim ('Keeping the same wake time anchors your body clock', 'most
     * worries never happen') unless it instructs a third person: a named person or a future modal ('Your
     * mum will note it on the chart').
     */
    private static boolean generalStatement(Sentence s, int from, int to) {
        int len = Math.min(to - from, 14);
        String[] tokens = new String[len];
        System.arraycopy(s.words, from, tokens, 0, len);
        String[] tags = Language.tags(tokens);
        if (tags[0].equals("PROPN")) {
            return false;
        }
        for (int j = 1; j < len; j++) {
            String w = s.at(from + j);
            if (w.equals("to") && j <= 2) {
                return false; // note style: "Client to practise …", "Mum to keep the chart"
            }
            if (w.equals("will") || w.equals("'ll") || w.equals("should") || w.equals("must") || w.equals("shall")
                    || w.equals("can") || w.equals("could")) {
                return false;
            }
            if (tags[j].equals("VERB")) {
                return !PurposeWords.PERSON_WORDS.contains(s.at(from)) && !PurposeWords.PERSON_WORDS.contains(s.at(from + 1));
            }
        }
        return false;
    }

    /** A verb-or-noun first word followed (past an adverb) by a verb in the third person: 'Exercise reliably lifts mood'. */
    private static boolean nounVerbStatement(Sentence s, int from, int to) {
        String first = s.at(from);
        if (first.endsWith("s") || PurposeWords.INSTRUCTION_STARTS.contains(first) && !VagueWords.ACTION_VERBS.contains(s.stemAt(from))) {
            return false;
        }
        int j = from + 1;
        while (j < to && s.at(j).endsWith("ly")) {
            j++;
        }
        String w = s.at(j);
        if (PurposeWords.COPULAS.contains(w) || w.equals("helps") || w.equals("makes") || w.equals("can") && s.at(j + 1).equals("help")) {
            return true;
        }
        if (j >= to || w.length() <= 3 || !w.endsWith("s") || w.endsWith("ss") || w.equals("this")) {
            return false;
        }
        if (PurposeWords.CLAIM_VERBS.contains(s.stemAt(j)) || j > from + 1) {
            return true;
        }
        // "Exercise releases endorphins": ask the tagger whether the -s word is a verb
        String[] tokens = {s.words[from], s.words[j], s.words[Math.min(j + 1, to - 1)]};
        return Language.tags(tokens)[1].equals("VERB");
    }

    /** Tags the clause (the only tagging in the coach) and asks whether it opens with a noun phrase. */
    private static boolean startsWithSubject(Sentence s, int from, int to) {
        int len = Math.min(to - from, 12);
        String[] tokens = new String[len];
        System.arraycopy(s.words, from, tokens, 0, len);
        String[] tags = Language.tags(tokens);
        String tag = tags[0];
        if (tag.equals("VERB") || tag.equals("AUX") || tag.equals("ADV") || tag.equals("ADP") || tag.equals("SCONJ")
                || tag.equals("PUNCT") || tag.equals("PART") || tag.equals("INTJ")) {
            return false;
        }
        // a subject is followed by its verb within a few words
        for (int j = 1; j < len; j++) {
            if (tags[j].equals("VERB") || tags[j].equals("AUX")) {
                return true;
            }
            if (PurposeWords.SUBORDINATORS.contains(s.at(from + j))) {
                return false; // "Lean into the discomfort whenever it comes up": the verb is the subordinate clause's
            }
            if (tags[j].equals("PUNCT") && !tokens[j].equals("-")) {
                return false; // a hyphen joins a compound subject ("self-acceptance is"); other punctuation ends it
            }
        }
        return false;
    }
}
