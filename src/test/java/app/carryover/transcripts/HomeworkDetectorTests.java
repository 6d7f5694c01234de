package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import app.carryover.transcripts.detection.DetectorModel;
import app.carryover.transcripts.detection.TurnFeatures;

class HomeworkDetectorTests {

    private final HomeworkDetector detector = HomeworkDetector.standard();

    private TurnDetection detect(String client, String therapist) {
        return detector.detectUtterance(client, therapist);
    }

    @Test
    void anAssignmentForTheWeekIsFoundWithItsCategoryEvidenceAndSummary() {
        TurnDetection d = detect("My sleep is all over the place.",
                "For this week, I'd like you to fill in the sleep diary every morning, within half an hour of getting up.");
        assertThat(d.assignsHomework()).isTrue();
        assertThat(d.category()).isEqualTo(HomeworkCategory.JOURNALING);
        assertThat(d.specific()).isTrue();
        assertThat(d.evidence()).isNotEmpty().allSatisfy(e -> assertThat(
                "For this week, I'd like you to fill in the sleep diary every morning, within half an hour of getting up.")
                .contains(e));
        assertThat(d.summary()).contains("sleep diary");
    }

    @Test
    void aVagueTaskStillAssignsButIsNotSpecific() {
        TurnDetection d = detect("I never know what sets me off.", "Maybe keep some notes over the week, whatever seems relevant.");
        assertThat(d.assignsHomework()).isTrue();
        assertThat(d.specific()).isFalse();
    }

    @Test
    void anExerciseDoneNowInTheRoomIsNotHomework() {
        TurnDetection d = detect("My chest is tight right now.",
                "Okay, let's slow down and do a few rounds of that breathing together, right now, before we go any further.");
        assertThat(d.assignsHomework()).isFalse();
        assertThat(d.category()).isNull();
        assertThat(d.specific()).isNull();
    }

    @Test
    void schedulingIsNotHomework() {
        assertThat(detect("Can we move to Thursday?", "Sure, Thursday at two works. I'll send you the new link.")
                .assignsHomework()).isFalse();
        assertThat(detect("", "Same time next week, then. See you Tuesday.").assignsHomework()).isFalse();
    }

    @Test
    void talkAboutHomeworkInGeneralIsNotAnAssignment() {
        TurnDetection d = detect("Do you give all your clients homework?",
                "Some people love worksheets and some never touch one. It varies a lot.");
        assertThat(d.assignsHomework()).isFalse();
        assertThat(d.reviewsHomework()).isFalse();
    }

    @Test
    void askingHowEarlierHomeworkWentIsAReviewWithEvidence() {
        TurnDetection d = detect("I did the thought records, but only on the bad days.",
                "That's when they're most useful. Which day was the hardest, and what did you catch?");
        assertThat(d.reviewsHomework()).isTrue();
        assertThat(d.assignsHomework()).isFalse();
        assertThat(d.evidence()).isNotEmpty();
    }

    @Test
    void aLifeEventIsNotAReviewOfHomework() {
        assertThat(detect("I went to my cousin's wedding.", "How was it?").reviewsHomework()).isFalse();
    }

    @Test
    void oneTurnCanReviewAndAssign() {
        TurnDetection d = detect("I kept the mood diary, and the lows are always on Mondays.",
                "So Mondays are the pattern. This week, keep the diary going and add a line each Monday evening about that morning.");
        assertThat(d.assignsHomework()).isTrue();
        assertThat(d.reviewsHomework()).isTrue();
    }

    @Test
    void speechRecognitionTextWithFillersAndNoPunctuationStillAssigns() {
        TurnDetection d = detect("i keep forgetting to do the breathing",
                "um okay so what i'd like you to do uh this week is you know set an alarm and do the breathing twice a day");
        assertThat(d.assignsHomework()).isTrue();
        assertThat(d.category()).isEqualTo(HomeworkCategory.SKILL_PRACTICE);
    }

    @Test
    void twoTasksInOneTurnAreTwoAssignmentsEachWithItsOwnWords() {
        List<Turn> turns = new ArrayList<>();
        String[][] lines = {
                {"C", "I froze in the meeting and thought, I'm useless."},
                {"T", "That sounds like a strong thought. So this week, could you fill in a thought record each time it shows up, "
                        + "aiming for three? And also, I'd like you to go for a short walk every morning before work."},
                {"C", "Okay."}};
        for (int i = 0; i < lines.length; i++) {
            turns.add(new Turn(i + 1, lines[i][0].equals("T") ? Speaker.THERAPIST : Speaker.CLIENT, lines[i][0], lines[i][1], null));
        }
        SessionDetection s = detector.detect(new Transcript("s.txt", "Dr Lee", turns, List.of()));
        assertThat(s.turns()).singleElement().satisfies(t -> assertThat(t.detection().assignsHomework()).isTrue());
        assertThat(s.assignments()).extracting(DetectedAssignment::turn, DetectedAssignment::category, DetectedAssignment::summary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, HomeworkCategory.JOURNALING,
                                "this week, could you fill in a thought record each time it shows up, aiming for three?"),
                        org.assertj.core.groups.Tuple.tuple(2, HomeworkCategory.ACTION,
                                "I'd like you to go for a short walk every morning before work."));
    }

    @Test
    void oneTaskWithItsStepsAndItsRecordStaysOneTask() {
        assertThat(app.carryover.transcripts.detection.Tasks.of("Keep practising the bus step, three times before next session, "
                + "and fill in the exposure log each time.")).hasSize(1);
        assertThat(app.carryover.transcripts.detection.Tasks.of("Write down the situation, then the thought, and rate how "
                + "strongly you believed it.")).hasSize(1);
        assertThat(app.carryover.transcripts.detection.Tasks.of("Take the tablets every morning and keep them by the kettle. "
                + "That okay?")).singleElement().satisfies(t -> assertThat(t.words())
                        .isEqualTo("Take the tablets every morning and keep them by the kettle."));
        assertThat(app.carryover.transcripts.detection.Tasks.of("Carry on with the mood tracker every evening, and let's add the "
                + "food log too.")).hasSize(2);
        assertThat(app.carryover.transcripts.detection.Tasks.of("So, homework: the breathing once a day, the sleep diary each "
                + "morning.")).extracting(app.carryover.transcripts.detection.Tasks.Task::words)
                .containsExactly("the breathing once a day", "the sleep diary each morning.");
    }

    @Test
    void aSessionIsSummarisedWithItsVerdictsAndAssignments() {
        List<Turn> turns = new ArrayList<>();
        String[][] lines = {
                {"T", "Hi Sam. Last time you were going to try the worry time each evening. How did it go?"},
                {"C", "I did it on four days."},
                {"T", "Four days! What did you notice about the worries by six o'clock?"},
                {"C", "Most of them had gone."},
                {"T", "For this week, keep the worry time going at six, and write each worry on the worry log."},
                {"C", "Okay."},
                {"T", "Same time next week, then."}};
        for (int i = 0; i < lines.length; i++) {
            turns.add(new Turn(i + 1, lines[i][0].equals("T") ? Speaker.THERAPIST : Speaker.CLIENT, lines[i][0], lines[i][1], null));
        }
        SessionDetection s = detector.detect(new Transcript("s.txt", "Dr Lee", turns, List.of()));
        assertThat(s.turns()).hasSize(4);
        assertThat(s.homeworkReviewed()).isTrue();
        assertThat(s.homeworkAssigned()).isTrue();
        assertThat(s.turns().get(0).detection().reviewsHomework()).isTrue();
        assertThat(s.turns().get(3).detection().assignsHomework()).isFalse();
        assertThat(s.assignments()).singleElement().satisfies(a -> {
            assertThat(a.turn()).isEqualTo(5);
            assertThat(a.line()).contains("worry");
        });
    }

    @Test
    void aSessionWithoutHomeworkTalkHasNeither() {
        List<Turn> turns = List.of(
                new Turn(1, Speaker.THERAPIST, "T", "Where would you like to start today?", null),
                new Turn(2, Speaker.CLIENT, "C", "My dad, I think.", null),
                new Turn(3, Speaker.THERAPIST, "T", "What comes to mind when you think of him?", null),
                new Turn(4, Speaker.CLIENT, "C", "Shouting.", null),
                new Turn(5, Speaker.THERAPIST, "T", "We'll stop there for today. I'll see you on Thursday.", null));
        SessionDetection s = detector.detect(new Transcript("p.txt", "", turns, List.of()));
        assertThat(s.homeworkAssigned()).isFalse();
        assertThat(s.homeworkReviewed()).isFalse();
        assertThat(s.assignments()).isEmpty();
    }

    @Test
    void theShippedModelMatchesTheCodesFeatures() {
        DetectorModel model = DetectorModel.shipped();
        assertThat(model.assign).hasSize(TurnFeatures.count() + 1);
        assertThat(model.category).hasNumberOfRows(4);
    }

    private SessionDetection session(String... lines) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            boolean therapist = lines[i].startsWith("T: ");
            turns.add(new Turn(i + 1, therapist ? Speaker.THERAPIST : Speaker.CLIENT, therapist ? "T" : "C", lines[i].substring(3), null));
        }
        return detector.detect(new Transcript("s.txt", "Dr Lee", turns, List.of()));
    }

    @Test
    void aPlanNegotiatedOverSeveralTurnsIsOneAssignmentCountedAtTheConfirmation() {
        SessionDetection s = session(
                "T: So the guidelines say no more than fourteen units a week, spread over a few days.",
                "C: I'm way over that at the weekend.",
                "T: So what would you think about maybe having two alcohol-free days a week?",
                "C: Two? I dunno —",
                "T: Or one. What feels doable?",
                "C: Sunday I could do.",
                "T: So Sundays alcohol-free from now till I see you. That okay?",
                "C: Yeah, okay.",
                "T: Great. Reception will book you in for four weeks.");
        assertThat(s.homeworkAssigned()).isTrue();
        assertThat(s.turns().get(0).detection().assignsHomework()).as("the guideline sets nothing").isFalse();
        assertThat(s.turns().get(2).detection().assignsHomework()).as("the negotiation only negotiates").isFalse();
        assertThat(s.assignments()).singleElement().satisfies(a -> {
            assertThat(a.turn()).as("counted at the confirmation").isEqualTo(7);
            assertThat(a.turns()).containsExactly(3, 7);
            assertThat(a.category()).isEqualTo(HomeworkCategory.ACTION);
            assertThat(a.specific()).isTrue();
        });
    }

    @Test
    void talkThatSoundsLikeAdviceButSetsNothingAssignsNothing() {
        SessionDetection s = session(
                "T: Hi, thanks for coming in. The nurse said you wanted a chat about the smoking?",
                "C: Yeah. I'm on about fifteen a day.",
                "T: So you've already stopped smoking in the car because of the kids. That's a big step.",
                "C: Yeah.",
                "T: People are about three times more likely to quit with the patches and some support.",
                "C: Right.",
                "T: My job isn't to tell you what to do, it's your decision at the end of the day.",
                "C: Okay.",
                "T: On a scale of nought to ten, how important is it to you right now to stop?",
                "C: Maybe a six.",
                "T: We could look at the options more next time, if you wanted to. I'll see you in a month.");
        assertThat(s.homeworkAssigned()).isFalse();
        assertThat(s.homeworkReviewed()).isFalse();
        assertThat(s.assignments()).isEmpty();
    }
}
