package app.carryover.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Client-facing words from messages.properties (English) and messages_es.properties (Spanish), for
 * text a handler or a background job composes; templates use {@code #{key}} directly. In a request
 * the language is the page's ({@link LanguageResolver}); outside one, pass the person's language.
 */
@Component
public class Texts {

    private final MessageSource messages;
    private final List<Said> said;

    /** A message a service says in English ("said.*" keys), as a pattern to recognise it by. */
    private record Said(String key, Pattern english) {
    }

    /** The application's Texts, for {@link FormErrors}, which every handler calls statically. */
    private static volatile Texts current;

    Texts(MessageSource messages) {
        this.messages = messages;
        this.said = loadSaid();
        current = this;
    }

    /** A field's refusal in the current page's language, when a Texts exists (always, once the application runs). */
    static String translateForPage(String english) {
        Texts texts = current;
        return texts == null ? english : texts.translate(english);
    }

    /**
     * A message a service composed in English (a refusal at a field, "Please answer this."), in the
     * given language: recognised by its "said.*" key's English pattern, its values carried over. A
     * message no key recognises stays English, as it was said.
     */
    public String translate(String english, Locale locale) {
        if (english == null || locale == null || Languages.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return english;
        }
        for (Said s : said) {
            Matcher m = s.english().matcher(english);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    // An argument may itself be a phrase a service says ("an hour from now").
                    args[i] = translateWhole(m.group(i + 1), locale);
                }
                return in(locale, s.key(), args);
            }
        }
        return english;
    }

    /** A whole phrase's translation, without looking inside it; the phrase itself when none is known. */
    private String translateWhole(String english, Locale locale) {
        for (Said s : said) {
            if (s.english().matcher(english).matches() && !s.english().pattern().contains("(.+?)")) {
                return in(locale, s.key());
            }
        }
        return english;
    }

    /** {@link #translate(String, Locale)} into the current page's language. */
    public String translate(String english) {
        return translate(english, locale());
    }

    private static List<Said> loadSaid() {
        Properties english = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/messages.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("messages.properties cannot be read", e);
        }
        List<Said> found = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("said.")) {
                found.add(new Said(key, pattern(english.getProperty(key))));
            }
        }
        // Longer patterns first, so "must be at most {0} characters" wins over a shorter one that also matches.
        found.sort(Comparator.comparingInt((Said s) -> s.english().pattern().length()).reversed());
        return List.copyOf(found);
    }

    /** "Keep this to {0} characters or fewer." as a regular expression capturing each argument in order. */
    static Pattern pattern(String messageFormat) {
        String text = messageFormat.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        Matcher arg = Pattern.compile("\\{(\\d+)\\}").matcher(text);
        int at = 0;
        while (arg.find()) {
            regex.append(Pattern.quote(text.substring(at, arg.start()))).append("(.+?)");
            at = arg.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The text of {@code code} in the current page's language. */
    public String get(String code, Object... args) {
        return in(locale(), code, args);
    }

    /** The text of {@code code} in the given language. */
    public String in(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale == null ? Languages.ENGLISH : locale);
    }

    /** The text of {@code code} in the given language, or {@code otherwise} when there is no such key. */
    public String inOr(Locale locale, String code, String otherwise, Object... args) {
        return messages.getMessage(code, args, otherwise, locale == null ? Languages.ENGLISH : locale);
    }

    /** The current page's language (English outside a request). */
    public Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return Languages.of(locale.getLanguage()).orElse(Languages.ENGLISH);
    }
}
