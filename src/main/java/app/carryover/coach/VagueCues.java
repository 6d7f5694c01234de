package app.carryover.coach;

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
                if (VagueWords.ATTITUDE_VERBS.contains(stem) || stem.equals("being") || stem.equals("notic") && !hasObjectRecord(s, head)
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
                        || isMoreAttitude(s, head)) {
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

    /** Index of the sentence's main verb: the first word after 'try to', 'please', 'just' and an opening adverbial. */
    static int head(Sentence s) {
        int i = 0;
        // skip an opening adverbial that ends with a comma: "Every evening, …", "When the urge comes, …"
        int comma = -1;
        for (int j = 0; j < Math.min(s.size(), 14); j++) {
            if (s.at(j).equals(",")) {
                comma = j;
                break;
            }
        }
        String first = s.at(0);
        if (comma > 0 && (first.equals("every") || first.equals("each") || first.equals("when") || first.equals("whenever")
                || first.equals("on") || first.equals("once") || first.equals("for") || first.equals("at") || first.equals("in")
                || first.equals("before") || first.equals("after") || first.equals("afterwards") || first.equals("then")
                || first.equals("if") || first.equals("during") || first.equals("by") || first.equals("this")
                || first.equals("twice") || first.equals("three") || first.equals("two") || first.equals("until")
                || first.equals("as") || first.equals("with") || first.equals("to") || first.equals("since")
                || first.equals("because") || first.equals("starting") || first.equals("from") || first.equals("over")
                || first.equals("throughout") || first.equals("next") || first.equals("tomorrow") || first.equals("tonight")
                || first.equals("today") || first.equals("while") || Lexicon.number(first) >= 0)) {
            i = comma + 1;
        }
        if (i == 0 && comma > 0 && comma <= 4 && !startsWithVerb(s)) {
            i = comma + 1; // "Both of you, …", "Sam, …", "This week, …"
        }
        while (i < s.size()) {
            String t = s.at(i);
            int preamble = preamble(s, i);
            if (preamble > i) {
                i = preamble;
                continue;
            }
            if (t.equals("try") && (s.at(i + 1).equals("to") || s.at(i + 1).equals("and"))) {
                i += 2;
            } else if (t.equals("try") && s.at(i + 1).equals("not") && s.at(i + 2).equals("to")) {
                i += 3;
            } else if (t.equals("try") && s.at(i + 1).equals("not") && isGerund(s.at(i + 2))) {
                i += 2; // "try not being so scared"
            } else if (t.equals("try") && isGerund(s.at(i + 1))) {
                i++; // "try deleting the app": the gerund is the task
            } else if ((t.equals("continue") || t.equals("keep") || t.equals("carry")) && s.at(i + 1).endsWith("ing")
                    && s.at(i + 1).length() > 4) {
                i++; // "continue resisting", "keep practising": the gerund is the task
            } else if (t.equals("carry") && s.at(i + 1).equals("on") && s.at(i + 2).endsWith("ing")) {
                i += 2;
            } else if (t.equals("please") || t.equals("just") || t.equals("also") || t.equals("then") || t.equals("simply")
                    || t.equals("maybe") || t.equals("perhaps") || t.equals("possibly") || t.equals("kindly")
                    || t.equals("gently") || t.equals("really") || t.equals(",") || t.equals("\"") || t.equals("now")
                    || t.equals("do") && s.at(i + 1).equals("n't") || t.equals("don't") || t.equals("to")
                    || t.equals("always") || t.equals("never") || t.equals("-")) {
                i++;
            } else {
                return Character.isLetter(t.isEmpty() ? ' ' : t.charAt(0)) ? i : -1;
            }
        }
        return -1;
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

    private static boolean hasNumber(Sentence s, int from) {
        for (int j = from; j < s.size(); j++) {
            if (Lexicon.number(s.at(j)) >= 0 || s.at(j).indexOf('/') > 0 && Character.isDigit(s.at(j).charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGerund(String w) {
        return w.length() > 4 && w.endsWith("ing") && !w.equals("thing") && !w.equals("morning") && !w.equals("evening");
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

    /** 'take a walk', 'have a bath', 'make a call': a generic verb whose object names an action. */
    private static boolean actionNounFollows(Sentence s, int head) {
        String det = s.at(head + 1);
        return (det.equals("a") || det.equals("an") || det.equals("the") || det.equals("your") || det.equals("some"))
                && VagueWords.ACTION_VERBS.contains(s.stemAt(head + 2)) && !VagueWords.ATTITUDE_WORDS.contains(s.stemAt(head + 2));
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

    /** The index after a framing opening at {@code i}, or {@code i} when there is none. */
    private static int preamble(Sentence s, int i) {
        for (String[] p : VagueWords.PREAMBLES) {
            if (i + p.length > s.size()) {
                continue;
            }
            boolean match = true;
            for (int j = 0; j < p.length && match; j++) {
                match = p[j].indexOf('\'') >= 0 ? s.at(i + j).equals(p[j]) : s.stemAt(i + j).equals(p[j]);
            }
            if (match) {
                int end = i + p.length;
                return s.at(end).equals(",") ? end + 1 : end;
            }
        }
        return i;
    }

    private static boolean isBareVerb(Sentence s, int head) {
        String next = s.at(head + 1);
        return next.isEmpty() || next.equals(".") || next.equals("!") || next.equals("more") || next.equals("less");
    }

    private static boolean isQuestionWord(String w) {
        return w.equals("how") || w.equals("whether") || w.equals("what") || w.equals("if") || w.equals("when")
                || w.equals("which");
    }

    private static boolean startsWithVerb(Sentence s) {
        String stem = s.stemAt(0);
        return VagueWords.ACTION_VERBS.contains(stem) || VagueWords.ATTITUDE_VERBS.contains(stem) || VagueWords.GENERIC_VERBS.contains(stem);
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

    /** End of the instruction clause that starts at {@code from}: a rationale or a new clause follows. */
    static int clauseEnd(Sentence s, int from) {
        for (int j = from + 1; j < s.size(); j++) {
            switch (s.at(j)) {
                case "because", "since", "so", "as", "which", ";", ":", "," -> {
                    return j;
                }
                default -> {
                }
            }
        }
        return s.size();
    }

    private static boolean hasConcreteNoun(Sentence s, int from) {
        for (int j = from; j < s.size(); j++) {
            if (isConcreteNoun(s, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that names a thing: not a function word, a verb we know, an attitude or an abstract noun, and
     * long enough not to be a particle. A cheap stand-in for tagging, which would cost ten times more.
     */
    static boolean isConcreteNoun(Sentence s, int i) {
        String t = s.at(i);
        if (t.length() < 3 || !Character.isLetter(t.charAt(0)) || FunctionWords.contains(t)) {
            return false;
        }
        String stem = s.stemAt(i);
        String before0 = s.at(i - 1);
        boolean afterArticle = before0.equals("a") || before0.equals("an") || before0.equals("the");
        if (VagueWords.ABSTRACT_NOUNS.contains(stem) || VagueWords.ATTITUDE_WORDS.contains(stem) || VagueWords.ATTITUDE_VERBS.contains(stem)
                || VagueWords.ACTION_VERBS.contains(stem) && !afterArticle || VagueWords.HEDGES.contains(t) || Lexicon.number(t) >= 0) {
            return false;
        }
        if (t.endsWith("ly") || t.endsWith("ing") && i > 0 && s.at(i - 1).equals("try")) {
            return false;
        }
        // a word after a determiner or possessive is most likely a noun or its modifier
        String before = s.at(i - 1);
        return before.equals("the") || before.equals("a") || before.equals("an") || before.equals("your")
                || before.equals("his") || before.equals("her") || before.equals("their") || before.equals("my")
                || before.equals("our") || before.equals("each") || before.equals("every") || before.equals("this")
                || Lexicon.number(before) >= 0
                || before.equals("some") || before.equals("any") || before.equals("one") || before.equals("of")
                || before.equals("with") || before.equals("on") || before.equals("at") || before.equals("in")
                || before.equals("for") || before.equals("and") && isConcreteNoun(s, i - 2)
                || i >= 2 && isCompoundHead(s, i); // "the muscle relaxation recording"
    }

    /** The second or third word of a noun compound after a determiner: 'the [muscle] relaxation recording'. */
    private static boolean isCompoundHead(Sentence s, int i) {
        for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
            String w = s.at(j);
            if (w.length() < 3 || !Character.isLetter(w.charAt(0)) || FunctionWords.contains(w)
                    || VagueWords.ACTION_VERBS.contains(s.stemAt(j)) && j == i - 1 && !isDeterminer(s.at(j - 1))) {
                return false;
            }
            if (isDeterminer(s.at(j - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeterminer(String w) {
        return w.equals("the") || w.equals("a") || w.equals("an") || w.equals("your") || w.equals("this") || w.equals("his")
                || w.equals("her") || w.equals("their") || w.equals("my") || w.equals("our");
    }
}
