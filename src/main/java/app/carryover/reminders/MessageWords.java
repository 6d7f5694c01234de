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

    static String headline(List<StoredReminder> reminders) {
        return MessageWriter.headline(reminders.stream().map(StoredReminder::subject)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)), reminders.size());
    }
}
