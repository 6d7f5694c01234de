package app.carryover.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.carryover.system.Dates;
import app.carryover.system.Languages;
import app.carryover.system.Texts;

/**
 * The words of a reminder message. By default they carry no clinical detail ("You have practice
 * planned for today"): an e-mail preview or a text on a locked screen tells a passer-by nothing. A
 * client who opted in to titles sees them.
 */
final class MessageWriter {

    /** One reminder in a message; the title is null unless the client opted in to titles. */
    record Item(Subject subject, String title) {
    }

    /** The words, before the channel wraps them. */
    record Words(String subject, String text, String shortText) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private MessageWriter() {
    }

    /**
     * @param page        the message's page (what is planned and every action)
     * @param canMarkDone true when the message is about one practice that a tap can log
     * @param channelName "e-mail" or "text message" in the client's language, for the unsubscribe line
     * @param language    the client's language (messages "reminder.*")
     */
    static Words write(LocalDate day, List<Item> items, String page, boolean canMarkDone, String unsubscribe,
            String settings, String channelName, Texts texts, Locale language) {
        Set<Subject> subjects = new LinkedHashSet<>();
        items.forEach(i -> subjects.add(i.subject()));
        String headline = headline(subjects, items.size(), texts, language);
        StringBuilder text = new StringBuilder(texts.in(language, "reminder.text.headline", headline, day(day, language)))
                .append('\n');
        List<String> titles = new ArrayList<>();
        items.stream().filter(i -> i.title() != null).forEach(i -> titles.add("  - " + i.title()
                + (i.subject() == Subject.CHECK_IN ? " " + texts.in(language, "reminder.checkIn") : "")));
        if (!titles.isEmpty()) {
            text.append('\n').append(String.join("\n", titles)).append('\n');
        }
        text.append('\n').append(texts.in(language, "reminder.text.open", page + "/open")).append('\n');
        if (canMarkDone) {
            text.append(texts.in(language, "reminder.text.done", page + "/done")).append('\n');
        }
        text.append(texts.in(language, "reminder.text.snooze", page + "/snooze")).append('\n')
                .append(texts.in(language, "reminder.text.later", page + "/later")).append('\n')
                .append(texts.in(language, "reminder.text.skip", page + "/skip")).append('\n')
                .append('\n').append(texts.in(language, "reminder.text.openOnce")).append('\n')
                .append(texts.in(language, "reminder.text.why", channelName)).append('\n')
                .append(texts.in(language, "reminder.text.settings", settings)).append('\n')
                .append(texts.in(language, "reminder.text.stop", channelName, unsubscribe)).append('\n');
        String shortText = texts.in(language, "reminder.short",
                headline.substring(0, 1).toLowerCase(language) + headline.substring(1), page);
        return new Words(subjectLine(subjects, texts, language), text.toString(), shortText);
    }

    /** The day of a message: "Thursday 14 May" in English, "jueves 14 de mayo de 2026" in Spanish. */
    static String day(LocalDate day, Locale language) {
        return Languages.SPANISH.getLanguage().equals(language.getLanguage()) ? Dates.longDay(day, day, language)
                : DAY.format(day);
    }

    static String headline(Set<Subject> subjects, int count, Texts texts, Locale language) {
        if (subjects.size() > 1) {
            return texts.in(language, "reminder.headline.many", count);
        }
        Subject subject = subjects.iterator().next();
        if (subject == Subject.PRACTICE) {
            return count == 1 ? texts.in(language, "reminder.headline.PRACTICE.one")
                    : texts.in(language, "reminder.headline.PRACTICE.many", count);
        }
        return texts.in(language, "reminder.headline." + subject.name());
    }

    private static String subjectLine(Set<Subject> subjects, Texts texts, Locale language) {
        return texts.in(language, subjects.size() > 1 ? "reminder.subject.many"
                : "reminder.subject." + subjects.iterator().next().name());
    }
}
