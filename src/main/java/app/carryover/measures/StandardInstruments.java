package app.carryover.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.carryover.measures.Instrument.Band;
import app.carryover.measures.Instrument.Choice;
import app.carryover.measures.Instrument.Item;
import app.carryover.measures.Instrument.Kind;
import app.carryover.measures.Instrument.Respondent;

/**
 * The instruments Carryover ships with. The PHQ-9, PHQ-8 and GAD-7 are given word for word as their
 * authors published them (Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613; Kroenke et
 * al. 2009, J Affect Disord 114:163–173; Spitzer et al. 2006, Arch Intern Med 166:1092–1097), which
 * the authors allow without permission ("no permission is required to reproduce, translate, display
 * or distribute", phqscreeners.com). The homework ratings are Carryover's own words.
 */
final class StandardInstruments {

    static final String HOMEWORK_CLIENT = "HOMEWORK_CLIENT";
    static final String HOMEWORK_CLINICIAN = "HOMEWORK_CLINICIAN";

    private static final String PHQ_CREDIT = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
            + "colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
            + "display or distribute.";
    private static final String TWO_WEEKS = "Over the last 2 weeks, how often have you been bothered by any of the "
            + "following problems?";

    /** Not at all … nearly every day, 0–3, with their LOINC answer codes. */
    private static final List<Choice> FREQUENCY = List.of(new Choice(0, "Not at all", "LA6568-5"),
            new Choice(1, "Several days", "LA6569-3"), new Choice(2, "More than half the days", "LA6570-1"),
            new Choice(3, "Nearly every day", "LA6571-9"));
    private static final List<Choice> DIFFICULTY = List.of(new Choice(0, "Not difficult at all", null),
            new Choice(1, "Somewhat difficult", null), new Choice(2, "Very difficult", null),
            new Choice(3, "Extremely difficult", null));

    private static final String[][] PHQ_ITEMS = {
        {"44250-9", "Little interest or pleasure in doing things"},
        {"44255-8", "Feeling down, depressed, or hopeless"},
        {"44259-0", "Trouble falling or staying asleep, or sleeping too much"},
        {"44254-1", "Feeling tired or having little energy"},
        {"44251-7", "Poor appetite or overeating"},
        {"44258-2", "Feeling bad about yourself — or that you are a failure or have let yourself or your family down"},
        {"44252-5", "Trouble concentrating on things, such as reading the newspaper or watching television"},
        {"44253-3", "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
                + "fidgety or restless that you have been moving around a lot more than usual"},
        {"44260-8", "Thoughts that you would be better off dead or of hurting yourself in some way"},
    };
    private static final String[][] GAD_ITEMS = {
        {"69725-0", "Feeling nervous, anxious or on edge"},
        {"68509-9", "Not being able to stop or control worrying"},
        {"69733-4", "Worrying too much about different things"},
        {"69734-2", "Trouble relaxing"},
        {"69735-9", "Being so restless that it is hard to sit still"},
        {"69689-8", "Becoming easily annoyed or irritable"},
        {"69736-7", "Feeling afraid as if something awful might happen"},
    };

    static final Instrument PHQ9 = new Instrument(Measure.PHQ9.key(), "PHQ-9", "Patient Health Questionnaire (PHQ-9)",
            TWO_WEEKS, Kind.SYMPTOM, Respondent.CLIENT, Measure.PHQ9, frequencyItems(PHQ_ITEMS, 9, "69722-7",
                    "If you checked off any problems, how difficult have these problems made it for you to do your work, "
                            + "take care of things at home, or get along with other people?"),
            List.of(new Band(0, 4, "minimal"), new Band(5, 9, "mild"), new Band(10, 14, "moderate"),
                    new Band(15, 19, "moderately severe"), new Band(20, 27, "severe")),
            1, true, null, PHQ_CREDIT);

    static final Instrument PHQ8 = new Instrument(Measure.PHQ8.key(), "PHQ-8", "Patient Health Questionnaire (PHQ-8)",
            TWO_WEEKS, Kind.SYMPTOM, Respondent.CLIENT, Measure.PHQ8, frequencyItems(
                    Arrays.copyOf(PHQ_ITEMS, 8), 0, null,
                    "If you checked off any problems, how difficult have these problems made it for you to do your work, "
                            + "take care of things at home, or get along with other people?"),
            List.of(new Band(0, 4, "minimal"), new Band(5, 9, "mild"), new Band(10, 14, "moderate"),
                    new Band(15, 19, "moderately severe"), new Band(20, 24, "severe")),
            1, true, null, PHQ_CREDIT);

    static final Instrument GAD7 = new Instrument(Measure.GAD7.key(), "GAD-7", "Generalised Anxiety Disorder scale (GAD-7)",
            "Over the last 2 weeks, how often have you been bothered by the following problems?", Kind.SYMPTOM,
            Respondent.CLIENT, Measure.GAD7, frequencyItems(GAD_ITEMS, 0, "69726-8",
                    "If you checked off any problems, how difficult have these made it for you to do your work, take care "
                            + "of things at home, or get along with other people?"),
            List.of(new Band(0, 4, "minimal"), new Band(5, 9, "mild"), new Band(10, 14, "moderate"),
                    new Band(15, 21, "severe")),
            1, true, null, PHQ_CREDIT);

    /** The client's look at one piece of homework: how much, how well, how useful, how hard (0–4). */
    static final Instrument HOMEWORK_BY_CLIENT = new Instrument(HOMEWORK_CLIENT, "Homework rating",
            "Your practice this week", "Thinking about this practice since your last session:", Kind.HOMEWORK_CLIENT,
            Respondent.CLIENT, null, List.of(
                    rating(1, "How much of it did you do?", "None of it", "A little", "About half", "Most of it", "All of it"),
                    rating(2, "When you did it, how well could you do it the way you planned?", "Not at all", "A little",
                            "Partly", "Mostly", "Fully"),
                    rating(3, "How useful was it for you?", "Not at all useful", "A little useful", "Somewhat useful",
                            "Quite useful", "Very useful"),
                    rating(4, "How hard was it?", "Not hard at all", "A little hard", "Somewhat hard", "Quite hard",
                            "Very hard")),
            List.of(), 0, false, null, "Carryover's own rating, written for this project.");

    /** The clinician's rating of one piece of homework at review: amount, quality, usefulness, difficulty (0–4). */
    static final Instrument HOMEWORK_BY_CLINICIAN = new Instrument(HOMEWORK_CLINICIAN, "Homework rating (clinician)",
            "Clinician's homework rating", "Rate this assignment as it was carried out since it was set:",
            Kind.HOMEWORK_CLINICIAN, Respondent.CLINICIAN, null, List.of(
                    rating(1, "Amount: how much of the agreed practice was done?", "None", "Under a quarter",
                            "About half", "Most", "All, or more than agreed"),
                    rating(2, "Quality: how closely did the practice follow what was agreed (setting, length, attention, "
                            + "without safety behaviours)?", "Not at all", "Slightly", "Partly", "Largely", "Fully"),
                    rating(3, "Usefulness: how much did it move the client toward the goal it serves?", "Not at all",
                            "A little", "Somewhat", "Clearly", "A great deal"),
                    rating(4, "Difficulty: how demanding was the task for this client at this point?", "Far too easy",
                            "Easy", "About right", "Hard", "Far too hard")),
            List.of(), 0, false, null, "Carryover's own rating, written for this project.");

    static final List<Instrument> ALL = List.of(PHQ9, GAD7, PHQ8, HOMEWORK_BY_CLIENT, HOMEWORK_BY_CLINICIAN);
    private static final Map<String, Instrument> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(Instrument::key, Function.identity()));

    private StandardInstruments() {
    }

    static Instrument byKey(String key) {
        return BY_KEY.get(key);
    }

    static Instrument of(Measure measure) {
        return BY_KEY.get(measure.key());
    }

    /** Frequency items 0–3 from {code, text} pairs; item {@code riskItem} (1-based, 0 for none) raises an alert above 0. */
    private static List<Item> frequencyItems(String[][] items, int riskItem, String difficultyLoinc, String difficulty) {
        List<Item> list = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            int number = i + 1;
            list.add(new Item(number, items[i][1], items[i][0], FREQUENCY, 0, 3, null, null, true,
                    number == riskItem ? 1 : null));
        }
        list.add(new Item(items.length + 1, difficulty, difficultyLoinc, DIFFICULTY, 0, 3, null, null, false, null));
        return List.copyOf(list);
    }

    private static Item rating(int number, String text, String... labels) {
        List<Choice> choices = Stream.iterate(0, i -> i + 1).limit(labels.length)
                .map(i -> new Choice(i, labels[i], null)).toList();
        return new Item(number, text, null, choices, 0, labels.length - 1, null, null, true, null);
    }
}
