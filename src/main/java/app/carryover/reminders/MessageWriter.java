package app.carryover.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
     * @param channelName "e-mail" or "text message", for the unsubscribe line
     */
    static Words write(LocalDate day, List<Item> items, String page, boolean canMarkDone, String unsubscribe,
            String settings, String channelName) {
        Set<Subject> subjects = new LinkedHashSet<>();
        items.forEach(i -> subjects.add(i.subject()));
        String headline = headline(subjects, items.size());
        StringBuilder text = new StringBuilder(headline).append(" (").append(DAY.format(day)).append(").\n");
        List<String> titles = new ArrayList<>();
        items.stream().filter(i -> i.title() != null).forEach(i -> titles.add("  - " + i.title() + label(i.subject())));
        if (!titles.isEmpty()) {
            text.append('\n').append(String.join("\n", titles)).append('\n');
        }
        text.append("\nOpen it: ").append(page).append("/open\n");
        if (canMarkDone) {
            text.append("Done already? Mark it done: ").append(page).append("/done\n");
        }
        text.append("Snooze for an hour: ").append(page).append("/snooze\n")
                .append("Remind me later today: ").append(page).append("/later\n")
                .append("Skip today: ").append(page).append("/skip\n")
                .append("\nThe Open link signs you in once, for a short while; after that it asks you to sign in.\n")
                .append("You get these reminders by ").append(channelName).append(" because you asked for them in Carryover.\n")
                .append("Change your times or quiet hours: ").append(settings).append('\n')
                .append("Stop reminders by ").append(channelName).append(" (one click): ").append(unsubscribe).append('\n');
        String shortText = "Carryover: " + headline.substring(0, 1).toLowerCase(Locale.ENGLISH) + headline.substring(1)
                + ". " + page + " Reply STOP to stop texts.";
        return new Words(subjectLine(subjects), text.toString(), shortText);
    }

    static String headline(Set<Subject> subjects, int count) {
        if (subjects.size() > 1) {
            return "You have " + count + " things planned for today";
        }
        return switch (subjects.iterator().next()) {
            case PRACTICE -> count == 1 ? "You have practice planned for today" : "You have " + count + " practices planned for today";
            case CHECK_IN -> "A quick check-in: did today bring a moment to practise? If it did, log it";
            case MEASURE -> "A short questionnaire is ready for you";
            case REFLECTION -> "Your next session is coming up: take two minutes to look back on your practice";
            case NUDGE -> "It has been a few days since practice was logged; even a short one counts";
        };
    }

    private static String subjectLine(Set<Subject> subjects) {
        if (subjects.size() > 1) {
            return "Planned for today";
        }
        return switch (subjects.iterator().next()) {
            case PRACTICE -> "Practice planned for today";
            case CHECK_IN -> "A quick check-in";
            case MEASURE -> "A short questionnaire";
            case REFLECTION -> "Before your next session";
            case NUDGE -> "A nudge from Carryover";
        };
    }

    private static String label(Subject subject) {
        return subject == Subject.CHECK_IN ? " (check-in)" : "";
    }
}
