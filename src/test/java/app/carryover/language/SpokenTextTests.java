package app.carryover.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenTextTests {

    @Test
    void spellsOutContractionsAndJoinsSpellings() {
        assertThat(SpokenText.of("I'd like you to practise — let's say twice.").normalised())
                .isEqualTo("i would like you to practice let us say twice");
        assertThat(SpokenText.of("gonna try it, dont worry").normalised()).isEqualTo("going to try it do not worry");
        assertThat(SpokenText.of("Keep readin' it, I been goin’ to the gym. 'Begin' in the cabin").normalised())
                .isEqualTo("keep reading it i been going to the gym begin in the cabin");
    }

    @Test
    void dropsFillersHedgesAndStuttersButKeepsMeaningfulUses() {
        assertThat(SpokenText.of("so um you know i i think it's sort of working uh").normalised())
                .isEqualTo("so i think it is working");
        assertThat(SpokenText.of("do you know what kind of diary").normalised()).isEqualTo("do you know what kind of diary");
    }

    @Test
    void keepsEachWordsSpanInTheOriginalText() {
        SpokenText t = SpokenText.of("Fill in the sleep diary, every morning.");
        assertThat(t.span(3, 4)).isEqualTo("sleep diary");
        assertThat(t.boundaryBefore(5)).isEqualTo(SpokenText.CLAUSE);
    }

    @Test
    void findsQuestionsByPunctuationOrWithoutIt() {
        SpokenText punctuated = SpokenText.of("Good. How did the breathing go?");
        assertThat(punctuated.inQuestion(0)).isFalse();
        assertThat(punctuated.inQuestion(2)).isTrue();
        SpokenText recognised = SpokenText.of("okay so how did the breathing go");
        assertThat(recognised.punctuated()).isFalse();
        assertThat(recognised.inQuestion(recognised.size() - 1)).isTrue();
        assertThat(SpokenText.of("read the leaflet tonight").inQuestion(0)).isFalse();
    }

    @Test
    void readsNumbersWrittenEitherWay() {
        SpokenText t = SpokenText.of("twice a day for 10min, three times");
        assertThat(t.isNumber(0)).isTrue();
        assertThat(t.word(4)).isEqualTo("10");
        assertThat(t.word(5)).isEqualTo("minute");
        assertThat(t.isNumber(6)).isTrue();
    }

    @Test
    void verbFormsGiveBaseFormsAndPastTense() {
        assertThat(VerbForms.base("practicing")).isEqualTo("practice");
        assertThat(VerbForms.base("kept")).isEqualTo("keep");
        assertThat(VerbForms.base("going")).isEqualTo("go");
        assertThat(VerbForms.isPast("filled")).isTrue();
        assertThat(VerbForms.isPast("need")).isFalse();
    }
}
