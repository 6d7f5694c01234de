package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.language.VerbForms;

/**
 * A detected task written as the clinician would write it for the client: the instructions are the
 * task's own words (the clauses that set it, not the reflection before it), said as instructions
 * rather than as speech — without "um", repeated words, "could you ...?", "I'd like you to", "what
 * I'd suggest is", "how about trying" or a closing "That okay?" — and the title is the task in a few
 * words, without the dose (the dose has its own field).
 */
final class DraftWriting {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern FILLERS = Pattern.compile("\\b(?:um+|uh+|erm+|er|ah|hmm|you know|i mean|sort of|kind of like)\\b,?\\s*", FLAGS);
    private static final Pattern STUTTER = Pattern.compile("\\b([\\p{L}']+)(?:,?\\s+\\1\\b)+", FLAGS);
    private static final Pattern CUT_OFF = Pattern.compile("\\s*[-\u2013\u2014]+\\s*$");
    /** Words that link a sentence to the one before, or count the tasks ("So", "Okay, and", "First,", "The other thing is"). */
    private static final Pattern LINK = Pattern.compile("^(?:and|so|okay|ok|right|alright|now|then|yeah|yes|great|brilliant|good"
            + "|lovely|perfect|first|firstly|second|secondly|third|thirdly|also|plus|finally|lastly|in the meantime|meanwhile"
            + "|on top of that|(?:and )?(?:the other|another|one more|the second|the last) (?:thing|one)(?: is)?(?: to| that)?)\\b[,:]?\\s+", FLAGS);
    /** The period said before the task ("This week,", "Between now and next time,"): the assignment already runs until then. */
    private static final Pattern PERIOD = Pattern.compile("^(?:for |over |during )?(?:this|the next|the coming) (?:week|fortnight|couple of weeks)[,:]\\s*"
            + "|^(?:between now and|before|until|till) (?:next time|next week|we meet(?: again)?|(?:our |the )?next session|i see you)[,:]\\s*"
            + "|^(?:for|as) (?:homework|home practice|next time)[,:]?\\s*|^homework[,:]\\s*", FLAGS);
    /** The ways a therapist asks, suggests or agrees a task, left out so the task itself is said. */
    private static final List<Pattern> FRAMES = List.of(
            Pattern.compile("^(?:what )?(?:would|could|will) you (?:think about|consider|be up for)(?: maybe| perhaps)? ", FLAGS),
            Pattern.compile("^(?:could|can|would|will) you (?:(?:please|maybe|perhaps|just|also|possibly) )*(?:have a go at )?", FLAGS),
            Pattern.compile("^(?:i'd|i would|i|we'd|we would) (?:really )?(?:like|want|need|love|ask)(?: for)? you (?:both |all |each |two )?to ", FLAGS),
            Pattern.compile("^what i(?:'d| would)? (?:like you to do|like|suggest|recommend|want you to do)(?: is)?(?: that)?(?: for you to| you| to)? ", FLAGS),
            Pattern.compile("^i(?:'d| would)? (?:suggest|recommend|encourage you to)(?: that)?(?: you)? ", FLAGS),
            Pattern.compile("^(?:so )?the (?:plan|idea|task|homework|experiment|challenge|goal|job|assignment)(?: for (?:this|the) week| then)? is(?: that)?(?: you)?(?: to)? ", FLAGS),
            Pattern.compile("^(?:so )?(?:we said|we agreed|you said|you agreed)(?: that)? you(?:'ll|'d| will| would)? ", FLAGS),
            Pattern.compile("^(?:how|what) about (?:you )?(?:if you )?", FLAGS),
            Pattern.compile("^what if you ", FLAGS),
            Pattern.compile("^(?:is|was) (?:to |that )?(?:you )?", FLAGS),
            Pattern.compile("^(?:the )?(?:next|first) (?:step|rung)(?: (?:on|of|up) the (?:ladder|hierarchy|list))? is(?: to)? ", FLAGS),
            Pattern.compile("^(?:maybe|perhaps) (?:you could |you can |you might )?", FLAGS),
            Pattern.compile("^you (?:could|can|might want to|might|should|will|need to|are going to|'re going to|'ll) (?:also |maybe |perhaps |just )?", FLAGS),
            Pattern.compile("^you're going to |^you'll ", FLAGS),
            Pattern.compile("^let's (?:also |just |maybe )?|^let us ", FLAGS),
            Pattern.compile("^i wonder (?:if|whether) (?:you could |you might |it's |it is |it might be |it would be )?(?:worth )?", FLAGS),
            Pattern.compile("^(?:it|that|this)(?:'s| is| might be| may be| would be| could be) (?:worth|good|helpful|useful)(?: to)? ", FLAGS),
            Pattern.compile("^(?:is that something you could|do you think you could|would you be (?:willing|happy|able|up for|open|okay) to"
                    + "|would you consider|are you willing to|would you like to|how would you feel about|what would you think about"
                    + "|how do you feel about|would you want to|do you want to)(?: maybe)? ", FLAGS));
    /** A closing check at a sentence's end (", yeah?", "— does that sound okay?"). */
    private static final Pattern TAG = Pattern.compile("[,\u2014\u2013-]?\\s*(?:yeah|okay|ok|alright|right|yes|is that okay|is that alright|that okay"
            + "|does that (?:sound|feel) (?:okay|ok|right|alright|good|doable|fair|manageable)|does that work(?: for you)?|how does that sound"
            + "|sound (?:okay|ok|good|fair)|if you can|do you think|can you do that|could you do that|deal)\\s*\\?+\\s*$", FLAGS);
    /** A sentence that only checks the plan ("That okay?", "Does that feel doable?"). */
    private static final Pattern CHECK_ONLY = Pattern.compile("^(?:(?:is|does|do|would|will|can|could|how|and|so)\\s+)*"
            + "(?:that|this|it|you|we)\\b[^?]{0,40}\\?$|^(?:yeah|okay|ok|right|alright|deal|agreed|yes)\\?$", FLAGS);
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.?!])\\s+");

    private DraftWriting() {
    }

    /**
     * The instructions from a task's words ({@code summary}: one or more turns' words joined by "; "),
     * one sentence per line of thought, as said to the client; at most 5,000 characters.
     */
    static String instructions(String summary) {
        List<String> sentences = new ArrayList<>();
        for (String part : parts(summary)) {
            for (String sentence : SENTENCE.split(part)) {
                String s = clean(sentence);
                if (!s.isEmpty() && !sentences.contains(s)) {
                    sentences.add(s);
                }
            }
        }
        String words = String.join(" ", sentences);
        return words.length() <= 5000 ? words : words.substring(0, 4999) + "…";
    }

    /**
     * The task in a few words: the instructions' first clause without its dose, times or period ("Go for
     * a short walk", "Thought record"), capitalised, at most 80 characters.
     */
    static String title(String summary) {
        String first = "";
        for (String part : parts(summary)) {
            for (String sentence : SENTENCE.split(part)) {
                String s = clean(sentence);
                if (s.split(" ").length >= 2 && !s.endsWith("?")) {
                    first = s;
                    break;
                }
            }
            if (!first.isEmpty()) {
                break;
            }
        }
        if (first.isEmpty()) {
            first = clean(summary == null ? "" : summary);
        }
        String t = DoseWords.withoutDose(first);
        t = t.replaceAll("^[,;:\\s]+", "");
        Matcher cut = Pattern.compile("\\s*(?:[,;:(\u2014\u2013]|\\s-\\s|\\.\\s|\\?|\\band also\\b|\\bso that\\b|\\bbecause\\b|\\band (?=(?:take|write|tell|rate|note|log|fill|keep|try|use|do|go|call"
                + "|ring|text|read|watch|listen|practise|practice|record|check|bring|make|give|ask|say|put|let|see|plan|book|wait|stop|leave|send"
                + "|share|jot|track|mark|talk|walk|have|notice|then)\\b))").matcher(t);
        while (cut.find()) {
            if (t.substring(0, cut.start()).split(" ").length >= (cut.group().strip().equals("and") ? 4 : 2)) {
                t = t.substring(0, cut.start());
                break;
            }
        }
        t = t.replaceAll("[.?!]+$", "").replaceAll("(?i)^(?:the|your|a|an) (?=\\S+ \\S)", "")
                .replaceAll("(?i)(?:\\s+(?:and|or|with|to|for|of|the|a|just|then|at|on|in|so|but|each|every|again))+$", "").strip();
        if (t.split(" ").length < 2) {
            String[] w = first.replaceAll("[.?!]+$", "").split(" ");
            t = String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, 8)));
        }
        if (t.isBlank()) {
            return "Practice agreed in the session";
        }
        t = capital(t);
        if (t.length() <= 80) {
            return t;
        }
        int at = t.lastIndexOf(' ', 79);
        return t.substring(0, at > 40 ? at : 79).replaceAll("[,;:\\s]+$", "") + "…";
    }

    private static List<String> parts(String summary) {
        List<String> parts = new ArrayList<>();
        if (summary != null) {
            for (String p : summary.split(";\\s+|\n")) {
                if (!p.isBlank()) {
                    parts.add(p.strip());
                }
            }
        }
        return parts;
    }

    /** One sentence said as an instruction; empty when it only checked the plan. */
    static String clean(String sentence) {
        String s = sentence.replace('\u2019', '\'').strip();
        s = FILLERS.matcher(s).replaceAll("");
        s = STUTTER.matcher(s).replaceAll("$1");
        s = CUT_OFF.matcher(s).replaceAll("");
        s = TAG.matcher(s).replaceAll("?");
        if (s.equals("?") || s.isEmpty()) {
            return "";
        }
        boolean changed = true;
        while (changed) {
            String before = s;
            s = LINK.matcher(s).replaceFirst("");
            s = PERIOD.matcher(s).replaceFirst("");
            for (Pattern frame : FRAMES) {
                s = frame.matcher(s).replaceFirst("");
            }
            changed = !s.equals(before);
        }
        s = s.strip();
        if (s.isEmpty() || CHECK_ONLY.matcher(s).matches() && DoseWords.guess(s).isEmpty() && s.split(" ").length <= 7) {
            return "";
        }
        // "trying two alcohol-free days" → "try two alcohol-free days"; "what if you took" → "take"
        int space = s.indexOf(' ');
        String head = (space > 0 ? s.substring(0, space) : s).toLowerCase(Locale.ROOT);
        if (VerbForms.isGerund(head) || VerbForms.isPast(head)) {
            String base = VerbForms.base(head);
            if (!base.equals(head)) {
                s = base + (space > 0 ? s.substring(space) : "");
            }
        }
        s = s.replaceAll("\\s*\\?+$", ".");
        if (!s.matches("(?s).*[.!]$")) {
            s = s + ".";
        }
        return capital(s);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
