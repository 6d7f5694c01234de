package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.TranscriptReader;

/**
 * What one transcript may be, so a file built to be slow cannot occupy the server: a line of at most
 * {@value #MAX_LINE_CHARS} characters, at most {@value #MAX_LINES} lines, {@value #MAX_TURNS} turns and
 * {@value #MAX_TURN_CHARS} characters in one turn, and {@value #MAX_MILLIS} ms of reading. A 50-minute
 * session is about 1,000 lines and 400 turns, its longest turn a few thousand characters. Each check
 * refuses the file with a reason the user can act on. The readers stay linear in the file's size:
 * no pattern that can backtrack over a line, and turns grown in a builder rather than copied.
 */
public final class ReadLimits {

    public static final int MAX_LINE_CHARS = 20_000;
    public static final int MAX_LINES = 50_000;
    public static final int MAX_TURNS = 20_000;
    public static final int MAX_TURN_CHARS = 100_000;
    static final long MAX_MILLIS = 2_000;

    private final long deadline;

    private ReadLimits(long deadline) {
        this.deadline = deadline;
    }

    /** Limits whose reading time starts now. */
    public static ReadLimits start() {
        return new ReadLimits(System.nanoTime() + MAX_MILLIS * 1_000_000);
    }

    /** Refuses text with too many lines or, unless {@code longLinesAllowed} (JSON), too long a line; one pass. */
    public void checkLines(String text, boolean longLinesAllowed) throws TranscriptReader.UnreadableException {
        int lines = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!longLinesAllowed) {
                    longLine(lines, i - start);
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines++;
                start = i + 1;
            }
        }
        if (!longLinesAllowed) {
            longLine(lines, n - start);
        }
        if (lines > MAX_LINES) {
            throw new TranscriptReader.UnreadableException(String.format(Locale.ROOT, "it has %,d lines; a session"
                    + " transcript may have at most %,d (a 50-minute session has about 1,000)", lines, MAX_LINES));
        }
    }

    private static void longLine(int line, int length) throws TranscriptReader.UnreadableException {
        if (length > MAX_LINE_CHARS) {
            throw new TranscriptReader.UnreadableException(String.format(Locale.ROOT, "line %,d is %,d characters long;"
                    + " a line of a transcript may be at most %,d (one turn of speech)", line, length, MAX_LINE_CHARS));
        }
    }

    /** Refuses the file once its reading has taken longer than {@value #MAX_MILLIS} ms. */
    void checkTime() throws TranscriptReader.UnreadableException {
        if (System.nanoTime() - deadline > 0) {
            throw new TranscriptReader.UnreadableException("reading it took longer than " + MAX_MILLIS / 1000
                    + " seconds, far longer than any session transcript takes");
        }
    }

    /** Refuses a transcript that has reached {@value #MAX_TURNS} turns and is given one more. */
    static void checkTurnCount(int turnsSoFar) throws TranscriptReader.UnreadableException {
        if (turnsSoFar >= MAX_TURNS) {
            throw new TranscriptReader.UnreadableException(String.format(Locale.ROOT, "it has more than %,d turns;"
                    + " a 50-minute session has about 400, so upload one session at a time", MAX_TURNS));
        }
    }

    /** Refuses a turn longer than {@value #MAX_TURN_CHARS} characters; {@code where} is "line 12" or "turn 3". */
    static void checkTurnLength(int length, String where) throws TranscriptReader.UnreadableException {
        if (length > MAX_TURN_CHARS) {
            throw new TranscriptReader.UnreadableException(String.format(Locale.ROOT, "the turn at %s is longer than"
                    + " %,d characters; one person's turn in a session is a few thousand", where, MAX_TURN_CHARS));
        }
    }

    /** A new list of turns under these limits; {@code numberedBy} ("line" or "turn") names what a turn's number counts. */
    Turns turns(String numberedBy) {
        return new Turns(this, numberedBy);
    }

    /**
     * Turns as they are read: a turn's text grows in a builder (a continuation line is appended, not the
     * whole turn copied), within the limits on turns and on a turn's length.
     */
    static final class Turns {

        private final ReadLimits limits;
        private final String numberedBy;
        private final List<Integer> numbers = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();

        private Turns(ReadLimits limits, String numberedBy) {
            this.limits = limits;
            this.numberedBy = numberedBy;
        }

        void add(int number, String label, String text, String id) throws TranscriptReader.UnreadableException {
            limits.checkTime();
            checkTurnCount(texts.size());
            numbers.add(number);
            labels.add(label);
            ids.add(id);
            texts.add(new StringBuilder(text));
            checkLength();
        }

        /** Adds the text to the last turn, after a space. */
        void append(String text) throws TranscriptReader.UnreadableException {
            limits.checkTime();
            texts.get(texts.size() - 1).append(' ').append(text);
            checkLength();
        }

        private void checkLength() throws TranscriptReader.UnreadableException {
            int last = texts.size() - 1;
            checkTurnLength(texts.get(last).length(), numberedBy + " " + numbers.get(last));
        }

        boolean isEmpty() {
            return texts.isEmpty();
        }

        int size() {
            return texts.size();
        }

        String lastLabel() {
            return labels.isEmpty() ? null : labels.get(labels.size() - 1);
        }

        List<SpeakerRoles.Raw> raws() {
            List<SpeakerRoles.Raw> raws = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                raws.add(new SpeakerRoles.Raw(numbers.get(i), labels.get(i), texts.get(i).toString(), ids.get(i)));
            }
            return raws;
        }
    }
}
