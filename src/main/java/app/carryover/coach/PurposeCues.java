package app.carryover.coach;

import java.util.Set;

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

    /** Verbs whose infinitive after 'to' states a purpose ('to test', 'to help', 'to see whether'). */
    private static final Set<String> PURPOSE_VERBS = Lexicon.stems("""
            help test see show prove learn find discover check notice build boost lower reduce shift clarify spot start
            begin encourage gather strengthen break keep make give get improve increase lift ease calm settle train teach
            remind track understand measure compare practise practice consolidate loosen weaken challenge demonstrate
            explore experience let allow support restore protect prevent stop avoid counter interrupt regulate raise rebuild
            create develop bring widen broaden observe evaluate assess judge weigh
            """);

    /** Words before 'to' that make the infinitive a complement, not a purpose ('try to', 'want to'). */
    private static final Set<String> CONTROL_WORDS = Lexicon.words("""
            try trying tried want wants need needs remember going able have has had how learn learning start begin aim
            plan planning decide agree ask tell allow continue like love hope expect seem used forget manage choose
            promise attempt hard easy easier harder time way ready free willing reluctant afraid supposed due about
            else next back up down over out ought be prepared refuse fail tend struggle get got make urge urges need
            needs chance reason ability desire temptation impulse pressure permission courage effort energy plans
            wish wishes trying client clients pt patient couple parent parents family encouraged agreed asked advised
            continue continues invited reminded
            """);

    /** Words after "so" that make it an intensifier or a filler, not a purpose. */
    private static final Set<String> NOT_PURPOSE_SO = Lexicon.words("""
            much many far long often bad badly good well hard easy little few on forth called to as quickly slowly
            early late close near big small busy tired anxious scared worried strong intense overwhelming sure
            """);

    /** Frames that state what the task is for ('we're testing', 'the aim is'). */
    private static final Set<String> AIM_NOUNS = Lexicon.words("aim goal point idea purpose reason hope plan intention focus");

    /** Verbs of claims about what the practice does ('reduces', 'helps', 'is key'). */
    private static final Set<String> CLAIM_VERBS = Lexicon.stems("""
            help helps make makes reduce reduces lift lifts keep keeps build builds teach teaches let lets stop stops
            feed feeds drive drives lower lowers matter matters mean means work works restore restores allow allows
            avoid avoids regulate regulates train trains rebuild rebuilds break breaks tend tends show shows prove
            proves give gives ease eases calm calms settle settles boost boosts improve improves increase increases
            strengthen strengthens weaken weakens maintain maintains fuel fuels shrink shrinks grow grows cause causes
            lead leads protect protects prevent prevents create creates change changes support supports count counts
            pass passes fade fades fall falls decrease decreases
            """);

    private static final Set<String> COPULAS = Lexicon.words("is are 's 're was be isn't aren't");

    /** First words that make a clause a statement about the world rather than an instruction. */
    private static final Set<String> STATEMENT_STARTS = Lexicon.words("""
            this that these those it it's they there regular small even steady daily morning evening short regularly
            repeated consistent consistency awareness motivation research evidence most many everyone nobody people
            life avoidance relaxation recovery habits
            """);

    /** Words that start an instruction; a clause starting with one is not a statement. */
    private static final Set<String> INSTRUCTION_STARTS = Lexicon.words("""
            try be keep do don't go use write fill record note rate tick mark take make spend set put practise practice
            listen read watch walk call phone ring text ask say tell give get let look sit stand stay start stop avoid
            limit leave eat drink plan book visit attend notice think reflect consider remember focus accept trust
            believe allow embrace honour honor work apply find pick choose bring add swap repeat continue build break
            have lie ride drive touch hold check send buy join meet show wear open close turn switch carry cut delay
            resist sort list describe follow complete keep arrange schedule identify imagine rehearse prepare learn
            again then afterwards after before when whenever if once on in at for during by each every from until as
            within over with without while please also just first next finally now today tonight tomorrow
            """);

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
                    // mid-sentence "so" introduces a purpose or result unless it intensifies ("so much", "so far")
                    String next = s.at(i + 1);
                    if (i > 0 && !NOT_PURPOSE_SO.contains(next) && !next.isEmpty() && Character.isLetter(next.charAt(0))
                            && !s.at(i - 1).equals("and") && !s.at(i - 1).equals("or") && !s.at(i - 1).equals("not")) {
                        return true;
                    }
                }
                case "order" -> {
                    if (s.at(i - 1).equals("in") && s.at(i + 1).equals("to")) {
                        return true;
                    }
                }
                case "to" -> {
                    if (i > 0 && PURPOSE_VERBS.contains(s.stemAt(i + 1)) && !CONTROL_WORDS.contains(s.at(i - 1))
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

    /** "as it is", "as you are": unchanged, not a reason. */
    private static boolean isAsItIs(Sentence s, int i) {
        String subject = s.at(i + 1);
        String verb = s.at(i + 2);
        String after = s.at(i + 3);
        return (subject.equals("it") || subject.equals("you") || subject.equals("they") || subject.equals("i")
                || subject.equals("he") || subject.equals("she") || subject.equals("we")) && COPULAS.contains(verb)
                && (after.isEmpty() || after.equals(".") || after.equals(",") || after.equals("!") || after.equals(";"));
    }

    /** 'try to get outside to see …' is purpose, but 'try to see things from her side' is not. */
    private static boolean isControlledFurtherBack(Sentence s, int i) {
        // "try hard to see", "want very much to": a control word two tokens back
        return CONTROL_WORDS.contains(s.at(i - 2)) && !s.at(i - 1).equals(",");
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
            if (CLAIM_VERBS.contains(s.stemAt(j)) || COPULAS.contains(s.at(j)) && j > from) {
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
                    return true;
                }
                case "we" -> {
                    if (next.equals("are") || next.equals("will") || next.equals("want") || next.equals("would")
                            || next.equals("can") || next.equals("need") || next.equals("'re") || next.equals("'ll")
                            || next.equals("hope") || next.equals("expect") || next.equals("might") || next.equals("may")) {
                        return true;
                    }
                }
                case "notice", "noticing", "noticed", "see", "find", "discover", "observe", "check" -> {
                    if (isHedgedSee(s, i)) {
                        continue;
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
                    if (ADVERBS.contains(next)) {
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
                case "this'll", "that'll", "it'll", "that's", "this's" -> {
                    if (i == 0 || s.at(i - 1).equals(",") || s.at(i - 1).equals("-")) {
                        return true;
                    }
                }
                default -> {
                    if (AIM_NOUNS.contains(t) && (s.at(i - 1).equals("the") || s.at(i - 1).equals("our"))
                            && (COPULAS.contains(next) || next.equals("here"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final Set<String> ADVERBS = Lexicon.words("only just really actually often usually always also "
            + "probably generally tends");

    /** "see what comes up", "see what fits for you": an open invitation, not something to learn. */
    private static boolean isHedgedSee(Sentence s, int i) {
        String w = s.at(i + 1);
        String v = s.stemAt(i + 2);
        return (w.equals("what") || w.equals("whatever") || w.equals("if") && s.at(i + 2).equals("anything"))
                && (v.equals("come") || v.equals("fit") || v.equals("suit") || v.equals("resonat") || v.equals("work")
                && s.at(i + 3).equals("for") || v.equals("feel") && s.at(i + 3).equals("right") || v.equals("anything"));
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
                if (i - start >= 3 && claimClause(s, start, i)) {
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
        if (THIRD_PARTIES.contains(first) || THIRD_PARTIES.contains(s.at(from + 1)) && (first.equals("your") || first.equals("the"))) {
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
        if (first.endsWith("ing") && first.length() >= 5 && !first.equals("during") && !first.endsWith("thing")
                && !first.equals("morning") && !first.equals("evening") && !first.equals("bring")) {
            statement = true; // a gerund subject: "Going regularly stops the worry growing"
        } else if (INSTRUCTION_STARTS.contains(first) || VagueCues.ACTION_VERBS.contains(s.stemAt(from))
                || VagueCues.ATTITUDE_VERBS.contains(s.stemAt(from))) {
            // "Exercise lifts mood" and "Practice makes it easier" are statements; "Exercise daily" is not
            statement = first.endsWith("ed") ? startsWithSubject(s, from, to) : nounVerbStatement(s, from, to);
        } else if (STATEMENT_STARTS.contains(first)) {
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
            if (CLAIM_VERBS.contains(stem) && !s.at(j - 1).equals("to") || COPULAS.contains(w) && j + 1 < to
                    || w.equals("key") || w.equals("foundation")) {
                return true;
            }
        }
        return generalStatement(s, from, to);
    }

    /**
     * A statement with any verb is a claim ("Keeping the same wake time anchors your body clock", "most
     * worries never happen") unless it instructs a third person: a named person or a future modal ("Your
     * mum will note it on the chart").
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
                return !PERSON_WORDS.contains(s.at(from)) && !PERSON_WORDS.contains(s.at(from + 1));
            }
        }
        return false;
    }

    /** People a task is given to in the third person; a clause they start is an instruction, whatever its verb. */
    private static final Set<String> THIRD_PARTIES = Lexicon.words("""
            mum mom dad father mother parent parents partner husband wife son daughter child children teacher carer
            client clients pt patient couple family
            """);

    /** Subjects that make a statement an instruction to someone else ("Mum notes…", "your partner reads…"). */
    private static final Set<String> PERSON_WORDS = Lexicon.words("""
            mum mom dad father mother parent parents partner husband wife son daughter child children teacher carer
            you he she they we i both everyone nobody someone client clients pt patient couple family
            """);

    /** A verb-or-noun first word followed (past an adverb) by a verb in the third person: "Exercise reliably lifts mood". */
    private static boolean nounVerbStatement(Sentence s, int from, int to) {
        String first = s.at(from);
        if (first.endsWith("s") || INSTRUCTION_STARTS.contains(first) && !VagueCues.ACTION_VERBS.contains(s.stemAt(from))) {
            return false;
        }
        int j = from + 1;
        while (j < to && s.at(j).endsWith("ly")) {
            j++;
        }
        String w = s.at(j);
        if (COPULAS.contains(w) || w.equals("helps") || w.equals("makes") || w.equals("can") && s.at(j + 1).equals("help")) {
            return true;
        }
        if (j >= to || w.length() <= 3 || !w.endsWith("s") || w.endsWith("ss") || w.equals("this")) {
            return false;
        }
        if (CLAIM_VERBS.contains(s.stemAt(j)) || j > from + 1) {
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
            if (tags[j].equals("PUNCT") && !tokens[j].equals("-")) {
                return false; // a hyphen joins a compound subject ("self-acceptance is"); other punctuation ends it
            }
        }
        return false;
    }
}
