package app.carryover.coach;

import static app.carryover.coach.InstructionClauses.clauseEnd;
import static app.carryover.coach.InstructionClauses.hasConcreteNoun;
import static app.carryover.coach.InstructionClauses.head;
import static app.carryover.coach.InstructionClauses.isConcreteNoun;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * Signs of the vague forms good practice warns against ('think about what we discussed', 'be more
 * active', 'apply what resonates', 'notice your feelings'): an attitude or a thought in place of an action,
 * a bare 'more'/'less', a hedge, a reference back to the session instead of a task — and, against them,
 * signs of a concrete action: a behaviour verb with a concrete object.
 */
final class VagueCues {

    private VagueCues() {
    }

    /** The evidence on one passage (the instructions). */
    record Evidence(int words, int sentences, boolean attitudeHead, boolean tryTo, boolean bareComparative,
            int hedges, int attitudeWords, boolean actionHead, int actionVerbs, int concreteNouns, boolean sessionReference,
            boolean negativeOnly, boolean timeOnAttitude, boolean abstractObject) {
    }

    static Evidence of(Passage p) {
        int words = p.wordCount();
        boolean attitudeHead = false;
        boolean actionHead = false;
        boolean tryTo = false;
        boolean bareComparative = false;
        boolean sessionReference = false;
        boolean negativeOnly = true;
        boolean timeOnAttitude = false;
        boolean abstractObject = false;
        int hedges = 0;
        int attitude = 0;
        int actions = 0;
        int concrete = 0;
        for (Sentence s : p.sentences) {
            int head = head(s);
            if (head >= 0) {
                String stem = s.stemAt(head);
                if (AttitudeHeads.asksForAttitude(s, head)) {
                    if (actsAfterColon(s, head)) {
                        actionHead = true; // "Try to notice things: on your walk …, name five things you can see"
                    } else {
                        attitudeHead = true;
                    }
                    if (!stem.equals("be") && !stem.equals("stay") && setsMinutesAside(s)) {
                        timeOnAttitude = true;
                    }
                } else if (isBareVerb(s, head)) {
                    bareComparative = true; // "just remember to breathe.", "Declutter.": a verb with nothing to do it to
                } else if (isCutBackUncounted(s, head)) {
                    bareComparative = true; // "cut back on the cones where you can": less, by no amount
                } else if (VagueWords.GENERIC_VERBS.contains(stem) && hasGenericPluralObject(s, head)) {
                    abstractObject = true; // "use your distress tolerance skills when you need them"
                } else if (VagueWords.ACTION_VERBS.contains(stem) || VagueWords.GENERIC_VERBS.contains(stem) && actionNounFollows(s, head)
                        || stem.equals("spend")) {
                    actionHead = true;
                }
            }
            for (int i = 0; i < s.size(); i++) {
                String t = s.at(i);
                String stem = s.stemAt(i);
                if (t.equals("try") && (s.at(i + 1).equals("to") || s.at(i + 1).equals("not") || s.at(i + 1).equals("your"))) {
                    tryTo = true;
                }
                if ((t.equals("more") || t.equals("less")) && i < clauseEnd(s, Math.max(head, 0)) && isBareComparative(s, i)) {
                    bareComparative = true;
                }
                if (VagueWords.HEDGES.contains(t)) {
                    hedges++;
                }
                if (VagueWords.ATTITUDE_WORDS.contains(stem)) {
                    attitude++;
                }
                if (VagueWords.ACTION_VERBS.contains(stem)) {
                    actions++;
                }
                if (i > head && isConcreteNoun(s, i)) {
                    concrete++; // nouns of the task itself, not of its trigger ("when you feel a panic attack coming")
                }
                if ((t.equals("session") || t.equals("today") || t.equals("today's")) && i > 0) {
                    sessionReference = true;
                }
                if (!t.equals("don't") && !t.equals("not") && !t.equals("no") && !t.equals("never") && VagueWords.ACTION_VERBS.contains(stem)) {
                    negativeOnly = false;
                }
            }
        }
        return new Evidence(words, p.sentences.size(), attitudeHead, tryTo, bareComparative, hedges, attitude, actionHead,
                actions, concrete, sessionReference, negativeOnly, timeOnAttitude, abstractObject);
    }

    /**
     * An attitude head whose sentence goes on, after a colon, with an action on something concrete: the
     * attitude only names what the task below is for ('Try to notice things: on your walk …, name five things
     * you can see').
     */
    private static boolean actsAfterColon(Sentence s, int head) {
        for (int j = head + 1; j < s.size(); j++) {
            if (s.at(j).equals(":")) {
                Sentence rest = s.from(j + 1);
                int h = head(rest);
                return h >= 0 && VagueWords.ACTION_VERBS.contains(rest.stemAt(h))
                        && (hasConcreteNoun(rest, h + 1) || Lexicon.number(rest.at(h + 1)) > 0); // "name five things"
            }
        }
        return false;
    }

    /** 'cut back on …', 'cut down', 'scale back' with no number anywhere: less, by no amount. */
    private static boolean isCutBackUncounted(Sentence s, int head) {
        String stem = s.stemAt(head);
        String next = s.at(head + 1);
        if (!((stem.equals("cut") || stem.equals("scale") || s.at(head).equals("ease")) && (next.equals("back") || next.equals("down")
                || next.equals("off")))) {
            return false;
        }
        for (int j = head + 2; j < s.size(); j++) {
            if (Lexicon.number(s.at(j)) >= 0 || s.at(j).equals("no") || s.at(j).equals("only")) {
                return false; // "cut down to two cans", "cut back to no more than"
            }
        }
        return true;
    }

    /**
     * 'use your coping skills', 'practise the things we covered', 'try the strategies': a generic verb whose
     * object is a plural class of skills or tips rather than one named technique.
     */
    private static boolean hasGenericPluralObject(Sentence s, int head) {
        int end = Math.min(clauseEnd(s, head), head + 7);
        int j = head + 1;
        String det = s.at(j);
        if (!(det.equals("your") || det.equals("the") || det.equals("those") || det.equals("these") || det.equals("some")
                || det.equals("any") || det.equals("all"))) {
            return false;
        }
        j++;
        int last = -1;
        while (j < end) {
            String w = s.at(j);
            if (VagueWords.GENERIC_PLURALS.contains(w)) {
                return true; // "the things learnt today", "your skills"
            }
            if (w.isEmpty() || !Character.isLetter(w.charAt(0)) && !w.equals("-")
                    || FunctionWords.contains(w)) {
                break;
            }
            last = j;
            j++;
        }
        return last >= 0 && VagueWords.GENERIC_PLURALS.contains(s.at(last));
    }

    /** 'for 10 minutes', 'spend 15 minutes', 'a 20-minute slot': practice time set aside, in minutes or hours. */
    private static boolean setsMinutesAside(Sentence s) {
        for (int i = 1; i < s.size(); i++) {
            String stem = s.stemAt(i);
            if ((stem.equals("minut") || stem.equals("hour") || stem.equals("min")) && (Lexicon.number(s.at(i - 1)) > 0
                    || s.at(i - 1).equals("-") && Lexicon.number(s.at(i - 2)) > 0 || s.at(i - 1).equals("an"))) {
                return true;
            }
        }
        return false;
    }

    /** 'take a walk', 'have a bath', 'make a call': a generic verb whose object names an action. */
    private static boolean actionNounFollows(Sentence s, int head) {
        String det = s.at(head + 1);
        return (det.equals("a") || det.equals("an") || det.equals("the") || det.equals("your") || det.equals("some"))
                && VagueWords.ACTION_VERBS.contains(s.stemAt(head + 2)) && !VagueWords.ATTITUDE_WORDS.contains(s.stemAt(head + 2));
    }

    private static boolean isBareVerb(Sentence s, int head) {
        String next = s.at(head + 1);
        return next.isEmpty() || next.equals(".") || next.equals("!") || next.equals("more") || next.equals("less");
    }

    /** 'drink less', 'get out a bit more', 'listen to each other more': more or less of nothing named. */
    private static boolean isBareComparative(Sentence s, int i) {
        String next = s.at(i + 1);
        if (Lexicon.number(s.at(i - 1)) >= 0 || next.equals("than") && Lexicon.number(s.at(i + 2)) >= 0) {
            return false;
        }
        if (FunctionWords.contains(next) && !next.equals("than") && !next.equals("time")
                && !next.equals("one") && !next.equals("two") && !next.equals("three")) {
            return true; // "worry less about the kids", "get out more with friends"
        }
        return next.isEmpty() || next.equals(".") || next.equals(",") || next.equals("!") || next.equals("this")
                || next.equals("often") || next.equals("and") || next.equals("each") || next.equals("at")
                || next.equals("in") || next.equals("with") || next.equals("when") || next.equals("-")
                || next.equals("time") && !s.at(i + 2).equals("on");
    }
}
