package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.carryover.homework.Dose;

/** What a draft takes from the words: the dose only where said outright, the deciding words marked, a title. */
class DraftWordsTests {

    @Test
    void aDoseIsReadOnlyWhereTheWordsSayIt() {
        assertThat(DoseWords.guess("And keep doing the slow breathing twice a day, after breakfast and before bed.")).get()
                .extracting(DoseWords.Guess::kind, DoseWords.Guess::count, DoseWords.Guess::times)
                .containsExactly(Dose.Kind.PER_DAY, 2, "after breakfast and before bed");
        assertThat(DoseWords.guess("Try it three times this week.").get().kind()).isEqualTo(Dose.Kind.PER_PERIOD);
        assertThat(DoseWords.guess("Try it three times this week.").get().count()).isEqualTo(3);
        assertThat(DoseWords.guess("Go for a walk 2 times a week.").get().kind()).isEqualTo(Dose.Kind.PER_WEEK);
        DoseWords.Guess evening = DoseWords.guess("Keep a thought record every evening.").get();
        assertThat(evening.kind()).isEqualTo(Dose.Kind.PER_DAY);
        assertThat(evening.times()).isEqualTo("in the evening");
        assertThat(DoseWords.guess("Do the exposure on Monday and Thursday, please.").get().weekdays())
                .isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
        DoseWords.Guess trigger = DoseWords.guess("Each time you notice the worry, write it down.").get();
        assertThat(trigger.kind()).isEqualTo(Dose.Kind.TRIGGER);
        assertThat(trigger.trigger()).isEqualTo("each time you notice the worry");
        assertThat(trigger.count()).as("a target not said is left to the clinician").isNull();
        assertThat(DoseWords.guess("Keep the diary going.")).isEmpty();
        assertThat(DoseWords.guess("In Thursday's seminar, make one comment.")).isEmpty();
        assertThat(DoseWords.guess(null)).isEmpty();
    }

    @Test
    void theDecidingWordsAreMarkedInTheTurnAndTheRestKeptAside() {
        Highlights h = Highlights.of("This week, I'd like you to keep a THOUGHT record.",
                List.of("this week", "thought record", "record", "client: I did the diary"));
        assertThat(h.pieces()).containsExactly(new Highlights.Piece("This week", true),
                new Highlights.Piece(", I'd like you to keep a ", false), new Highlights.Piece("THOUGHT record", true),
                new Highlights.Piece(".", false));
        assertThat(h.elsewhere()).containsExactly("client: I did the diary");
        assertThat(Highlights.of(null, List.of("this week")).elsewhere()).containsExactly("this week");
    }

    @Test
    void aTitleIsTheTasksFirstClauseCapitalised() {
        assertThat(TranscriptDetections.title(detection("write the prediction on the experiment sheet, rate how much you "
                + "believe it, and afterwards write down what actually happened; Same sheet.")))
                .isEqualTo("Write the prediction on the experiment sheet");
        assertThat(TranscriptDetections.title(detection("keep a thought record every evening before bed")))
                .as("the dose has its own field; the title names the task").isEqualTo("Keep a thought record");
        assertThat(TranscriptDetections.title(detection(""))).isEqualTo("Practice agreed in the session");
    }

    @Test
    void aTargetSaidAsAimingForIsTheCount() {
        DoseWords.Guess trigger = DoseWords.guess("Fill in a thought record each time it shows up, aiming for three?").get();
        assertThat(trigger.kind()).isEqualTo(Dose.Kind.TRIGGER);
        assertThat(trigger.count()).as("so Assign does not fail for want of a target").isEqualTo(3);
        assertThat(trigger.trigger()).isEqualTo("each time it shows up");
        DoseWords.Guess evenings = DoseWords.guess("Fill in a thought record each evening, aiming for three.").get();
        assertThat(evenings).extracting(DoseWords.Guess::kind, DoseWords.Guess::count, DoseWords.Guess::times)
                .containsExactly(Dose.Kind.PER_PERIOD, 3, "in the evening");
        assertThat(DoseWords.guess("Whenever the urge comes, wait, at least four times before next week.").get())
                .extracting(DoseWords.Guess::kind, DoseWords.Guess::count).containsExactly(Dose.Kind.TRIGGER, 4);
        assertThat(DoseWords.guess("Aim for two this week.").get()).extracting(DoseWords.Guess::kind, DoseWords.Guess::count)
                .containsExactly(Dose.Kind.PER_PERIOD, 2);
        assertThat(DoseWords.guess("Go for a walk twice this week.").get()).extracting(DoseWords.Guess::kind, DoseWords.Guess::count)
                .containsExactly(Dose.Kind.PER_PERIOD, 2);
        assertThat(DoseWords.guess("Swap the crisps for fruit three days a week.").get())
                .extracting(DoseWords.Guess::kind, DoseWords.Guess::count).containsExactly(Dose.Kind.PER_WEEK, 3);
        assertThat(DoseWords.guess("Go for a short walk every morning before work.").get())
                .extracting(DoseWords.Guess::kind, DoseWords.Guess::count, DoseWords.Guess::times)
                .containsExactly(Dose.Kind.PER_DAY, 1, "in the morning and before work");
        assertThat(DoseWords.guess("Plan one nice thing for Saturday and Sunday.").get().weekdays())
                .isEqualTo(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(DoseWords.guess("See you on Monday.").get().weekdays()).as("one day with 'on' is still read")
                .isEqualTo(Set.of(DayOfWeek.MONDAY));
        assertThat(DoseWords.guess("Keep the diary going, the one we did last week.")).isEmpty();
    }

    @Test
    void instructionsAreTheTaskSaidAsAnInstruction() {
        assertThat(DraftWriting.instructions("So this week, could you fill in a thought record each time it shows up, aiming for three?"))
                .isEqualTo("Fill in a thought record each time it shows up, aiming for three.");
        assertThat(DraftWriting.instructions("How about trying two alcohol-free days a week to start with?"))
                .isEqualTo("Try two alcohol-free days a week to start with.");
        assertThat(DraftWriting.instructions("Um, I'd like you to to go for a a short walk every morning, yeah?"))
                .isEqualTo("Go for a short walk every morning.");
        assertThat(DraftWriting.instructions("And the other thing is to keep a note of the tantrums on the chart."))
                .isEqualTo("Keep a note of the tantrums on the chart.");
        assertThat(DraftWriting.instructions("would you think about maybe having two alcohol-free days a week; "
                + "So Sundays alcohol-free from now till I see you. That okay?"))
                .as("a plan proposed and confirmed over two turns, the closing check left out")
                .isEqualTo("Have two alcohol-free days a week. Sundays alcohol-free from now till I see you.");
    }

    @Test
    void aTitleNamesTheTaskWithoutItsDose() {
        assertThat(DraftWriting.title("So this week, could you fill in a thought record each time it shows up, aiming for three?"))
                .isEqualTo("Fill in a thought record");
        assertThat(DraftWriting.title("I'd like you to go for a short walk every morning before work.")).isEqualTo("Go for a short walk");
        assertThat(DraftWriting.title("First, the thought record — every time you notice that sinking feeling, jot it down."))
                .isEqualTo("Thought record");
        assertThat(DraftWriting.title("so the plan is you take the new tablet every morning with breakfast and keep it by the kettle"))
                .isEqualTo("Take the new tablet with breakfast");
    }

    @Test
    void aWorksheetIsLinkedOnlyWhenTheWordsNameIt() {
        java.util.Map<String, String> offered = java.util.Map.of("thought-record", "Thought record", "sleep-diary", "Sleep diary",
                "worry-log", "Worry log and worry time", "values-card", "Values card (practice)");
        assertThat(WorksheetNames.find("could you fill in a thought record each time", offered)).get()
                .isEqualTo(new WorksheetNames.Named("thought-record", "thought record"));
        assertThat(WorksheetNames.find("keep your thought diary going", offered).get().key()).isEqualTo("thought-record");
        assertThat(WorksheetNames.find("the sleep diary each morning and the worry log at six", offered).get().key())
                .as("the first named").isEqualTo("sleep-diary");
        assertThat(WorksheetNames.find("fill in the values card on Sunday", offered).get().key()).as("a practice's own, by its title")
                .isEqualTo("values-card");
        assertThat(WorksheetNames.find("keep the mood diary going", offered)).as("not offered to this clinician").isEmpty();
        assertThat(WorksheetNames.find("write down what you were thinking", offered)).isEmpty();
    }

    private static StoredDetection detection(String summary) {
        return new StoredDetection(null, null, null, 1, StoredDetection.Kind.ASSIGNS, HomeworkCategory.JOURNALING, true,
                summary, List.of(), null, StoredDetection.State.PROPOSED, null, null, null);
    }
}
