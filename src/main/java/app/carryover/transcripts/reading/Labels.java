package app.carryover.transcripts.reading;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.Speaker;

/**
 * Finds a speaker label at the start of a line ("T:", "Therapist:", "Dr Lee:", "(Speaker 1):",
 * "**Client:**", "00:01:02 Sam:"). A label that is not a role word or a name given in the speaker
 * roles counts only when it starts at least two lines of the file, so a line of speech such as
 * "The rule is: ..." is not taken for a new speaker.
 */
public final class Labels {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^\\s*[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:\\s*[ap]\\.?m\\.?)?[\\])]?\\s*(?:[-–—]\\s*)?",
            Pattern.CASE_INSENSITIVE);
    /** A label and its colon, looked for in the first {@value #HEAD} characters of a line (after white space). */
    private static final Pattern LABEL = Pattern.compile(
            "(?:\\*\\*|__)?[\\[(<]?([\\p{L}][\\p{L}\\p{N} .'’_-]{0,38}?(?:\\s*+\\([^)]{1,30}\\))?)[\\])>]?(?:\\*\\*|__)?\\s*+[:：](?:\\*\\*|__)?\\s?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([\\p{L}][\\p{L}\\p{N} .'’_-]{0,38})\\]\\s");
    private static final int HEAD = 200;

    /** Speech-recognition speaker names: "Speaker 1", "SPEAKER_01", "Person B", "Spk 2". */
    private static final Pattern DIARIZED = Pattern.compile("(?i)(speaker|spk|person|voice|participant)[ _-]?[a-z0-9]{1,2}");

    /** Words that mark a line's start as speech rather than a name ("The rule is:", "So here's the plan:"). */
    private static final Pattern SPEECH = Pattern.compile(
            "(?i)\\b(is|are|was|were|the|here|so|this|that|it|my|your|and|but|what|then|because|plan|rule)\\b");

    private Labels() {
    }

    /** A label and the speech after it. */
    record Split(String label, String text) {
    }

    /**
     * The label and speech of a line, if it has a label-shaped start, else null. A line with no colon and
     * no '[' cannot have one and is not matched at all; the label is looked for only in the line's first
     * {@value #HEAD} characters, so no line, however long, makes the patterns work over all of it.
     */
    static Split split(String line) {
        if (line.indexOf(':') < 0 && line.indexOf('：') < 0 && line.indexOf('[') < 0) {
            return null;
        }
        Matcher t = TIMESTAMP.matcher(line);
        String rest = t.lookingAt() && t.end() > 0 ? line.substring(t.end()) : line;
        int start = 0;
        while (start < rest.length() && isSpace(rest.charAt(start))) {
            start++;
        }
        int head = Math.min(rest.length(), start + HEAD);
        Matcher m = LABEL.matcher(rest).region(start, head);
        if (m.lookingAt()) {
            String label = m.group(1).trim();
            if (label.split("\\s+").length <= 4 && !label.isEmpty()) {
                return new Split(label, rest.substring(m.end()).trim());
            }
        }
        Matcher b = BRACKETED.matcher(rest).region(start, head);
        if (b.lookingAt() && b.end() < rest.length()) {
            return new Split(b.group(1).trim(), rest.substring(b.end()).trim());
        }
        return null;
    }

    /** White space as the patterns' {@code \\s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Which labels of these lines count as speakers (see the class comment). */
    static Set<String> accepted(List<String> lines, SpeakerRoles roles) {
        Map<String, Integer> counts = new HashMap<>();
        int nonBlank = 0;
        int labelled = 0;
        for (String line : lines) {
            Split s = split(line);
            if (s != null) {
                counts.merge(SpeakerRoles.key(s.label()), 1, Integer::sum);
            }
            if (!line.isBlank()) {
                nonBlank++;
                labelled += s != null ? 1 : 0;
            }
        }
        // a file where most lines start with one of a few labels is plainly speaker-labelled
        boolean rolesNamed = counts.keySet().stream().anyMatch(l -> roles.roleOf(l) != null || roleInParentheses(l) != null);
        boolean mostlyLabelled = !rolesNamed && nonBlank > 0 && labelled * 10 >= nonBlank * 6 && counts.size() <= 8;
        Set<String> accepted = new HashSet<>();
        counts.forEach((label, n) -> {
            if (roles.roleOf(label) != null || roleInParentheses(label) != null || n >= 2
                    || DIARIZED.matcher(label).matches() || mostlyLabelled && label.split(" ").length <= 3 && !SPEECH.matcher(label).find()) {
                accepted.add(label);
            }
        });
        return accepted;
    }

    /** "Therapist (Dr Lee)" names its role in its first part or in brackets. */
    static Speaker roleInParentheses(String label) {
        int open = label.indexOf('(');
        if (open <= 0) {
            return null;
        }
        Speaker outer = Speaker.ofRoleLabel(label.substring(0, open));
        if (outer != null) {
            return outer;
        }
        return Speaker.ofRoleLabel(label.substring(open + 1).replace(")", ""));
    }
}
