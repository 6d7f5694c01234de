package app.carryover.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages clients can read Carryover in: English (the default) and Spanish. Client pages,
 * e-mails to clients, reminders, the crisis notice and the built-in worksheets are written in both
 * (messages.properties and messages_es.properties); clinicians' pages are in English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);

    /** The session attribute holding the signed-in client's chosen language (set at sign-in and on change). */
    public static final String SESSION_ATTRIBUTE = "carryover.language";

    private Languages() {
    }

    /** The supported language of a stored tag ("en", "es"), if it is one. */
    public static Optional<Locale> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The stored tag of a language, "en" or "es"; English for anything unsupported. */
    public static String tag(Locale locale) {
        return of(locale == null ? null : locale.getLanguage()).orElse(ENGLISH).getLanguage();
    }

    /** The browser's preferred supported language (Accept-Language, in its order of preference), else English. */
    public static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Optional<Locale> match = of(range.getRange().equals("*") ? null : range.getRange());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            // an unreadable header is no preference
        }
        return ENGLISH;
    }
}
