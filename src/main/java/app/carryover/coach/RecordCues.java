package app.carryover.coach;

import java.util.Set;

import app.carryover.coach.Passage.Sentence;
import app.carryover.language.FunctionWords;

/**
 * Finds what makes an assignment structured: a worksheet, log, diary, form or chart to fill in ('the
 * thought record', 'tick it on the practice card', 'on the worry list'), or numbered steps.
 */
final class RecordCues {

    /** Tokens after which 'record', 'schedule' or 'card' is a verb or something else, not a named record. */
    private static final Set<String> VERB_CONTEXT = Lexicon.words("""
            to and then , ; : please also or ( - you we i will can could should must just always never please now
            first afterwards after before so but
            """);

    /** The record name for a bulleted list: steps, but bullets of vague items ('- relax more') stay vague. */
    static final String BULLETS = "bulleted steps";

    private RecordCues() {
    }

    /** The record named in the passage ('exposure log'), 'steps' for numbered steps, or null. */
    static String find(Passage passage) {
        for (Sentence s : passage.sentences) {
            String found = find(s);
            if (found != null) {
                return found;
            }
        }
        return numberedSteps(passage) ? "steps" : null;
    }

    /** Two or more lines written as a bulleted list ('- list the problems', '* pick one', '• try it'): steps. */
    static boolean bulletedSteps(String raw) {
        if (raw == null || raw.indexOf('\n') < 0) {
            return false;
        }
        int bullets = 0;
        for (String line : raw.split("\\R")) {
            String l = line.strip();
            if (l.length() > 2 && (l.charAt(0) == '-' || l.charAt(0) == '*' || l.charAt(0) == '\u2022')
                    && Character.isWhitespace(l.charAt(1))) {
                bullets++;
            }
        }
        return bullets >= 2;
    }

    static String find(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            String stem = s.stemAt(i);
            String t = s.at(i);
            int dash = t.indexOf('-');
            if (Lexicon.RECORDS.contains(stem) || Lexicon.RECORDS.contains(t)
                    || dash > 0 && Lexicon.RECORDS.contains(t.substring(0, dash))) { // "PHQ-9"
                if (isFormVerb(s, i) || t.equals("log") && i == 0 || stem.equals("chart") && i == 0 || isBedSheet(s, i)) {
                    continue;
                }
                return name(s, i);
            }
            if (Lexicon.RECORDS_AS_NOUN.contains(stem) && i > 0 && !VERB_CONTEXT.contains(s.at(i - 1))
                    && !t.startsWith("recording")) {
                if (stem.equals("card") && Lexicon.NOT_RECORD_CARD.contains(s.at(i - 1))) {
                    continue;
                }
                if (stem.equals("record") && Lexicon.number(s.at(i - 1)) >= 0) {
                    continue;
                }
                return name(s, i);
            }
            if (t.equals("list") && (isPlaceList(s, i) || isNamedList(s, i))) {
                return name(s, i);
            }
            if (t.equals("app") && isRecordingInto(s, i)) {
                return name(s, i); // "track your mood in the app"
            }
        }
        return null;
    }

    /** 'form' as a verb ('form a habit') or in 'in the form of'. */
    private static boolean isFormVerb(Sentence s, int i) {
        if (!s.stemAt(i).equals("form")) {
            return false;
        }
        String before = s.at(i - 1);
        String after = s.at(i + 1);
        return VERB_CONTEXT.contains(before) || after.equals("of") || after.equals("a") || after.equals("an");
    }

    /** 'change the sheets': bedding, not a worksheet. */
    private static boolean isBedSheet(Sentence s, int i) {
        if (!s.stemAt(i).equals("sheet")) {
            return false;
        }
        String b1 = s.stemAt(i - 1);
        String b2 = s.stemAt(i - 2);
        return b1.equals("bed") || b1.equals("clean") || b2.equals("chang") || b2.equals("wash") || b2.equals("strip")
                || b1.equals("a") && (b2.equals("with") || b2.equals("under") || b2.equals("over")); // "cover the mirror with a sheet"
    }

    /** 'write it on the worry list', 'in your list' — a list to write on, not 'make a list'. */
    private static boolean isPlaceList(Sentence s, int i) {
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            String w = s.at(j);
            if (w.equals("on") || w.equals("onto") || w.equals("in") || w.equals("to")) {
                return s.at(j + 1).equals("the") || s.at(j + 1).equals("your") || s.at(j + 1).equals("this");
            }
        }
        return false;
    }

    /** What a list kept for therapy is of: 'the worry list', 'your gratitude list', 'the exposure list'. */
    private static final Set<String> LIST_KINDS = Lexicon.stems("worry worries to-do todo activity activities fear exposure "
            + "gratitude values reasons problem problems hierarchy pleasant achievement urge trigger coping");

    /** 'the worry list', 'your to-do list': a named list the client keeps, not 'make a list'. */
    private static boolean isNamedList(Sentence s, int i) {
        String det = s.at(i - 2);
        return LIST_KINDS.contains(s.stemAt(i - 1)) && (det.equals("the") || det.equals("your") || det.equals("this")
                || det.equals("my"));
    }

    private static final Set<String> RECORDING_VERBS = Lexicon.stems("log record track note enter tick mark rate write jot tally "
            + "chart monitor");

    /** 'track your mood in the app': a recording verb earlier in the sentence and 'in/on the … app'. */
    private static boolean isRecordingInto(Sentence s, int i) {
        boolean place = false;
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            if (s.at(j).equals("in") || s.at(j).equals("on") || s.at(j).equals("into")) {
                place = true;
                break;
            }
        }
        if (!place) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (RECORDING_VERBS.contains(s.stemAt(j))) {
                return true;
            }
        }
        return false;
    }

    /** The record with the word before it, for suggestions and notes ('exposure log'). */
    private static String name(Sentence s, int i) {
        String before = s.at(i - 1);
        if (!before.isEmpty() && Character.isLetter(before.charAt(0)) && !FunctionWords.contains(before)) {
            return before + " " + s.at(i);
        }
        return s.at(i);
    }

    /** '(1) … (2) …', '1. … 2. …', 'Step 1: … Step 2: …'. */
    private static boolean numberedSteps(Passage passage) {
        int marks = 0;
        for (Sentence s : passage.sentences) {
            for (int i = 0; i < s.size(); i++) {
                String t = s.at(i);
                if ((t.equals("1") || t.equals("2") || t.equals("3")) && (s.at(i + 1).equals(")") || s.at(i + 1).equals(".")
                        && i == 0 || s.at(i - 1).equals("step") || s.at(i - 1).equals("(") && s.at(i + 1).equals(")"))) {
                    marks++;
                } else if (t.equals("1)") || t.equals("2)") || t.equals("1.") || t.equals("2.")) {
                    marks++;
                }
            }
        }
        return marks >= 2;
    }
}
