package app.carryover.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English models (UD English-EWT, 1.3), loaded once from the classpath on first use.
 * Models are thread-safe; the tools built on them are not, so {@link Language} keeps one set per thread.
 */
final class EnglishModels {

    private static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String TAGS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LEMMAS = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    private EnglishModels() {
    }

    static final class Sentences {
        static final SentenceModel MODEL = load(SENTENCES, SentenceModel::new);
    }

    static final class Tokens {
        static final TokenizerModel MODEL = load(TOKENS, TokenizerModel::new);
    }

    static final class Tags {
        static final POSModel MODEL = load(TAGS, POSModel::new);
    }

    static final class Lemmas {
        static final LemmatizerModel MODEL = load(LEMMAS, LemmatizerModel::new);
    }

    private interface Loader<T> {
        T load(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Loader<T> loader) {
        try (InputStream in = EnglishModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return loader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read OpenNLP model " + resource, e);
        }
    }
}
