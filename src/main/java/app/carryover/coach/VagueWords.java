package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.carryover.language.WordStems;

/**
 * The word lists behind {@link VagueCues}: verbs and words of attitude, verbs of doing, abstract nouns,
 * hedges, and the everyday phrases for an intention rather than an action. Written from how clinicians
 * and self-help texts phrase vague homework in general, not copied from the development set.
 */
final class VagueWords {

    private VagueWords() {
    }

    /** Predicates that ask for an attitude, a feeling or a thought rather than an action. */
    static final Set<String> ATTITUDE_VERBS = Lexicon.stems("""
            be feel think reflect consider remember focus accept trust believe embrace honour honor allow appreciate
            understand realise realize recognise recognize relax calm stay remain value cherish love forgive let
            imagine wonder ponder contemplate mind heal grieve enjoy treasure respect welcome tolerate care cope
            prioritise prioritize aim strive hope wish want mull muse brood dwell digest introspect deliberate
            """);

    /** Adjectives of attitude and mood ('be kind', 'stay positive'). */
    static final Set<String> ATTITUDE_WORDS = Lexicon.stems("""
            calm positive kind kinder gentle patient mindful present aware consistent motivated confident open brave
            strong grateful compassionate relaxed active social assertive adventurous organised organized focused
            optimistic hopeful balanced grounded centred centered careful honest yourself worth positives positivity
            mindset attitude perspective perfection guilt feelings emotions fears discomfort uncertainty process values
            boundaries communication wellbeing well-being self-care selfcare health best potential journey growth
            resilience energy stress vibes kindness gratitude acceptance peace balance happiness soul headspace
            introspection self-reflection willpower will-power self-control discipline self-discipline determination
            judgement judgment
            """);

    /** References back to the session or to whatever the client makes of it. */
    static final Set<String> HEDGES = Lexicon.words("""
            whatever whichever everything anything something things stuff discussed covered resonated resonates
            resonate came comes talked fits useful helpful ready possible bit little somehow generally ideas maybe
            perhaps might
            """);

    /** Verbs of doing that name a behaviour someone could watch ('walk', 'call', 'write', 'touch'). */
    static final Set<String> ACTION_VERBS = Lexicon.stems("""
            walk call phone ring text email message write fill complete record log note tick mark rate tally list
            read listen watch visit attend go eat drink touch sit stand ride drive take travel say ask give tell
            greet practise practice do play spin lift tense breathe set put leave switch install book arrange plan
            schedule sort throw buy cook clean shower dress pack bring carry hold wear use swap delay limit wait
            stop skip avoid cancel submit send post join meet invite share show sing hum count describe draw
            photograph film time timer alarm lie turn open close lock unlock park queue order pay return repeat
            rehearse role-play roleplay journal jot track monitor weigh measure study revise exercise run jog swim
            cycle stretch meditate pray hug kiss praise reward ignore collect draft edit print start introduce
            name delete remove uninstall unfollow mute block unsubscribe cover hide
            """);

    /** Nouns too general to make a task concrete ('things', 'feelings', 'your best'). */
    static final Set<String> ABSTRACT_NOUNS = Lexicon.stems("""
            thing things stuff feeling feelings emotion emotions thought thoughts fear fears self yourself life way
            ways time times day week session today what it them this that everything anything something lot more
            less bit best side process approach mindset attitude perspective worth value values boundary boundaries
            communication relationship relationships wellbeing health habit habits behaviour behavior change changes
            progress goal goals problem problems issue issues situation situations discomfort guilt uncertainty
            positives negatives urge urges compulsions compulsion trigger triggers sign signs body mind heart
            skill skills exercise exercises strategy strategies technique techniques tool tools tip tips idea ideas
            symptom symptoms anxiety panic tic tics worry worries mood moods stuff homework plan plans work effort
            """);

    /** Everyday phrases for an intention rather than an action, matched by stem at the main verb. */
    static final String[][] VAGUE_IDIOMS = idioms("""
            wind down | unwind | switch off | clear your mind | clear your head | have a think | take it easy
            go easy on yourself | keep a lid on | keep calm | chill out | lighten up | loosen up | move on
            get over it | pull yourself together | be yourself | do your best | do what you can | give it a go
            take it one day at a time | go with the flow | stay strong | keep going | keep your chin up | hang in there
            think positive | see how it goes | play it by ear | open up | reach out | treat yourself | rest up
            get some rest | get better rest | get more rest | slow down | make an effort | make more of an effort
            make peace with | give yourself permission | give yourself time | push yourself | look on the bright side
            count your blessings | stop and smell | step back | take a step back | put it behind you | let it be
            trust yourself | trust your gut | follow your gut | follow your heart | find ways to | find a way to
            find time to | find time for | look for ways | work through it | work through your | deal with it
            sort yourself out | get on top of | stay on top of | get a handle on | keep it together | try your best
            give in | give up | ease back into | ease into | at your own pace | go at your own pace | take things
            tune in | tune into | check in with yourself | get in touch with | connect with your feelings
            get your head | get out of your comfort | step out of your comfort | step outside your comfort
            push your comfort | stretch your comfort | get into a better | get in a better | find your feet
            chew over | chew on | mull it over | sleep on it | turn it over
            keep your cool | keep cool | keep your temper | hold your temper | keep your head | get out and about
            go overboard | go over the top | go mad
            """);

    /** Openings that only frame the task: 'I'd like you to', 'this week', 'your homework is to', 'see if you can'. */
    static final String[][] PREAMBLES = idioms("""
            i'd like you to | i would like you to | i want you to | i'd love you to | i'd like both of you to
            your homework is to | your task is to | the task is to | the homework is to | the idea is to
            we agreed that you will | we agreed you'd | we agreed you will | we agreed to | you agreed to
            see if you can | why not | it would be good to | it'd be good to | it might help to | you could
            you should | you might | you can | you will | you'll | i'd suggest you | i suggest you | let's
            can you | could you | this week | over the next week | before next session | before we meet
            between now and next time | for homework | as homework | aim to | make sure you | remember to
            both of you | each of you | together
            client to | client will | client agreed to | client is to | client was encouraged to | pt to | pt will
            patient to | patient will | couple to | parents to | parent to | family to | encouraged to | agreed to
            asked to | advised to | continue to | hw : | homework : | homework - | hw - | plan : | task :
            you must | you need to | you have to | you've got to | you ought to | you're to
            have a go at | have a crack at | have a stab at | have a bash at | have a try at | give it a go and
            if you could | if you can | if you would | aim for
            """);

    /** Plural nouns for a class of skills or tips, not one named technique ('your coping skills'). */
    static final Set<String> GENERIC_PLURALS = Lexicon.words("skills strategies techniques tools things tips ideas "
            + "stuff methods exercises");

    /** Verbs (with their particle) of fixing or keeping up an area of life: 'sort out', 'improve', 'build on'. */
    static final String[][] FIX_VERBS = idioms("""
            sort out | fix | improve | tackle | manage | handle | deal with | address | build on | build upon | hold onto
            | hold on to | hang on to | hang onto | keep up | stick with | work at | get back on | keep on top of
            | sort | up | step up | boost | increase | reduce | lower | cut down on | rein in | get a grip on
            | get to grips with | take control of | take charge of | watch | keep an eye on | be careful with
            | go easy on | ease off | ease up on | lay off
            """);

    /** Nouns for a whole area of life or of the work done, not a thing to act on ('your sleep', 'the progress'). */
    static final Set<String> DOMAIN_NOUNS = Lexicon.words("""
            sleep sleeping eating drinking diet routine routines life lifestyle mood moods stress health habits weight fitness
            spending finances money confidence self-esteem progress gains momentum work practice recovery wellbeing
            well-being relationship marriage drinking smoking gambling gaming anxiety worry worrying
            diet intake salt sugar sugars glucose carbs caffeine snacking activity levels level medication medications
            meds medicine medicines tablets pills cholesterol vaping use consumption bedtime bedtimes schoolwork
            posture booze alcohol portions spending
            """);

    /** Words of quality that make an area of life the object of a task ('eat a balanced diet', 'a healthy routine'). */
    static final Set<String> QUALITY_WORDS = Lexicon.words("""
            balanced healthy healthier better good sensible proper normal varied regular nutritious
            """);

    static final Set<String> PREPOSITIONS = Lexicon.words("around about with within over under of for from to in on at after "
            + "before during since by into onto towards toward across through");

    static final Set<String> INNER = Lexicon.stems("hunger cues signals instinct instincts intuition heart gut "
            + "feelings emotions thoughts mind inner self");

    /** Verbs that say little until their object does ('practise self-care', 'do your best'). */
    static final Set<String> GENERIC_VERBS = Lexicon.stems("practise practice do use try make take have find build "
            + "develop show work keep get give");

    static String[][] idioms(String text) {
        String[] phrases = text.split("[|\\n]");
        List<String[]> out = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase.isBlank()) {
                continue;
            }
            String[] words = phrase.trim().split("\\s+");
            for (int j = 0; j < words.length; j++) {
                // "let's" must not become "let": words with an apostrophe are matched as written
                words[j] = words[j].indexOf('\'') >= 0 ? words[j] : WordStems.stem(words[j]);
            }
            out.add(words);
        }
        return out.toArray(new String[0][]);
    }
}
