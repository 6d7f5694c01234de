package app.carryover.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.carryover.system.ProblemException;

/**
 * Scoring against hand-computed cases: every band edge of the PHQ-9, PHQ-8 and GAD-7, the
 * missing-item rule, refused answers, risk answers, and reliable change on both sides of every
 * threshold.
 */
class ScoringTests {

    /** Answers adding up to {@code total} over {@code n} scored items (0–3 each), then the unscored difficulty question. */
    static List<Integer> totalling(int total, int n) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < n; i++) {
            int v = Math.min(3, left);
            answers.add(v);
            left -= v;
        }
        answers.add(null);
        return answers;
    }

    /** Totals for the PHQ-9 that keep item 9 at 0 (so the band is read without a risk answer), filled from item 1. */
    static List<Integer> phq9(int total) {
        List<Integer> answers = totalling(Math.min(total, 24), 8);
        answers.add(8, total - Math.min(total, 24));
        return answers;
    }

    @Test
    void phq9BandsChangeAtFiveTenFifteenAndTwenty() {
        int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {19, 3}, {20, 4}, {27, 4}};
        String[] bands = {"minimal", "mild", "moderate", "moderately severe", "severe"};
        for (int[] edge : edges) {
            Score score = Score.of(StandardInstruments.PHQ9, phq9(edge[0]), true);
            assertThat(score.total()).as("total").isEqualTo(edge[0]);
            assertThat(score.band()).as("PHQ-9 %d", edge[0]).isEqualTo(bands[edge[1]]);
            assertThat(score.maxTotal()).isEqualTo(27);
        }
    }

    @Test
    void phq8BandsMatchThePhq9UpToItsMaximumOf24() {
        int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {19, 3}, {20, 4}, {24, 4}};
        String[] bands = {"minimal", "mild", "moderate", "moderately severe", "severe"};
        for (int[] edge : edges) {
            Score score = Score.of(StandardInstruments.PHQ8, totalling(edge[0], 8), true);
            assertThat(score.band()).as("PHQ-8 %d", edge[0]).isEqualTo(bands[edge[1]]);
        }
        assertThat(StandardInstruments.PHQ8.maxTotal()).isEqualTo(24);
        assertThat(StandardInstruments.PHQ8.items()).noneMatch(Instrument.Item::isRisk);
    }

    @Test
    void gad7BandsChangeAtFiveTenAndFifteen() {
        int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {21, 3}};
        String[] bands = {"minimal", "mild", "moderate", "severe"};
        for (int[] edge : edges) {
            Score score = Score.of(StandardInstruments.GAD7, totalling(edge[0], 7), true);
            assertThat(score.total()).isEqualTo(edge[0]);
            assertThat(score.band()).as("GAD-7 %d", edge[0]).isEqualTo(bands[edge[1]]);
        }
    }

    @Test
    void theDifficultyQuestionIsAskedButNotScored() {
        List<Integer> answers = totalling(6, 9);
        answers.set(9, 3);
        assertThat(Score.of(StandardInstruments.PHQ9, answers, true).total()).isEqualTo(6);
    }

    @Test
    void anyAnswerAboveZeroOnPhq9ItemNineIsARisk() {
        List<Integer> answers = phq9(0);
        assertThat(Score.of(StandardInstruments.PHQ9, answers, true).risk()).isFalse();
        answers.set(8, 1);
        Score score = Score.of(StandardInstruments.PHQ9, answers, true);
        assertThat(score.risk()).isTrue();
        assertThat(score.riskItems()).containsExactly(9);
        assertThat(score.total()).isEqualTo(1);
    }

    @Test
    void oneMissingItemIsProratedAndTwoMeanNoTotal() {
        // Eight answered items summing to 12: 12 / 8 × 9 = 13.5, rounded half up to 14.
        List<Integer> one = new ArrayList<>(Arrays.asList(2, 2, 2, 2, 1, 1, 1, 1, null, null));
        Score prorated = Score.of(StandardInstruments.PHQ9, one, false);
        assertThat(prorated.total()).isEqualTo(14);
        assertThat(prorated.prorated()).isTrue();
        assertThat(prorated.missing()).isEqualTo(1);
        assertThat(prorated.band()).isEqualTo("moderate");
        assertThat(prorated.describe()).isEqualTo("14 of 27, prorated (moderate)");
        assertThat(prorated.risk()).as("an unanswered item 9 is never a risk answer made up").isFalse();

        // GAD-7 with six answered summing to 7: 7 / 6 × 7 = 8.17 → 8.
        Score gad = Score.of(StandardInstruments.GAD7, Arrays.asList(1, 1, 1, 1, 1, 2, null, null), false);
        assertThat(gad.total()).isEqualTo(8);
        assertThat(gad.band()).isEqualTo("mild");

        List<Integer> two = new ArrayList<>(Arrays.asList(2, 2, 2, 2, 1, 1, 1, null, 0, null));
        two.set(3, null);
        Score none = Score.of(StandardInstruments.PHQ9, two, false);
        assertThat(none.total()).isNull();
        assertThat(none.band()).isNull();
        assertThat(none.missing()).isEqualTo(2);
        assertThat(none.notScored()).isEqualTo("2 of 9 questions unanswered; a total needs at least 8 answered");
    }

    @Test
    void aClientAnsweringAloneMustAnswerEveryScoredQuestion() {
        List<Integer> answers = new ArrayList<>(phq9(5));
        answers.set(2, null);
        answers.set(6, null);
        assertThatThrownBy(() -> Score.of(StandardInstruments.PHQ9, answers, true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields())
                        .extracting(ProblemException.FieldProblem::field).containsExactly("item3", "item7"));
    }

    @Test
    void answersOutOfRangeOrOfTheWrongCountAreRefused() {
        List<Integer> answers = new ArrayList<>(phq9(5));
        answers.set(0, 4);
        answers.set(1, -1);
        assertThatThrownBy(() -> Score.of(StandardInstruments.PHQ9, answers, false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields())
                        .extracting(ProblemException.FieldProblem::field).containsExactly("item1", "item2"));
        assertThatThrownBy(() -> Score.of(StandardInstruments.GAD7, List.of(1, 1, 1), false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields())
                        .extracting(ProblemException.FieldProblem::field).containsExactly("answers"));
        assertThatThrownBy(() -> Score.of(StandardInstruments.GAD7, Arrays.asList(null, null, null, null, null, null, null, null), false))
                .isInstanceOf(ProblemException.class).hasMessageContaining("no question was answered");
    }

    @Test
    void homeworkRatingsHaveNoTotalButEveryAnswerIsKept() {
        Score score = Score.of(StandardInstruments.HOMEWORK_BY_CLIENT, List.of(3, 2, 4, 1), true);
        assertThat(score.total()).isNull();
        assertThat(score.notScored()).isNull();
        assertThatThrownBy(() -> Score.of(StandardInstruments.HOMEWORK_BY_CLINICIAN, List.of(3, 5, 4, 1), true))
                .isInstanceOf(ProblemException.class).hasMessageContaining("item2");
    }

    @Test
    void aCustomRatingRaisesRiskAtItsThreshold() {
        CustomMeasure suds = new CustomMeasure(null, java.util.UUID.randomUUID(), "SUDS", "How distressed are you now?",
                0, 100, "calm", "worst ever", true, 90, java.time.Instant.EPOCH, null);
        Instrument instrument = Instruments.instrument(suds);
        assertThat(Score.of(instrument, List.of(89), true).risk()).isFalse();
        assertThat(Score.of(instrument, List.of(90), true).riskItems()).containsExactly(1);
        assertThat(Score.of(instrument, List.of(90), true).total()).isEqualTo(90);
        assertThatThrownBy(() -> Score.of(instrument, List.of(101), true)).isInstanceOf(ProblemException.class);
    }

    @Test
    void reliableChangeOnThePhq9IsSixEitherWay() {
        Instrument phq9 = StandardInstruments.PHQ9;
        assertThat(Change.of(phq9, List.of(16, 11)).status()).isEqualTo(Change.Status.NO_RELIABLE_CHANGE);
        assertThat(Change.of(phq9, List.of(16, 10)).status()).isEqualTo(Change.Status.RELIABLE_IMPROVEMENT);
        assertThat(Change.of(phq9, List.of(8, 13)).status()).isEqualTo(Change.Status.NO_RELIABLE_CHANGE);
        assertThat(Change.of(phq9, List.of(8, 14)).status()).isEqualTo(Change.Status.RELIABLE_DETERIORATION);
    }

    @Test
    void reliableChangeOnTheGad7IsFourEitherWay() {
        Instrument gad7 = StandardInstruments.GAD7;
        assertThat(Change.of(gad7, List.of(12, 9)).status()).isEqualTo(Change.Status.NO_RELIABLE_CHANGE);
        assertThat(Change.of(gad7, List.of(12, 8)).status()).isEqualTo(Change.Status.RELIABLE_IMPROVEMENT);
        assertThat(Change.of(gad7, List.of(5, 8)).status()).isEqualTo(Change.Status.NO_RELIABLE_CHANGE);
        assertThat(Change.of(gad7, List.of(5, 9)).status()).isEqualTo(Change.Status.RELIABLE_DETERIORATION);
    }

    @Test
    void recoveryNeedsACaseAtTheStartAndNotAtTheEnd() {
        Instrument phq9 = StandardInstruments.PHQ9;
        assertThat(Change.of(phq9, List.of(10, 9)).recovery()).isEqualTo(Change.Recovery.RECOVERED);
        assertThat(Change.of(phq9, List.of(10, 10)).recovery()).isEqualTo(Change.Recovery.NOT_RECOVERED);
        assertThat(Change.of(phq9, List.of(9, 2)).recovery()).isEqualTo(Change.Recovery.NOT_A_CASE_AT_START);
        assertThat(Change.of(phq9, List.of(15, 9)).recovery()).isEqualTo(Change.Recovery.RELIABLE_RECOVERY);
        Instrument gad7 = StandardInstruments.GAD7;
        assertThat(Change.of(gad7, List.of(8, 7)).recovery()).isEqualTo(Change.Recovery.RECOVERED);
        assertThat(Change.of(gad7, List.of(7, 3)).recovery()).isEqualTo(Change.Recovery.NOT_A_CASE_AT_START);
        assertThat(Change.of(gad7, List.of(12, 7)).recovery()).isEqualTo(Change.Recovery.RELIABLE_RECOVERY);
    }

    @Test
    void changeIsSaidInWordsNamingTheCriterion() {
        assertThat(Change.of(StandardInstruments.PHQ9, List.of(16, 12, 9)).words(StandardInstruments.PHQ9)).isEqualTo(
                "PHQ-9 16 → 9, down 7 (better) since the first score; down 3 (better) since the one before. Reliable "
                        + "improvement (reliable: a change of 6 or more, NHS Talking Therapies). Reliable recovery "
                        + "(caseness: 10 or more).");
        assertThat(Change.of(StandardInstruments.PHQ8, List.of(12, 6)).status()).isEqualTo(Change.Status.NO_CRITERION);
        assertThat(Change.of(StandardInstruments.PHQ9, List.of(12)).words(StandardInstruments.PHQ9))
                .isEqualTo("PHQ-9 12: the first score, the baseline later ones are read against.");
    }

    @Test
    void everyLoincCodeHasAValidCheckDigit() {
        List<String> codes = new ArrayList<>();
        for (Measure m : Measure.values()) {
            if (m.loincPanel() != null) {
                codes.add(m.loincPanel());
                codes.add(m.loincTotal());
            }
        }
        for (Instrument i : StandardInstruments.ALL) {
            i.items().stream().map(Instrument.Item::loinc).filter(c -> c != null).forEach(codes::add);
        }
        assertThat(codes).contains("44249-1", "44261-6", "69737-5", "70274-6", "44260-8").hasSizeGreaterThan(20);
        for (String code : codes) {
            assertThat(mod10(code.substring(0, code.indexOf('-')))).as(code)
                    .isEqualTo(Character.getNumericValue(code.charAt(code.length() - 1)));
        }
    }

    /** LOINC's check digit (the mod 10 algorithm of the LOINC users' guide). */
    static int mod10(String digits) {
        StringBuilder odd = new StringBuilder();
        StringBuilder even = new StringBuilder();
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            (k % 2 == 0 ? odd : even).insert(0, digits.charAt(i));
        }
        String joined = Long.parseLong(odd.toString()) * 2 + even.toString();
        int sum = joined.chars().map(c -> c - '0').sum();
        return (10 - sum % 10) % 10;
    }
}
