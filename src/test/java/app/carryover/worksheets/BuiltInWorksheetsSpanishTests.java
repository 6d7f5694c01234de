package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every built-in worksheet reads in Spanish: each client-facing text (title, purpose, instructions,
 * every question, help, unit, anchor and option, in groups too) has its Spanish in
 * worksheets/texts_es.properties, nothing there is left over from a question that no longer
 * exists, and each translation says which English version it translates, so a new version of a
 * built-in fails here until its Spanish is brought up to date.
 */
class BuiltInWorksheetsSpanishTests {

    @Test
    void everyClientFacingTextOfEveryBuiltInHasItsSpanish() throws IOException {
        Properties spanish = spanish();
        Map<String, String> english = new LinkedHashMap<>();
        for (WorksheetDefinition d : BuiltInWorksheets.all()) {
            english.putAll(texts(d));
        }
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeIf(k -> spanish.getProperty(k) != null && !spanish.getProperty(k).isBlank());
        assertThat(missing).as("built-in worksheet texts without Spanish").isEmpty();

        Set<String> leftOver = new TreeSet<>(spanish.stringPropertyNames());
        leftOver.removeIf(k -> english.containsKey(k) || k.endsWith(".version"));
        assertThat(leftOver).as("Spanish for texts no built-in has").isEmpty();

        for (String key : english.keySet()) {
            String es = spanish.getProperty(key);
            assertThat(es).as(key).doesNotContain("'").doesNotContain("{");
            assertThat(new MessageFormat(es).format(null)).as(key).isEqualTo(es);
            if (english.get(key).matches(".*\\p{L}{4,}.*") && !Set.of("No", "Pros").contains(english.get(key))) {
                assertThat(es).as("%s is translated, not copied", key).isNotEqualTo(english.get(key));
            }
        }
    }

    @Test
    void eachTranslationNamesTheEnglishVersionItTranslates() throws IOException {
        Properties spanish = spanish();
        for (WorksheetDefinition d : BuiltInWorksheets.all()) {
            assertThat(spanish.getProperty("worksheet." + d.key() + ".version")).as("the version of %s translated", d.key())
                    .isEqualTo(String.valueOf(d.version()));
        }
    }

    /** The client-facing texts of a definition under their message keys (clinicians' guidance is not among them). */
    static Map<String, String> texts(WorksheetDefinition d) {
        Map<String, String> texts = new LinkedHashMap<>();
        String base = "worksheet." + d.key();
        texts.put(base + ".title", d.title());
        texts.put(base + ".purpose", d.purpose());
        texts.put(base + ".clientInstructions", d.clientInstructions());
        items(base + ".item", d.items(), texts);
        return texts;
    }

    private static void items(String base, List<Item> items, Map<String, String> texts) {
        for (Item i : items) {
            String key = base + "." + i.id();
            put(texts, key + ".label", i.label());
            put(texts, key + ".help", i.help());
            put(texts, key + ".unit", i.unit());
            if (i.anchors() != null) {
                put(texts, key + ".anchors.min", i.anchors().min());
                put(texts, key + ".anchors.mid", i.anchors().mid());
                put(texts, key + ".anchors.max", i.anchors().max());
            }
            i.options().forEach(o -> put(texts, key + ".options." + o.code(), o.label()));
            items(key, i.items(), texts);
        }
    }

    private static void put(Map<String, String> texts, String key, String value) {
        if (value != null) {
            texts.put(key, value);
        }
    }

    static Properties spanish() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BuiltInWorksheetsSpanishTests.class.getResourceAsStream("/worksheets/texts_es.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
