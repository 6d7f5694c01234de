package app.carryover.coach;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * Where an instruction's parts are, for {@link VagueCues} and {@link AttitudeHeads}: its main verb (past
 * 'try to', 'please' and an opening adverbial), where its clause ends, and which words name a thing
 * (a cheap stand-in for tagging).
 */
final class InstructionClauses {

    private InstructionClauses() {
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

    static boolean hasNumber(Sentence s, int from) {
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

    private static boolean startsWithVerb(Sentence s) {
        String stem = s.stemAt(0);
        return VagueWords.ACTION_VERBS.contains(stem) || VagueWords.ATTITUDE_VERBS.contains(stem) || VagueWords.GENERIC_VERBS.contains(stem);
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

    static boolean hasConcreteNoun(Sentence s, int from) {
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
