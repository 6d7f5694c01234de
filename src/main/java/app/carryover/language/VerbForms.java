package app.carryover.language;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cheap tense cues for English verbs, by table and suffix rather than by tagging: the base form of
 * a verb ("kept" → "keep", "practicing" → "practice") and whether a word reads as a past form.
 * Right for the common verbs of everyday speech; {@link Language#lemmas} is there when a word
 * needs its context to decide.
 */
public final class VerbForms {

    private static final Map<String, String> IRREGULAR = new HashMap<>();
    private static final Set<String> NOT_PAST = Set.of(
            "need", "bed", "red", "shed", "seed", "speed", "feed", "bleed", "breed", "weed", "hundred", "sacred",
            "naked", "wicked", "led", "wed", "sled", "indeed", "proceed", "succeed", "exceed", "embed", "ted",
            "fred", "ned", "reed", "deed", "greed", "heed", "steed", "tweed", "shred", "bred");
    private static final Set<String> PAST_ONLY = Set.of(
            "did", "went", "was", "were", "had", "made", "kept", "wrote", "tried", "got", "felt", "took", "gave",
            "sent", "told", "said", "thought", "bought", "brought", "caught", "taught", "found", "left", "saw",
            "came", "ran", "sat", "stood", "spoke", "forgot", "began", "ate", "drank", "slept", "woke", "rang",
            "heard", "held", "lost", "met", "paid", "spent", "understood", "drove", "rode", "swam", "knew", "grew",
            "threw", "chose", "fell", "broke", "wore", "became", "managed", "gone", "done", "written", "given",
            "taken", "seen", "eaten", "forgotten", "spoken", "driven", "chosen", "begun", "stuck", "dug", "hung",
            "won", "sung", "led", "fled", "lit", "fought", "sought", "meant", "dealt", "built", "lent",
            "bent", "burnt", "learnt", "dreamt", "leapt", "knelt", "spelt", "sold");

    static {
        String[][] irregular = {
                {"did", "do"}, {"done", "do"}, {"does", "do"}, {"doing", "do"}, {"going", "go"}, {"being", "be"},
                {"seeing", "see"}, {"saying", "say"}, {"trying", "try"}, {"paying", "pay"}, {"playing", "play"},
                {"staying", "stay"}, {"buying", "buy"}, {"eating", "eat"}, {"reading", "read"}, {"asking", "ask"}, {"went", "go"}, {"gone", "go"},
                {"goes", "go"}, {"was", "be"}, {"were", "be"}, {"is", "be"}, {"are", "be"}, {"am", "be"},
                {"been", "be"}, {"had", "have"}, {"has", "have"}, {"made", "make"}, {"kept", "keep"},
                {"wrote", "write"}, {"written", "write"}, {"tried", "try"}, {"tries", "try"}, {"got", "get"},
                {"gotten", "get"}, {"felt", "feel"}, {"took", "take"}, {"taken", "take"}, {"gave", "give"},
                {"given", "give"}, {"sent", "send"}, {"told", "tell"}, {"said", "say"}, {"says", "say"},
                {"thought", "think"}, {"bought", "buy"}, {"brought", "bring"}, {"caught", "catch"},
                {"taught", "teach"}, {"found", "find"}, {"left", "leave"}, {"saw", "see"}, {"seen", "see"},
                {"came", "come"}, {"ran", "run"}, {"sat", "sit"}, {"stood", "stand"}, {"spoke", "speak"},
                {"spoken", "speak"}, {"forgot", "forget"}, {"forgotten", "forget"}, {"began", "begin"},
                {"begun", "begin"}, {"ate", "eat"}, {"eaten", "eat"}, {"drank", "drink"}, {"slept", "sleep"},
                {"woke", "wake"}, {"rang", "ring"}, {"heard", "hear"}, {"held", "hold"}, {"lost", "lose"},
                {"met", "meet"}, {"paid", "pay"}, {"spent", "spend"}, {"understood", "understand"},
                {"drove", "drive"}, {"driven", "drive"}, {"rode", "ride"}, {"swam", "swim"}, {"knew", "know"},
                {"grew", "grow"}, {"threw", "throw"}, {"chose", "choose"}, {"chosen", "choose"}, {"fell", "fall"},
                {"broke", "break"}, {"wore", "wear"}, {"became", "become"}, {"stuck", "stick"}, {"won", "win"},
                {"led", "lead"}, {"lit", "light"}, {"fought", "fight"}, {"meant", "mean"}, {"dealt", "deal"},
                {"built", "build"}, {"lent", "lend"}, {"learnt", "learn"}, {"sold", "sell"}, {"lying", "lie"},
                {"dying", "die"}, {"tying", "tie"}, {"practiced", "practice"}, {"practicing", "practice"},
                {"practices", "practice"}, {"read", "read"}, {"put", "put"}, {"set", "set"}, {"let", "let"},
                {"cut", "cut"}, {"hit", "hit"}, {"shut", "shut"}, {"quit", "quit"}, {"hurt", "hurt"},
                {"cost", "cost"}, {"sees", "see"}, {"uses", "use"}, {"used", "use"}, {"using", "use"},
                {"notes", "note"}, {"noted", "note"}, {"noting", "note"}, {"rates", "rate"}, {"rated", "rate"},
                {"rating", "rate"}, {"writing", "write"}, {"writes", "write"}, {"making", "make"},
                {"taking", "take"}, {"giving", "give"}, {"having", "have"}, {"coming", "come"},
                {"leaving", "leave"}, {"living", "live"}, {"noticing", "notice"}, {"noticed", "notice"},
                {"notices", "notice"}, {"continuing", "continue"}, {"continued", "continue"},
                {"scheduling", "schedule"}, {"scheduled", "schedule"}, {"completing", "complete"},
                {"completed", "complete"}, {"breathing", "breathe"}, {"breathed", "breathe"},
                {"exercising", "exercise"}, {"exercised", "exercise"}, {"saving", "save"},
                {"driving", "drive"}, {"arriving", "arrive"}, {"arrived", "arrive"}, {"closing", "close"},
                {"closed", "close"}, {"moving", "move"}, {"moved", "move"}, {"hoping", "hope"}, {"hoped", "hope"},
                {"baking", "bake"}, {"baked", "bake"}, {"phoning", "phone"}, {"phoned", "phone"},
                {"challenging", "challenge"}, {"challenged", "challenge"}, {"rehearsing", "rehearse"},
                {"rehearsed", "rehearse"}, {"sharing", "share"}, {"shared", "share"}, {"smiling", "smile"},
                {"invite", "invite"}, {"inviting", "invite"}, {"invited", "invite"}, {"placing", "place"},
                {"placed", "place"}, {"surfing", "surf"}, {"jogging", "jog"}, {"jogged", "jog"},
                {"stopping", "stop"}, {"stopped", "stop"}, {"planning", "plan"}, {"planned", "plan"},
                {"jotting", "jot"}, {"jotted", "jot"}, {"getting", "get"}, {"sitting", "sit"},
                {"putting", "put"}, {"setting", "set"}, {"running", "run"}, {"swimming", "swim"},
                {"shopping", "shop"}, {"shopped", "shop"}, {"chatting", "chat"}, {"chatted", "chat"},
                {"logging", "log"}, {"logged", "log"}, {"skipping", "skip"}, {"skipped", "skip"},
                {"dropping", "drop"}, {"dropped", "drop"}, {"tapping", "tap"}, {"tapped", "tap"},
                {"hugging", "hug"}, {"hugged", "hug"}, {"texting", "text"}, {"texted", "text"},
        };
        for (String[] pair : irregular) {
            IRREGULAR.put(pair[0], pair[1]);
        }
    }

    private VerbForms() {
    }

    /** The base form if the word is an inflected verb form we can undo, else the word itself. */
    public static String base(String word) {
        String known = IRREGULAR.get(word);
        if (known != null) {
            return known;
        }
        int n = word.length();
        if (n > 5 && word.endsWith("ing")) {
            return undouble(word.substring(0, n - 3));
        }
        if (n > 4 && word.endsWith("ied")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 4 && word.endsWith("ed") && !NOT_PAST.contains(word)) {
            String stem = word.substring(0, n - 2);
            return stem.endsWith("e") ? stem : undouble(stem);
        }
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses") || word.endsWith("xes"))) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    /** Whether the word reads as a past-tense or past-participle form ("went", "filled", "tried"). */
    public static boolean isPast(String word) {
        if (PAST_ONLY.contains(word)) {
            return true;
        }
        int n = word.length();
        return n > 4 && word.endsWith("ed") && !NOT_PAST.contains(word) && !word.endsWith("eed");
    }

    /** Whether the word reads as an -ing form ("practicing", "writing"). */
    public static boolean isGerund(String word) {
        return word.length() > 5 && word.endsWith("ing") && !word.equals("morning") && !word.equals("evening")
                && !word.equals("nothing") && !word.equals("something") && !word.equals("anything")
                && !word.equals("everything") && !word.equals("thing") && !word.equals("during")
                && !word.equals("feeling") && !word.equals("meeting") && !word.equals("ceiling");
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && stem.charAt(n - 1) != 'l' && stem.charAt(n - 1) != 's'
                && stem.charAt(n - 1) != 'e' && stem.charAt(n - 1) != 'o') {
            return stem.substring(0, n - 1);
        }
        if (n >= 3 && needsE(stem)) {
            return stem + "e";
        }
        return stem;
    }

    /** "writ" → "write", "mak" → "make": consonant, single vowel, consonant endings that drop an e. */
    private static boolean needsE(String stem) {
        int n = stem.length();
        char last = stem.charAt(n - 1);
        char mid = stem.charAt(n - 2);
        char first = stem.charAt(n - 3);
        boolean lastConsonant = "bcdfgkmnprstvz".indexOf(last) >= 0;
        boolean vowel = "aeiou".indexOf(mid) >= 0;
        boolean before = "aeiou".indexOf(first) < 0;
        return lastConsonant && vowel && before && (last == 'v' || last == 'z' || last == 'c' || stem.endsWith("at")
                || stem.endsWith("ut") || stem.endsWith("it") && n <= 4);
    }
}
