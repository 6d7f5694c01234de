package app.carryover.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.carryover.system.Dates;
import app.carryover.system.Languages;
import app.carryover.system.Texts;

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
        return Languages.SPANISH.getLanguage().equals(language.getLanguage())
                ? Dates.longDay(day, day, language) : DAY.format(day);
    }

    /** The message's headline on its page, in the page's language. */
    static String headline(List<StoredReminder> reminders, Texts texts, Locale language) {
        return MessageWriter.headline(reminders.stream().map(StoredReminder::subject)
                .collect(Collectors.toCollection(LinkedHashSet::new)), reminders.size(), texts,
                language);
    }
}
