package app.carryover.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTests {

    @Test
    void splitsSentencesAndTokensWithTheShippedModels() {
        String[] sentences = Language.sentences("Fill in the thought record each evening. Bring it on Tuesday.");
        assertThat(sentences).containsExactly("Fill in the thought record each evening.", "Bring it on Tuesday.");
        assertThat(Language.tokens("Don't skip the weekend.")).contains("skip", "weekend", ".");
    }

    @Test
    void tagsAndLemmatizesCandidates() {
        String[] tokens = Language.tokens("You went for two walks");
        String[] tags = Language.tags(tokens);
        assertThat(tags[1]).isEqualTo("VERB");
        assertThat(Language.lemmas(tokens, tags)[1]).isEqualTo("go");
    }

    @Test
    void emptyTextHasNothingToSplit() {
        assertThat(Language.sentences("  ")).isEmpty();
        assertThat(Language.tokens(null)).isEmpty();
    }
}
