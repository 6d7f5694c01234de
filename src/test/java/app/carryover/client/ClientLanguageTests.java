package app.carryover.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import app.carryover.homework.Obstacle;
import app.carryover.homework.ResponseKind;

/**
 * Client pages speak English and Spanish through messages.properties and messages_es.properties.
 * Fails when a key lacks its Spanish (or its English), when the two differ in their arguments, when
 * a client template names a key that does not exist, and when a client template still holds text
 * of its own outside message keys.
 *
 * <p>The hard-coded text check reads each client template with Thymeleaf's own HTML parser
 * (AttoParser): any text with a letter in it must be replaced at render time (an element with
 * {@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert} or {@code th:remove}, or
 * inside one); plain {@code aria-label}, {@code title}, {@code alt} and {@code placeholder} must
 * not hold words; quoted words inside {@code th:text}/{@code th:utext} expressions, and quoted
 * phrases (words with a space) inside {@code th:attr} or fragment arguments, are hard-coded text
 * too. Parts only staff see ({@code th:if} on a staff role, {@code th:unless="${actor.isClient()}"})
 * are skipped: clinicians' pages stay English. What it cannot see: English composed in Java and
 * passed to a page as a value; the page tests in Spanish (SpanishPagesTests) cover those.
 */
class ClientLanguageTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Every template a client sees (pages and the fragments they include). */
    static final List<String> CLIENT_TEMPLATES = List.of("layout.html", "client/today.html", "client/week.html",
            "client/history.html", "client/entry.html", "client/reflection.html", "client/voice.html",
            "client/fragments.html", "client/language.html", "client/worksheet.html", "client/correct.html",
            "worksheets/form.html", "worksheets/answers.html", "client/ask.html", "client/say.html",
            "client/good-homework.html", "practice/signin.html", "practice/signin-link.html",
            "practice/signin-link-sent.html", "practice/invitation.html", "caseload/consent.html", "measures/answer.html",
            "measures/answered.html", "measures/fragments.html", "reminders/message.html", "reminders/settings.html",
            "reminders/unsubscribe.html", "reminders/push.html");

    /** Fragments of client templates that only staff see (clinicians' pages stay English). */
    static final Set<String> STAFF_FRAGMENTS = Set.of("banner(b)");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyClientFacingKeyHasItsSpanishAndEveryArgumentMatches() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        assertThat(spanish.stringPropertyNames()).as("keys in Spanish without English")
                .isSubsetOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).as("keys without a Spanish translation")
                .isSubsetOf(spanish.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String es = spanish.getProperty(key);
            assertThat(es).as("the Spanish of %s", key).isNotBlank();
            assertThat(placeholders(es)).as("the arguments of %s in Spanish", key).isEqualTo(placeholders(en));
            // Every text is a MessageFormat pattern (spring.messages.always-use-message-format).
            new MessageFormat(en);
            new MessageFormat(es);
            // A lone apostrophe would start a quotation and swallow the rest: apostrophes are written twice.
            assertThat(en).as("%s in English", key).doesNotContainPattern("(?<!')'(?!')");
            assertThat(es).as("%s in Spanish", key).doesNotContainPattern("(?<!')'(?!')");
        }
    }

    @Test
    void spanishIsWrittenAsSpanishNotLeftInEnglish() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        // Keys whose text is rightly the same in both: names, symbols, the brand, and the language names themselves.
        Set<String> same = Set.of("title.suffix", "today.doseAndDue", "dose.withTimes", "language.en", "language.es",
                "entry.howItWent", "today.line.ofToday");
        List<String> untranslated = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!same.contains(key) && english.getProperty(key).equals(spanish.getProperty(key))
                    && english.getProperty(key).matches(".*\\p{L}{3,}.*")) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("keys whose Spanish is the English text").isEmpty();
    }

    @Test
    void refusalsAServiceSaysAreRecognisedWithTheirArgumentsInOrder() throws IOException {
        Properties english = load("messages.properties");
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("said.")) {
                List<String> order = new ArrayList<>();
                Matcher m = PLACEHOLDER.matcher(english.getProperty(key));
                while (m.find()) {
                    order.add(m.group(1));
                }
                assertThat(order).as("arguments of %s in order, each once", key)
                        .isEqualTo(java.util.stream.IntStream.range(0, order.size()).mapToObj(String::valueOf).toList());
            }
        }
    }

    @Test
    void everyKeyAClientTemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([\\w.]+)|#messages\\.msg\\('([\\w.]+)'\\)");
        Set<String> missing = new TreeSet<>();
        for (String template : CLIENT_TEMPLATES) {
            Matcher m = key.matcher(Files.readString(TEMPLATES.resolve(template)));
            while (m.find()) {
                String k = m.group(1) != null ? m.group(1) : m.group(2);
                if (!english.containsKey(k)) {
                    missing.add(template + ": " + k);
                }
            }
        }
        for (Obstacle o : Obstacle.values()) {
            if (!english.containsKey("obstacle." + o.name())) {
                missing.add("obstacle." + o.name());
            }
        }
        for (ResponseKind k : ResponseKind.values()) {
            if (!english.containsKey("voice.kind." + k.name())) {
                missing.add("voice.kind." + k.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void clientTemplatesHoldNoTextOfTheirOwn() throws Exception {
        List<String> found = new ArrayList<>();
        for (String template : CLIENT_TEMPLATES) {
            found.addAll(hardCoded(template));
        }
        assertThat(found).as("hard-coded text in client templates (use a message key)").isEmpty();
    }

    @Test
    void theCheckReadsAPageThatTheLayoutDecorates() throws Exception {
        String page = """
                <html th:replace="~{layout :: page(~{::title}, ~{::section})}"><head><title th:text="#{today.title} + ' · Carryover'">T</title></head>
                <body><section><h1>Your practice</h1><p th:text="${errors['note']}">x</p></section></body></html>""";
        assertThat(hardCodedIn("page", page)).containsExactly("page: text \"Your practice\"");
    }

    @Test
    void theCheckFindsHardCodedText() throws Exception {
        String page = """
                <div><p>Hello there</p><p th:text="#{today.title}">Prototype text is replaced</p>
                <button aria-label="Remove it">×</button><span th:text="${a} ? 'Look back' : #{today.done}">Prototype</span>
                <div th:replace="~{fragments/field :: text('note', 'note', 'A note for you', null, 20, null)}"></div>
                <a th:unless="${actor.isClient()}" href="/caseload">Caseload</a></div>""";
        assertThat(hardCodedIn("sample", page)).containsExactlyInAnyOrder("sample: text \"Hello there\"",
                "sample: aria-label \"Remove it\"", "sample: th:text 'Look back'", "sample: th:replace 'A note for you'");
    }

    static List<String> hardCoded(String template) throws IOException, ParseException {
        return hardCodedIn(template, Files.readString(TEMPLATES.resolve(template)));
    }

    static List<String> hardCodedIn(String name, String html) throws ParseException {
        Document document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(name, new StringReader(html));
        List<String> found = new ArrayList<>();
        walk(name, document, found);
        return found;
    }

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    private static final Set<String> WORD_ATTRIBUTES = Set.of("aria-label", "title", "alt", "placeholder");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    private static void walk(String name, INestableNode parent, List<String> found) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Text text) {
                String words = text.getContent().strip();
                if (words.matches("(?s).*\\p{L}.*") && !words.equals("Carryover")) {
                    found.add(name + ": text \"" + words.replaceAll("\\s+", " ") + "\"");
                }
            } else if (node instanceof Element element) {
                String tag = element.getElementName().toLowerCase();
                if (tag.equals("script") || tag.equals("style") || staffOnly(element)
                        || STAFF_FRAGMENTS.contains(String.valueOf(element.getAttributeValue("th:fragment")))) {
                    continue;
                }
                check(name, element, found);
                // A page's <html th:replace="~{layout :: page(~{::title}, ~{::section})}"> is decorated by the
                // layout: its title and section are rendered, so they are read too.
                if (tag.equals("html") || REPLACING.stream().noneMatch(element::hasAttribute)) {
                    walk(name, element, found);
                }
            }
        }
    }

    private static void check(String name, Element element, List<String> found) {
        element.getAttributeMap().forEach((attribute, value) -> {
            if (value == null) {
                return;
            }
            if (WORD_ATTRIBUTES.contains(attribute) && value.matches(".*\\p{L}.*")) {
                found.add(name + ": " + attribute + " \"" + value + "\"");
            }
            // Message keys, map keys (errors['note']) and date patterns are not text a reader sees.
            String code = value.replaceAll("#messages\\.msg\\w*\\('[^']*'", "").replaceAll("\\['[^']*'\\]", "")
                    .replaceAll("#temporals\\.format\\([^)]*\\)", "");
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                String literal = m.group(1);
                boolean words = literal.matches(".*\\p{L}{2,}.*") && !literal.replaceAll("[^\\p{L}]", "").equals("Carryover");
                boolean phrase = words && literal.strip().contains(" ");
                if ((attribute.equals("th:text") || attribute.equals("th:utext")) && words
                        || (attribute.equals("th:attr") || attribute.equals("th:replace") || attribute.equals("th:insert"))
                                && phrase) {
                    found.add(name + ": " + attribute + " '" + literal + "'");
                }
            }
        });
    }

    /** Parts only staff see: clinicians' pages stay English. */
    private static boolean staffOnly(Element element) {
        String shownIf = String.valueOf(element.getAttributeValue("th:if"));
        String hiddenIf = String.valueOf(element.getAttributeValue("th:unless"));
        return shownIf.contains("Role).CLINICIAN") || shownIf.contains("Role).ADMIN")
                || hiddenIf.equals("${actor.isClient()}");
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
