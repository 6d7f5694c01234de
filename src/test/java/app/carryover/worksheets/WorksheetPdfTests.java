package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

class WorksheetPdfTests {

    static Stream<String> keys() {
        return BuiltInWorksheetsTests.keys();
    }

    /** All text of a PDF, whitespace collapsed so wrapped lines read as one. */
    static String textOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isPositive();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return squash(text.toString());
        } finally {
            reader.close();
        }
    }

    static String squash(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyBuiltInPrintsBlankWithEveryItem(String key) throws IOException {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        String text = textOf(WorksheetPdf.blank(d, PrintOptions.none()));
        List<String> expected = new ArrayList<>(List.of(d.title(), squash(d.clientInstructions())));
        d.allItems().forEach(item -> expected.add(squash(item.label())));
        assertThat(text).contains(expected);
        assertThat(text).doesNotContain(squash(d.clinicianGuidance()).substring(0, 40));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyBuiltInPrintsFilledWithTheAnswers(String key) throws IOException {
        WorksheetDefinition d = BuiltInWorksheets.get(key);
        Answers answers = BuiltInWorksheets.exampleAnswers(key);
        String text = textOf(WorksheetPdf.filled(d, answers, new PrintOptions("Alex Example", LocalDate.of(2025, 3, 4))));
        assertThat(text).contains("Alex Example", "4 March 2025", d.title());
        WorksheetView view = WorksheetView.filled(d, answers);
        for (WorksheetView.Field field : view.fields()) {
            if (!field.shown()) {
                assertThat(text).doesNotContain(squash(field.item().label()));
                continue;
            }
            assertThat(text).contains(squash(field.item().label()));
            if (field.answer() != null && field.item().type().isText()) {
                assertThat(text).contains(squash(field.answer().text()));
            }
        }
        for (WorksheetView.Value value : view.values()) {
            assertThat(text).contains(value.label());
        }
    }

    @Test
    void aRatingIsPrintedAsAScaleWithItsAnchorsAndTheChosenNumber() throws IOException {
        WorksheetDefinition d = BuiltInWorksheets.get(BuiltInWorksheets.MOOD_TRACKER);
        String blank = textOf(WorksheetPdf.blank(d, PrintOptions.none()));
        assertThat(blank).contains("0 1 2 3 4 5 6 7 8 9 10", "0 = Very low", "5 = Okay", "10 = Very good");
        String filled = textOf(WorksheetPdf.filled(d, BuiltInWorksheets.exampleAnswers(d.key()), PrintOptions.none()));
        assertThat(filled).contains("Answer: 4 out of 10", "Answer: 7 out of 10");
    }

    @Test
    void aBlankCopySaysWhenAConditionalItemApplies() throws IOException {
        WorksheetDefinition d = BuiltInWorksheets.get(BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT);
        assertThat(textOf(WorksheetPdf.blank(d, PrintOptions.none())))
                .contains("Answer this if 'Did you carry out the experiment?' is Yes.");
    }

    @Test
    void answersOutsideLatinScriptsStillPrint() throws IOException {
        WorksheetDefinition d = BuiltInWorksheets.get(BuiltInWorksheets.MOOD_TRACKER);
        Answers answers = Answers.parse("{\"mood\":5,\"anxiety\":3,\"notable\":\"Встреча с другом — ωραία\"}");
        assertThat(textOf(WorksheetPdf.filled(d, answers, PrintOptions.none())))
                .contains("Встреча с другом — ωραία");
    }
}
