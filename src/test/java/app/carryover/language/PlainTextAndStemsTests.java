package app.carryover.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextAndStemsTests {

    @Test
    void plainTextDropsMarkupEmojiAndTypography() {
        PlainText p = PlainText.of("<p>Fill in the <b>sleep diary</b> &amp; rate it 0–10 🙂</p><script>x()</script>", 1000);
        assertThat(p.text()).isEqualTo("Fill in the sleep diary & rate it 0-10");
        assertThat(p.hadMarkup()).isTrue();
        assertThat(p.droppedSymbols()).isEqualTo(1);
        assertThat(PlainText.of("Rest—then walk", 100).text()).isEqualTo("Rest - then walk");
    }

    @Test
    void plainTextCutsLongTextAtAWordAndSaysSo() {
        PlainText p = PlainText.of("walk daily ".repeat(100_000), 4000);
        assertThat(p.truncated()).isTrue();
        assertThat(p.text().length()).isLessThanOrEqualTo(4000);
        assertThat(p.text()).matches("(?s).*(walk|daily)");
        assertThat(PlainText.of(null, 10).text()).isEmpty();
    }

    @Test
    void stemsMeetAcrossTheFormsOfAWord() {
        assertThat(WordStems.stem("riding")).isEqualTo(WordStems.stem("ride")).isEqualTo(WordStems.stem("rides"));
        assertThat(WordStems.stem("worries")).isEqualTo(WordStems.stem("worried")).isEqualTo(WordStems.stem("worry"));
        assertThat(WordStems.stem("stopped")).isEqualTo(WordStems.stem("stop"));
        assertThat(WordStems.stem("noticing")).isEqualTo(WordStems.stem("notice"));
        assertThat(WordStems.stem("sitting")).isEqualTo("sit");
    }

    @Test
    void wordTokensMatchTheTokenizerWhileSkippingPlainWords() {
        String text = "Rate anxiety 0-10 at 6pm, e.g. when it's 6/10 or more; don't stop (Dr. Lee said so).";
        assertThat(WordTokens.of(text)).containsExactly(Language.tokens(text));
        assertThat(WordTokens.of("  ")).isEmpty();
    }

    @Test
    void functionWordsTellEnglishFromOtherLanguages() {
        assertThat(FunctionWords.share(new String[] {"fill", "in", "the", "diary", "each", "morning"})).isGreaterThan(0.3);
        assertThat(FunctionWords.share(new String[] {"lleve", "un", "diario", "cada", "mañana"})).isZero();
    }
}
