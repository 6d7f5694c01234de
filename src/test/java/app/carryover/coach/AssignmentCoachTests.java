package app.carryover.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.carryover.coach.CoachReport.Challenge;
import app.carryover.coach.CoachReport.Label;
import app.carryover.coach.CoachReport.Overall;

class AssignmentCoachTests {

    @Test
    void vagueTaskIsARedFlagWithASuggestionToMakeItConcrete() {
        CoachReport report = AssignmentCoach.analyse(AssignmentText.of("Feel less anxious at work", "Worry and avoidance",
                "Homework", "Think about what we discussed today."));

        assertThat(report.redFlag()).isTrue();
        assertThat(report.overall()).isEqualTo(Overall.RED_FLAG);
        assertThat(report.specific()).isFalse();
        assertThat(report.structured()).isFalse();
        assertThat(report.suggestionFor(Label.RED_FLAG)).contains("Think about what we discussed today");
        assertThat(report.suggestionFor(Label.MEASURABLE)).contains("how often");
    }

    @Test
    void attitudesAndBareMoreOrLessAreRedFlagsInOtherWordsToo() {
        for (String vague : List.of("Try to relax more.", "Be more positive with yourself this week.",
                "Just notice your feelings when they come up.", "Stay calm around the kids.", "Get out a bit more.",
                "Apply whatever felt useful from our conversation.")) {
            assertThat(AssignmentCoach.analyse(AssignmentText.of("Feel calmer", "Stress", "This week", vague)).redFlag())
                    .as(vague).isTrue();
        }
    }

    @Test
    void professionalAssignmentPassesEveryLabel() {
        CoachReport report = AssignmentCoach.analyse(AssignmentText.of("Sleep through the night", "Stimulus control",
                "Get up if awake", "Every night this week, if you are awake for more than 20 minutes, get up and go to "
                        + "another room until you feel sleepy. Note each time in the sleep diary. This teaches your body "
                        + "that bed is for sleeping."));

        assertThat(report.overall()).isEqualTo(Overall.PROFESSIONAL);
        assertThat(report.linked()).isTrue();
        assertThat(report.specific()).isTrue();
        assertThat(report.measurable()).isTrue();
        assertThat(report.rationale()).isTrue();
        assertThat(report.structured()).isTrue();
        assertThat(report.redFlag()).isFalse();
        assertThat(report.suggestions()).isEmpty();
        assertThat(report.challenge()).isNull();
    }

    @Test
    void concreteTaskWithoutACountNeedsWorkAndIsToldHowOften() {
        CoachReport report = AssignmentCoach.analyse(AssignmentText.of("Drink less alcohol", "Drink diary",
                "Drink diary", "Write down every drink in the drink diary, so we can see your pattern."));

        assertThat(report.measurable()).isFalse();
        assertThat(report.redFlag()).isFalse();
        assertThat(report.overall()).isEqualTo(Overall.NEEDS_WORK);
        assertThat(report.suggestionFor(Label.MEASURABLE)).contains("twice a day");
    }

    @Test
    void aFilledWhyFieldSaysWhyButAPlaceholderDoesNot() {
        AssignmentText text = AssignmentText.of("Sleep through the night", "Stimulus control", "Get up if awake",
                "Every night, if you are awake for more than 20 minutes, get up and note it in the sleep diary.");
        assertThat(AssignmentCoach.analyse(text).rationale()).as("no why at all").isFalse();
        CoachReport withWhy = AssignmentCoach.analyse(text.withWhy("Bed becomes a cue for sleep again."));
        assertThat(withWhy.rationale()).isTrue();
        assertThat(withWhy.suggestionFor(Label.RATIONALE)).isNull();
        assertThat(AssignmentCoach.analyse(text.withWhy("n/a")).rationale()).as("n/a").isFalse();
        assertThat(AssignmentCoach.analyse(text.withWhy("  ")).rationale()).as("blank").isFalse();
    }

    @Test
    void instructionsAndDoseThatDisagreeOnHowOftenAreFlagged() {
        AssignmentText text = AssignmentText.of("Feel calmer at work", "Breathing", "Slow breathing",
                "Do the slow breathing twice a day for five minutes and tick it on the practice log.");
        CoachReport mismatch = AssignmentCoach.analyse(text.withDose(Dose.timesPer(1, Dose.Per.WEEK)));
        assertThat(mismatch.measurable()).isFalse();
        assertThat(mismatch.overall()).isEqualTo(Overall.NEEDS_WORK);
        assertThat(mismatch.suggestionFor(Label.MEASURABLE)).isEqualTo("The instructions say 'twice a day' but the dose is "
                + "once a week: make them say the same, so the client knows how often.");
        CoachReport agree = AssignmentCoach.analyse(text.withDose(Dose.timesPer(2, Dose.Per.DAY)));
        assertThat(agree.measurable()).isTrue();
        assertThat(agree.overall()).isEqualTo(Overall.PROFESSIONAL);
        assertThat(AssignmentCoach.analyse(AssignmentText.of("Feel calmer", "Breathing", "Breathing",
                "Breathe slowly for five minutes every morning and every evening, noting it on the log.")
                .withDose(Dose.timesPer(2, Dose.Per.DAY))).measurable()).as("two daily moments add up").isTrue();
        assertThat(AssignmentCoach.analyse(AssignmentText.of("Feel less low", "Activation", "Walks",
                "Walk for 20 minutes three times a week and log it.")
                .withDose(Dose.onDays(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), List.of())))
                .measurable()).as("three weekdays are three times a week").isTrue();
        assertThat(AssignmentCoach.analyse(AssignmentText.of("Feel less low", "Activation", "Walks",
                "Walk for 20 minutes every other day and log it.").withDose(Dose.timesPer(1, Dose.Per.WEEK)))
                .measurable()).as("a loose rate is not compared").isTrue();
        assertThat(AssignmentCoach.analyse(AssignmentText.of("Speak up in meetings", "Assertiveness", "Stand-up",
                "In each morning stand-up, say one sentence about your work and write down what happened.")
                .withDose(Dose.onDays(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), List.of())))
                .measurable()).as("'each morning stand-up' names the meeting").isTrue();
    }

    @Test
    void aDoseDoesNotMakeAnAttitudeMeasurable() {
        CoachReport relax = AssignmentCoach.analyse(AssignmentText.of("Feel calmer", "Stress", "Relax",
                "Try to relax more.").withDose(Dose.timesPer(1, Dose.Per.DAY)));
        assertThat(relax.redFlag()).isTrue();
        assertThat(relax.measurable()).isFalse();
        assertThat(relax.suggestionFor(Label.MEASURABLE)).contains("nothing concrete to count");
    }

    @Test
    void structuredDoseMakesTheAssignmentMeasurable() {
        AssignmentText text = AssignmentText.of("Feel less low", "Behavioural activation", "Walk",
                "Go for a walk in the park and rate your mood on the activity log.");
        assertThat(AssignmentCoach.analyse(text).measurable()).isFalse();

        CoachReport withDose = AssignmentCoach.analyse(text.withDose(
                Dose.onDays(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), List.of(LocalTime.of(12, 30)))));
        assertThat(withDose.measurable()).isTrue();
        assertThat(withDose.overall()).isEqualTo(Overall.PROFESSIONAL);

        assertThat(AssignmentCoach.analyse(text.withDose(Dose.triggered("when you feel low", null))).measurable())
                .as("a trigger alone is not measurable").isFalse();
    }

    @Test
    void taskOnAnotherTopicThanTheGoalIsNotLinked() {
        CoachReport report = AssignmentCoach.analyse(AssignmentText.of("Stop checking the locks before leaving",
                "Exposure and response prevention", "Gratitude journal",
                "Write three things you are grateful for in your journal every evening."));

        assertThat(report.linked()).isFalse();
        assertThat(report.overall()).isEqualTo(Overall.NEEDS_WORK);
        assertThat(report.suggestionFor(Label.LINKED)).contains("Stop checking the locks");
    }

    @Test
    void challengeComesFromThePreviousStepAndHowMuchOfItWasDone() {
        AssignmentText bigJump = AssignmentText.of("Ride the bus to work", "Exposure hierarchy", "Step 6: rush-hour bus, alone",
                "Take the 8am bus to work alone on three days, rating anxiety 0-10 on the exposure record.");
        assertThat(AssignmentCoach.analyse(bigJump.withPrevious(PreviousStep.of(
                "Step 2 (two stops with a friend): tried once, got off after one stop."))).challenge())
                .isEqualTo(Challenge.TOO_HARD);

        AssignmentText same = AssignmentText.of("Ride the bus to work", "Exposure hierarchy", "Two stops with a friend again",
                "Ride two stops with a friend on three days, rating anxiety 0-10 on the exposure record.");
        assertThat(AssignmentCoach.analyse(same.withPrevious(PreviousStep.of(
                "Two stops with a friend: done every day for two weeks; anxiety now 0-1."))).challenge())
                .isEqualTo(Challenge.TOO_EASY);

        AssignmentText next = AssignmentText.of("Ride the bus to work", "Exposure hierarchy", "Step 3: three stops alone",
                "Ride three stops alone on three days, rating anxiety 0-10 on the exposure record.");
        assertThat(AssignmentCoach.analyse(next.withPrevious(new PreviousStep("Step 2: two stops with a friend", 4, 4)))
                .challenge()).isEqualTo(Challenge.APPROPRIATE);

        assertThat(AssignmentCoach.analyse(next).challenge()).as("no previous step, no challenge").isNull();
    }

    @Test
    void badInputNeverThrowsAndSaysWhatCouldNotBeJudged() {
        String huge = "Walk for 10 minutes every day and note it on the log. ".repeat(20_000);
        List<AssignmentText> inputs = List.of(
                AssignmentText.of(null, null, null, null),
                AssignmentText.of("", "", "", "   "),
                AssignmentText.of("Sleep better", "", "Sleep", huge),
                AssignmentText.of("Dormir mejor", "", "Sueño", "Lleve un diario de sueño cada mañana durante una semana."),
                AssignmentText.of("Sleep", "", "<b>Sleep</b>", "<p>Fill in the <em>sleep diary</em> every morning &amp; "
                        + "bring it.</p><script>alert(1)</script>"),
                AssignmentText.of("🙂", "🙂", "🙂🙂", "🙂🙂🙂 💪"),
                AssignmentText.of("Sleep", "", "Sleep", "睡眠日記を毎朝つけてください。"),
                AssignmentText.of("x", "y", "z", "\u0000\u0001 \uD800 ((((((( ]]]] ---- 0-0-0-0-0 //// ''''"));
        for (AssignmentText in : inputs) {
            assertThatCode(() -> AssignmentCoach.analyse(in)).doesNotThrowAnyException();
        }
        assertThat(AssignmentCoach.analyse(null).notes()).anyMatch(n -> n.contains("no instructions"));
        assertThat(AssignmentCoach.analyse(inputs.get(2)).notes()).anyMatch(n -> n.contains("very long"));
        assertThat(AssignmentCoach.analyse(inputs.get(3)).notes()).anyMatch(n -> n.contains("English"));
        assertThat(AssignmentCoach.analyse(inputs.get(6)).notes()).anyMatch(n -> n.contains("English"));
        assertThat(AssignmentCoach.analyse(inputs.get(5)).notes()).anyMatch(n -> n.contains("emoji"));

        CoachReport markup = AssignmentCoach.analyse(inputs.get(4));
        assertThat(markup.notes()).anyMatch(n -> n.contains("Markup"));
        assertThat(markup.structured()).isTrue();
        assertThat(markup.measurable()).isTrue();
    }

    @Test
    void randomTextInEveryFieldNeverThrows() {
        java.util.Random random = new java.util.Random(6);
        String alphabet = "aeiou tnsrl<>&;/\\\"'-–—0123456789.,!?()[]{}#@😀🙂\u0000\u200B\u00A0ñüß中文العربية\n\t";
        for (int i = 0; i < 500; i++) {
            String[] fields = new String[5];
            for (int f = 0; f < fields.length; f++) {
                StringBuilder sb = new StringBuilder();
                int length = random.nextInt(i % 50 == 0 ? 20_000 : 200);
                for (int c = 0; c < length; c++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                fields[f] = sb.toString();
            }
            AssignmentText text = AssignmentText.of(fields[0], fields[1], fields[2], fields[3])
                    .withPrevious(PreviousStep.of(fields[4]));
            assertThatCode(() -> AssignmentCoach.analyse(text)).as(fields[3]).doesNotThrowAnyException();
            assertThat(AssignmentCoach.analyse(text).notes()).as("no internal failure")
                    .noneMatch(n -> n.startsWith("The coach could not read"));
        }
    }

    @Test
    void analysingIsFastEnoughForEveryKeystroke() {
        AssignmentText text = AssignmentText.of("Go to the shops alone", "Agoraphobia hierarchy", "Step 3: corner shop",
                "Three times this week, walk to the corner shop alone and buy one item. Rate anxiety 0-10 at the start, "
                        + "peak and end on the exposure record, so we can see the anxiety fall when you stay.");
        for (int i = 0; i < 300; i++) {
            AssignmentCoach.analyse(text); // warm up
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            AssignmentCoach.analyse(text);
        }
        double millisEach = (System.nanoTime() - start) / 1e6 / 1000;
        assertThat(millisEach).isLessThan(5.0);
    }
}
