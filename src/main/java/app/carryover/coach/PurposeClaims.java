package app.carryover.coach;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.Language;

/**
 * The third and costliest kind of rationale cue of {@link PurposeCues}: a general claim made in a declarative
 * clause ('Regular eating reduces binges.', '… — consistency is key'). Deciding that a clause is a statement
 * and not an instruction is where the part-of-speech tagger is asked, and only for clauses the word lists
 * cannot settle.
 */
final class PurposeClaims {

    private PurposeClaims() {
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
