package app.carryover.reminders;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import app.carryover.system.ProblemException;

/** Reminder times of day as people type and the database keeps them: "08:00,19:30". */
final class ReminderTimes {

    static final int MOST = 6;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ReminderTimes() {
    }

    /**
     * Reads one to six distinct times ("8:00, 19:30" or "08:00 19:30"), sorted, none inside the quiet
     * hours; every problem is named against {@code field}.
     */
    static List<LocalTime> parse(String field, String text, QuietHours quiet) {
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            throw ProblemException.invalid(field, "give at least one time, like 08:00");
        }
        TreeSet<LocalTime> times = new TreeSet<>();
        for (String part : cleaned.split("[,;\\s]+")) {
            LocalTime time = time(field, part);
            if (quiet != null && quiet.contains(time)) {
                throw ProblemException.invalid(field, format(time) + " is inside the quiet hours (" + quiet.describe()
                        + "); choose a time outside them or change the quiet hours");
            }
            times.add(time);
        }
        if (times.size() > MOST) {
            throw ProblemException.invalid(field, "at most " + MOST + " times a day");
        }
        return List.copyOf(times);
    }

    /** One time of day, "8:00" or "08:00"; whole minutes only. */
    static LocalTime time(String field, String text) {
        String t = text == null ? "" : text.strip();
        try {
            LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t, HH_MM);
            return time;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + (t.length() > 20 ? t.substring(0, 20) + "…" : t)
                    + "' is not a time of day; write it like 08:00 or 19:30");
        }
    }

    /** Stored form; the database checks it again. */
    static String join(List<LocalTime> times) {
        List<String> parts = new ArrayList<>();
        times.forEach(t -> parts.add(format(t)));
        return String.join(",", parts);
    }

    static List<LocalTime> split(String stored) {
        List<LocalTime> times = new ArrayList<>();
        for (String part : stored.split(",")) {
            times.add(LocalTime.parse(part, HH_MM));
        }
        return times;
    }

    static String format(LocalTime time) {
        return HH_MM.format(time);
    }
}
