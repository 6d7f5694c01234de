package app.carryover.coach;

import java.util.Set;

/**
 * The word lists behind {@link PurposeCues}: purpose verbs, the words that make a 'to' a complement
 * rather than a purpose, claim verbs, and the words that open an instruction or a statement.
 */
final class PurposeWords {

    private PurposeWords() {
    }

    /** Verbs whose infinitive after 'to' states a purpose ('to test', 'to help', 'to see whether'). */
    static final Set<String> PURPOSE_VERBS = Lexicon.stems("""
            help test see show prove learn find discover check notice build boost lower reduce shift clarify spot start
            begin encourage gather strengthen break keep make give get improve increase lift ease calm settle train teach
            remind track understand measure compare practise practice consolidate loosen weaken challenge demonstrate
            explore experience let allow support restore protect prevent stop avoid counter interrupt regulate raise rebuild
            create develop bring widen broaden observe evaluate assess judge weigh
            """);

    /** Words before 'to' that make the infinitive a complement, not a purpose ('try to', 'want to'). */
    static final Set<String> CONTROL_WORDS = Lexicon.words("""
            try trying tried want wants need needs remember going able have has had how learn learning start begin aim
            plan planning decide agree ask tell allow continue like love hope expect seem used forget manage choose
            promise attempt hard easy easier harder time way ready free willing reluctant afraid supposed due about
            else next back up down over out ought be prepared refuse fail tend struggle get got make urge urges need
            needs chance reason ability desire temptation impulse pressure permission courage effort energy plans
            wish wishes trying client clients pt patient couple parent parents family encouraged agreed asked advised
            continue continues invited reminded
            """);

    /** Frames that state what the task is for ('we're testing', 'the aim is'). */
    static final Set<String> AIM_NOUNS = Lexicon.words("aim goal point idea purpose reason hope plan intention focus");

    /** Verbs of claims about what the practice does ('reduces', 'helps', 'is key'). */
    static final Set<String> CLAIM_VERBS = Lexicon.stems("""
            help helps make makes reduce reduces lift lifts keep keeps build builds teach teaches let lets stop stops
            feed feeds drive drives lower lowers matter matters mean means work works restore restores allow allows
            avoid avoids regulate regulates train trains rebuild rebuilds break breaks tend tends show shows prove
            proves give gives ease eases calm calms settle settles boost boosts improve improves increase increases
            strengthen strengthens weaken weakens maintain maintains fuel fuels shrink shrinks grow grows cause causes
            lead leads protect protects prevent prevents create creates change changes support supports count counts
            pass passes fade fades fall falls decrease decreases
            """);

    static final Set<String> COPULAS = Lexicon.words("is are 's 're was be isn't aren't");

    /** First words that make a clause a statement about the world rather than an instruction. */
    static final Set<String> STATEMENT_STARTS = Lexicon.words("""
            this that these those it it's they there regular small even steady daily morning evening short regularly
            repeated consistent consistency awareness motivation research evidence most many everyone nobody people
            life avoidance relaxation recovery habits
            """);

    /** Words that start an instruction; a clause starting with one is not a statement. */
    static final Set<String> INSTRUCTION_STARTS = Lexicon.words("""
            try be keep do don't go use write fill record note rate tick mark take make spend set put practise practice
            listen read watch walk call phone ring text ask say tell give get let look sit stand stay start stop avoid
            limit leave eat drink plan book visit attend notice think reflect consider remember focus accept trust
            believe allow embrace honour honor work apply find pick choose bring add swap repeat continue build break
            have lie ride drive touch hold check send buy join meet show wear open close turn switch carry cut delay
            resist sort list describe follow complete keep arrange schedule identify imagine rehearse prepare learn
            again then afterwards after before when whenever if once on in at for during by each every from until as
            within over with without while please also just first next finally now today tonight tomorrow no
            """);

    /** Words after 'so' that make it an intensifier or a filler, not a purpose. */
    static final Set<String> NOT_PURPOSE_SO = Lexicon.words("""
            much many far long often bad badly good well hard easy little few on forth called to as quickly slowly
            early late close near big small busy tired anxious scared worried strong intense overwhelming sure
            """);

    static final Set<String> ADVERBS = Lexicon.words("only just really actually often usually always also "
            + "probably generally tends");

    /** People a task is given to in the third person; a clause they start is an instruction, whatever its verb. */
    static final Set<String> THIRD_PARTIES = Lexicon.words("""
            mum mom dad father mother parent parents partner husband wife son daughter child children teacher carer
            client clients pt patient couple family
            """);

    /** Subjects that make a statement an instruction to someone else ('Mum notes…', 'your partner reads…'). */
    static final Set<String> PERSON_WORDS = Lexicon.words("""
            mum mom dad father mother parent parents partner husband wife son daughter child children teacher carer
            you he she they we i both everyone nobody someone client clients pt patient couple family ur u youre you're
            """);

    /** Words that open a subordinate clause; a subject's verb comes before them. */
    static final Set<String> SUBORDINATORS = Lexicon.words("when whenever if unless until while whether wherever although though "
            + "what whatever how why which who");

    /** Words before 'so' that make it a discourse marker ('ok so the plan: …'). */
    static final Set<String> BEFORE_DISCOURSE_SO = Lexicon.words("ok okay right alright well um erm anyway");

    /** Verbs of arranging the follow-up after 'we'll' ('we'll pick it up', 'we'll review it'). */
    static final Set<String> FOLLOW_UP_VERBS = Lexicon.stems("pick review talk discuss chat catch debrief revisit follow recap");
}
