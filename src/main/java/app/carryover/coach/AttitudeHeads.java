package app.carryover.coach;

import static app.carryover.coach.InstructionClauses.clauseEnd;
import static app.carryover.coach.InstructionClauses.hasConcreteNoun;
import static app.carryover.coach.InstructionClauses.hasNumber;
import static app.carryover.coach.InstructionClauses.isConcreteNoun;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * The main verbs (with what follows them) that ask for an attitude, a thought or an intention instead of an
 * action, for {@link VagueCues}: 'be kind to yourself', 'work on your confidence', 'let go', 'sort out your
 * sleep', 'give mindfulness a proper go', 'get things back on track', 'listen to your body', 'practise
 * self-care'. The words are in {@link VagueWords}.
 */
final class AttitudeHeads {

    private AttitudeHeads() {
    }

    /** True when the verb at {@code head} (the sentence's main verb) asks for an attitude rather than an action. */
    static boolean asksForAttitude(Sentence s, int head) {
        String stem = s.stemAt(head);
        return VagueWords.ATTITUDE_VERBS.contains(stem) || stem.equals("being") || stem.equals("notic") && !hasObjectRecord(s, head)
                && !isQuestionWord(s.at(head + 1))
                || stem.equals("work") && s.at(head + 1).equals("on") || stem.equals("keep") && isKeepAttitude(s, head)
                || stem.equals("look") && s.at(head + 1).equals("after") || stem.equals("let") && s.at(head + 1).equals("go")
                || stem.equals("get") && isGetVague(s, head) || stem.equals("pay") && s.at(head + 1).equals("attention")
                || stem.equals("listen") && (s.at(head + 2).equals("body") || s.at(head + 1).equals("to")
                && s.at(head + 2).equals("your") && s.at(head + 3).equals("body"))
                || stem.equals("appli") || stem.equals("question") || stem.equals("challeng") || stem.equals("lean")
                || stem.equals("face") || stem.equals("resist") && !hasConcreteNoun(s, head + 1)
                || stem.equals("take") && (s.at(head + 1).equals("time") && !isTimeOut(s, head + 1) || s.at(head + 1).equals("whatever")
                || s.at(head + 1).equals("care")) || stem.equals("make") && s.at(head + 1).equals("time")
                || stem.equals("put") && s.at(head + 1).equals("yourself") || stem.equals("sit") && s.at(head + 1).equals("with") && !sitsWithSomeone(s, head)
                || stem.equals("live") || stem.equals("start") && s.stemAt(head + 1).equals("think")
                || isEasyOnYourself(s, head) || isFixingAnArea(s, head) || isGiveItAGo(s, head)
                || isBackOnTrack(s, head) || isAreaIdiom(s, head) || isQualityOfArea(s, head)
                || stem.equals("spend") && isSpendOnAttitude(s, head)
                || stem.equals("remind") && s.at(head + 1).equals("yourself")
                || stem.equals("slow") && s.at(head + 1).equals("down")
                || stem.equals("listen") && s.at(head + 1).equals("to") && isInnerObject(s, head + 2)
                || VagueWords.GENERIC_VERBS.contains(stem) && objectIsAttitude(s, head) || isVagueIdiom(s, head)
                || isMoreAttitude(s, head);
    }

    /**
     * 'sort out your sleep', 'improve your eating', 'keep building on the good work', 'hold onto the progress':
     * fixing or keeping up a whole area of life, with nothing counted.
     */
    private static boolean isFixingAnArea(Sentence s, int head) {
        int after = -1;
        for (String[] v : VagueWords.FIX_VERBS) {
            boolean match = head + v.length <= s.size();
            for (int j = 0; j < v.length && match; j++) {
                match = s.stemAt(head + j).equals(v[j]);
            }
            if (match) {
                after = head + v.length;
                break;
            }
        }
        if (after < 0 || hasNumber(s, after)) {
            return false;
        }
        int end = clauseEnd(s, head);
        int last = -1;
        for (int j = after; j < end; j++) {
            String w = s.at(j);
            if (w.isEmpty() || !Character.isLetter(w.charAt(0)) && !w.equals("-")) {
                break;
            }
            if (FunctionWords.contains(w) || VagueWords.PREPOSITIONS.contains(w) || w.indexOf('\'') >= 0) {
                if (last >= 0) {
                    break; // the object noun phrase has ended ("the progress you've made", "the good work around …")
                }
                continue; // "the", "your"
            }
            last = j;
        }
        if (last < 0) {
            return false;
        }
        String noun = s.at(last);
        String stem = s.stemAt(last);
        return !noun.equals("time") && (VagueWords.DOMAIN_NOUNS.contains(noun) || VagueWords.ABSTRACT_NOUNS.contains(stem)
                || VagueWords.ATTITUDE_WORDS.contains(stem));
    }

    /** 'give mindfulness a proper go', 'give it a real try': an attempt with nothing to do or count. */
    private static boolean isGiveItAGo(Sentence s, int head) {
        if (!s.stemAt(head).equals("give") || hasNumber(s, head + 1)) {
            return false;
        }
        for (int j = head + 1; j < Math.min(clauseEnd(s, head), head + 7); j++) {
            String w = s.at(j);
            if ((w.equals("go") || w.equals("try") || w.equals("shot") || w.equals("whirl") || w.equals("bash"))
                    && (s.at(j - 1).equals("a") || s.at(j - 2).equals("a"))) {
                return true;
            }
        }
        return false;
    }

    /** 'get your eating back on track', 'keep things on track': an intention, not a step. */
    private static boolean isBackOnTrack(Sentence s, int head) {
        String stem = s.stemAt(head);
        if (!(stem.equals("get") || stem.equals("keep") || stem.equals("put") || stem.equals("stay")) || hasNumber(s, head + 1)) {
            return false;
        }
        for (int j = head + 1; j < Math.min(clauseEnd(s, head), head + 7); j++) {
            if (s.at(j).equals("on") && s.at(j + 1).equals("track")) {
                return true;
            }
        }
        return false;
    }

    /** 'take time-out', 'take a timeout': the anger technique, not 'take time for yourself'. */
    private static boolean isTimeOut(Sentence s, int i) {
        return s.at(i + 1).equals("-") && s.at(i + 2).equals("out") || s.at(i).equals("time-out");
    }

    /** 'go easy on yourself', 'go a bit softer on yourself', 'be gentler with yourself': manner towards oneself. */
    private static boolean isEasyOnYourself(Sentence s, int head) {
        if (!s.stemAt(head).equals("go") && !s.stemAt(head).equals("take")) {
            return false;
        }
        int end = Math.min(clauseEnd(s, head), head + 6);
        for (int j = head + 1; j < end; j++) {
            String w = s.at(j);
            if ((w.equals("on") || w.equals("with")) && (s.at(j + 1).equals("yourself") || s.at(j + 1).equals("yourselves"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVagueIdiom(Sentence s, int head) {
        for (String[] idiom : VagueWords.VAGUE_IDIOMS) {
            if (head + idiom.length > s.size()) {
                continue;
            }
            boolean match = true;
            for (int j = 0; j < idiom.length && match; j++) {
                match = s.stemAt(head + j).equals(idiom[j]);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** 'your pain', 'your body', 'your feelings', 'each other': listening inward, not to a recording. */
    private static boolean isInnerObject(Sentence s, int i) {
        String w = s.at(i);
        String next = s.stemAt(i + 1);
        return w.equals("each") || w.equals("yourself") || w.equals("your") && (VagueWords.ABSTRACT_NOUNS.contains(next)
                || VagueWords.INNER.contains(next) || VagueWords.INNER.contains(s.stemAt(i + 2))
                || VagueWords.ATTITUDE_WORDS.contains(next) || next.equals("pain") || next.equals("gut") || next.equals("instinct")
                || next.equals("intuition") || next.equals("needs") || next.equals("need"));
    }

    /** The object of a generic verb is an attitude or an abstraction: 'practise self-care', 'keep a positive mindset'. */
    private static boolean objectIsAttitude(Sentence s, int head) {
        int end = Math.min(clauseEnd(s, head), head + 4);
        boolean attitude = false;
        for (int j = head + 1; j < end; j++) {
            String stem = s.stemAt(j);
            if (s.at(j).equals("and") || s.at(j).equals("or") || s.at(j).equals("then")) {
                break;
            }
            if (isConcreteNoun(s, j) && !VagueWords.ATTITUDE_WORDS.contains(stem)) {
                return false;
            }
            if (VagueWords.ATTITUDE_WORDS.contains(stem) || VagueWords.ATTITUDE_VERBS.contains(stem) && !stem.equals("be")
                    || VagueWords.ABSTRACT_NOUNS.contains(stem) && !stem.equals("time")) {
                attitude = true;
            }
        }
        return attitude;
    }

    /** 'be more active', 'get more organised': a comparative of an attitude. */
    private static boolean isMoreAttitude(Sentence s, int head) {
        int end = Math.min(clauseEnd(s, head), head + 5);
        for (int j = head + 1; j < end; j++) {
            if ((s.at(j).equals("more") || s.at(j).equals("less")) && VagueWords.ATTITUDE_WORDS.contains(s.stemAt(j + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuestionWord(String w) {
        return w.equals("how") || w.equals("whether") || w.equals("what") || w.equals("if") || w.equals("when")
                || w.equals("which");
    }

    private static boolean hasObjectRecord(Sentence s, int head) {
        for (int j = head + 1; j < s.size(); j++) {
            if (Lexicon.RECORDS.contains(s.stemAt(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeepAttitude(Sentence s, int head) {
        String next = s.at(head + 1);
        String after = s.at(head + 2);
        for (int j = head + 1; j < Math.min(s.size(), head + 7); j++) {
            if (s.at(j).equals("mind") && s.at(j - 1).equals("in")) {
                return true; // "keep your reasons in mind"
            }
        }
        return next.equals("yourself") || next.equals("working")
                || next.equals("going") && s.size() - head <= 4 || next.equals("an") && after.equals("eye")
                || VagueWords.ATTITUDE_WORDS.contains(s.stemAt(head + 1)) || VagueWords.ATTITUDE_WORDS.contains(s.stemAt(head + 2))
                && (next.equals("a") || next.equals("your") || next.equals("an"))
                || VagueWords.ATTITUDE_WORDS.contains(s.stemAt(head + 3)) && next.equals("a");
    }

    private static boolean isGetVague(Sentence s, int head) {
        String next = s.at(head + 1);
        // "get some rest", "get some fresh air" are vague; "get some proper trainers" names a thing to buy
        return next.equals("more") || next.equals("better") || next.equals("some") && !concreteSoon(s, head + 2)
                || next.equals("started")
                || next.equals("back") || next.equals("out") && s.at(head + 2).equals("more")
                || next.equals("on") || next.equals("over") || next.equals("through");
    }

    /** 'sit with Ana's group', 'sit with your friends': company, not a feeling to sit with. */
    private static boolean sitsWithSomeone(Sentence s, int head) {
        int end = Math.min(clauseEnd(s, head), head + 5);
        for (int j = head + 2; j < end; j++) {
            if (isConcreteNoun(s, j) && !VagueWords.ATTITUDE_WORDS.contains(s.stemAt(j))
                    && !VagueWords.ABSTRACT_NOUNS.contains(s.stemAt(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean concreteSoon(Sentence s, int from) {
        return isConcreteNoun(s, from) || isConcreteNoun(s, from + 1);
    }

    /**
     * Idioms of keeping an area of life in hand, with nothing counted: 'get your sugars under control', 'knock the
     * smoking on the head', 'make the tablets part of your day'.
     */
    private static boolean isAreaIdiom(Sentence s, int head) {
        String stem = s.stemAt(head);
        int end = Math.min(clauseEnd(s, head), head + 9);
        if (hasNumber(s, head + 1)) {
            return false;
        }
        for (int j = head + 1; j < end; j++) {
            String w = s.at(j);
            if ((stem.equals("get") || stem.equals("keep") || stem.equals("bring")) && w.equals("under")
                    && s.at(j + 1).equals("control")) {
                return true;
            }
            if (stem.equals("knock") && w.equals("on") && s.at(j + 1).equals("the") && s.at(j + 2).equals("head")) {
                return true;
            }
            if (stem.equals("make") && w.equals("part") && s.at(j + 1).equals("of")) {
                String n = s.at(j + 2).equals("your") || s.at(j + 2).equals("the") ? s.at(j + 3) : s.at(j + 2);
                return n.equals("day") || n.equals("routine") || n.equals("life") || n.equals("week") || n.equals("days")
                        || n.equals("lifestyle");
            }
        }
        return false;
    }

    /** 'eat a balanced diet', 'keep a healthy routine': the quality of an area of life, not an action on it. */
    private static boolean isQualityOfArea(Sentence s, int head) {
        if (hasNumber(s, head + 1)) {
            return false;
        }
        int j = head + 1;
        String det = s.at(j);
        if (det.equals("a") || det.equals("an") || det.equals("your") || det.equals("the") || det.equals("more")) {
            j++;
        }
        if (!VagueWords.QUALITY_WORDS.contains(s.at(j))) {
            return false;
        }
        String noun = s.at(j + 1);
        return VagueWords.DOMAIN_NOUNS.contains(noun) || VagueWords.DOMAIN_NOUNS.contains(noun + "s")
                || VagueWords.ATTITUDE_WORDS.contains(s.stemAt(j + 1));
    }

    /** 'Spend 10 minutes a day trying to forgive yourself': time spent on an attitude. */
    private static boolean isSpendOnAttitude(Sentence s, int head) {
        for (int j = head + 1; j < Math.min(s.size(), head + 9); j++) {
            String stem = s.stemAt(j);
            if (VagueWords.ATTITUDE_VERBS.contains(stem) && !stem.equals("enjoy") || stem.equals("be") || stem.equals("being")
                    || s.at(j).equals("trying") || stem.equals("sit") && s.at(j + 1).equals("with")) {
                return true;
            }
            if (VagueWords.ACTION_VERBS.contains(stem) && !stem.equals("spend") && !stem.equals("time")) {
                return false;
            }
        }
        return false;
    }
}
