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
                .isEqualTo("Keep a thought record every evening before bed");
        assertThat(TranscriptDetections.title(detection(""))).isEqualTo("Practice agreed in the session");
    }

    private static StoredDetection detection(String summary) {
        return new StoredDetection(null, null, null, 1, StoredDetection.Kind.ASSIGNS, HomeworkCategory.JOURNALING, true,
                summary, List.of(), null, StoredDetection.State.PROPOSED, null, null, null);
    }
}
