package app.carryover.language;

import java.util.Locale;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * English text analysis for the text features. Cheap operations (sentences, tokens) run on every
 * text; tagging and lemmatizing cost ten to sixty times more, so callers tag only the candidates a
 * cheap first pass has marked. Safe to use from several threads.
 */
public final class Language {

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

    private Language() {
    }

    /** Sentences of the text, in order; an empty or blank text has none. */
    public static String[] sentences(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return TOOLS.get().sentences().sentDetect(text);
    }

    /** Tokens of one sentence or short text, as OpenNLP's English tokenizer splits them. */
    public static String[] tokens(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return TOOLS.get().tokens().tokenize(text);
    }

    /** Universal Dependencies part-of-speech tags (NOUN, VERB, AUX, ...) for the tokens. */
    public static String[] tags(String[] tokens) {
        return tokens.length == 0 ? tokens : TOOLS.get().tagger().tag(tokens);
    }

    /** Lemmas for tagged tokens ("went" → "go"). */
    public static String[] lemmas(String[] tokens, String[] tags) {
        return tokens.length == 0 ? tokens : TOOLS.get().lemmatizer().lemmatize(tokens, tags);
    }

    /** Lower case in the root locale, so "I" never becomes a dotless ı. */
    public static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Per-thread OpenNLP tools, each built on first use. */
    private static final class Tools {
        private SentenceDetectorME sentences;
        private TokenizerME tokens;
        private POSTaggerME tagger;
        private LemmatizerME lemmatizer;

        SentenceDetectorME sentences() {
            if (sentences == null) {
                sentences = new SentenceDetectorME(EnglishModels.Sentences.MODEL);
            }
            return sentences;
        }

        TokenizerME tokens() {
            if (tokens == null) {
                tokens = new TokenizerME(EnglishModels.Tokens.MODEL);
            }
            return tokens;
        }

        POSTaggerME tagger() {
            if (tagger == null) {
                tagger = new POSTaggerME(EnglishModels.Tags.MODEL);
            }
            return tagger;
        }

        LemmatizerME lemmatizer() {
            if (lemmatizer == null) {
                lemmatizer = new LemmatizerME(EnglishModels.Lemmas.MODEL);
            }
            return lemmatizer;
        }
    }
}
