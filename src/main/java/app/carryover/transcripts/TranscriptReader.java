package app.carryover.transcripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import app.carryover.transcripts.reading.Captions;
import app.carryover.transcripts.reading.ChatMessages;
import app.carryover.transcripts.reading.PlainTranscripts;
import app.carryover.transcripts.reading.TextFiles;
import app.carryover.transcripts.reading.ReadLimits;

/**
 * Imports session transcripts. Formats, told apart by their content:
 * <ul>
 * <li>speaker-labelled text, one turn a line: {@code T: ...} / {@code C: ...}, {@code Therapist:} /
 * {@code Client:}, or names ({@code Dr Lee: ...}), optionally after a timestamp; lines without a
 * label continue the turn before; {@code #} lines are headers ({@code # clinician: Dr Lee},
 * {@code # speakers: Dr Lee=therapist, Sam=client}). A turn's number is its line number.</li>
 * <li>WebVTT and SRT captions with speaker tags ({@code <v Dr Lee>} or {@code Dr Lee:}); cues of one
 * speaker in a row make one turn, numbered in order.</li>
 * <li>JSON lines of chat messages ({@code {"speaker"|"role"|"author": ..., "text"|"content"|"message": ...}},
 * optionally with {@code "session"}, {@code "turn"} and {@code "id"}), or a JSON array of them.</li>
 * </ul>
 * A file that cannot be read gives a {@link Problem}, never an exception; a folder's other files are
 * still read.
 */
public final class TranscriptReader {

    /** A session transcript larger than this is refused: a 50-minute session is about 50 kB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final SpeakerRoles roles;
    private final long maxBytes;

    public TranscriptReader(SpeakerRoles roles) {
        this(roles, DEFAULT_MAX_BYTES);
    }

    public TranscriptReader(SpeakerRoles roles, long maxBytes) {
        this.roles = roles;
        this.maxBytes = maxBytes;
    }

    /** What was read, what could not be (problems) and what the import decided (notes), per source. */
    public record Result(List<Transcript> transcripts, List<Problem> problems, List<Problem> notes) {
    }

    /** A message about one source file. */
    public record Problem(String source, String message) {
        @Override
        public String toString() {
            return source + ": " + message;
        }
    }

    /** The files a path stands for: itself, or every regular, non-hidden file below a folder, sorted. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !path.relativize(p).toString().startsWith(".") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Reads one file. Its session is named {@code name} (the command uses the path below the input
     * folder); {@code clinician} is used when the file's header names none.
     */
    public Result read(Path file, String name, String clinician) {
        List<Problem> problems = new ArrayList<>();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.add(new Problem(name, String.format(Locale.ROOT,
                        "skipped: %.1f MB is more than the %d MB a session transcript may be (a 50-minute session is"
                                + " about 50 kB); split it into sessions", size / 1048576.0, maxBytes / 1048576)));
                return new Result(List.of(), problems, List.of());
            }
            return read(name, clinician, Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new Problem(name, "skipped: cannot read it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
            return new Result(List.of(), problems, List.of());
        }
    }

    /** Reads a transcript held in memory, as uploaded; the same rules as for a file. */
    public Result read(String name, String clinician, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        if (bytes.length > maxBytes) {
            problems.add(new Problem(name, "skipped: larger than " + maxBytes / 1048576 + " MB"));
            return new Result(List.of(), problems, notes);
        }
        String text;
        try {
            TextFiles.Decoded decoded = TextFiles.decode(bytes);
            text = decoded.text();
            if (decoded.legacyLines() > 0) {
                notes.add(new Problem(name, decoded.legacyLines() + (decoded.legacyLines() == 1 ? " line was not UTF-8 and was"
                        : " lines were not UTF-8 and were") + " read as Windows-1252/Latin-1"));
            }
        } catch (TextFiles.NotText e) {
            problems.add(new Problem(name, "skipped: " + e.getMessage()));
            return new Result(List.of(), problems, notes);
        }
        if (text.isBlank()) {
            problems.add(new Problem(name, "skipped: the file holds only white space"));
            return new Result(List.of(), problems, notes);
        }
        List<Transcript> transcripts = new ArrayList<>();
        String kind;
        ReadLimits limits = ReadLimits.start();
        try {
            Formats format = Formats.of(name, text);
            limits.checkLines(text, format == Formats.JSON);
            switch (format) {
                case CAPTIONS -> {
                    kind = "captions";
                    transcripts.addAll(Captions.read(name, clinician, text, roles, limits));
                }
                case JSON -> {
                    kind = "chat messages";
                    transcripts.addAll(ChatMessages.read(name, clinician, text, roles, notes, limits));
                }
                default -> {
                    kind = "speaker-labelled text";
                    transcripts.addAll(PlainTranscripts.read(name, clinician, text, roles, limits));
                }
            }
        } catch (UnreadableException e) {
            problems.add(new Problem(name, "skipped: " + e.getMessage()));
            return new Result(List.of(), problems, notes);
        }
        List<Transcript> usable = new ArrayList<>();
        for (Transcript t : transcripts) {
            for (String note : t.notes()) {
                notes.add(new Problem(t.session(), note));
            }
            if (t.turns().isEmpty()) {
                problems.add(new Problem(t.session(), "skipped: no speaker-labelled turns found in the " + kind
                        + " (expected lines such as 'T: ...', 'Therapist: ...' or 'Name: ...')"));
            } else if (t.turns().stream().noneMatch(Turn::byTherapist)) {
                problems.add(new Problem(t.session(), "skipped: no therapist turn (speakers: "
                        + t.turns().stream().map(Turn::label).distinct().limit(6).toList()
                        + "); name the therapist with --speakers \"NAME=therapist\""));
            } else {
                usable.add(t);
            }
        }
        if (transcripts.isEmpty()) {
            problems.add(new Problem(name, "skipped: no speaker-labelled turns found (expected lines such as"
                    + " 'T: ...', 'Therapist: ...' or 'Name: ...', WebVTT/SRT captions with speaker tags, or JSON chat"
                    + " messages)"));
        }
        return new Result(usable, problems, notes);
    }

    /** Thrown by a format reader when the text is not that format after all; the message is for the user. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message) {
            super(message, null, false, false);
        }
    }

    public enum Formats {
        TEXT, CAPTIONS, JSON;

        public static Formats of(String name, String text) {
            String lower = name.toLowerCase(Locale.ROOT);
            int i = 0;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("WEBVTT", i) || lower.endsWith(".vtt") || lower.endsWith(".srt")) {
                return CAPTIONS;
            }
            if (i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '[' && jsonArray(text, i + 1))
                    || lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
                return JSON;
            }
            int arrow = text.indexOf("-->");
            if (arrow > 0 && arrow < 2000 && Character.isDigit(text.charAt(i))) {
                return CAPTIONS;
            }
            return TEXT;
        }

        /**
         * Whether the text after an opening '[' reads as a JSON array (of message objects, or empty):
         * a timestamp ("[00:00:04] Therapist: ...") or a bracketed speaker ("[Dr Lee] ...") opens plain text.
         */
        private static boolean jsonArray(String text, int from) {
            int j = from;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            return j == text.length() || text.charAt(j) == '{' || text.charAt(j) == ']';
        }
    }
}
