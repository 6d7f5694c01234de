package app.carryover.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Words the message page shares with the messages themselves. */
final class MessageWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private MessageWords() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The day with its year in the page's language: "Tuesday 3 March 2026", "martes 3 de marzo de 2026". */
    static String day(LocalDate day, Locale language) {
        return app.carryover.system.Languages.SPANISH.getLanguage().equals(language.getLanguage())
                ? app.carryover.system.Dates.longDay(day, day, language) : DAY.format(day);
    }

    /** The message's headline on its page, in the page's language. */
    static String headline(List<StoredReminder> reminders, app.carryover.system.Texts texts, Locale language) {
        return MessageWriter.headline(reminders.stream().map(StoredReminder::subject)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)), reminders.size(), texts,
                language);
    }
}
