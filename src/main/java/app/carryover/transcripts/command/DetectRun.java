package app.carryover.transcripts.command;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import app.carryover.transcripts.HomeworkDetector;
import app.carryover.transcripts.SessionDetection;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.TranscriptReader;
import app.carryover.transcripts.audit.PracticeAudit;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;
import app.carryover.transcripts.reading.Json;
import app.carryover.transcripts.DetectedTurn;
import app.carryover.transcripts.Speaker;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TurnDetection;
import app.carryover.transcripts.reading.ChatMessages;
import app.carryover.transcripts.reading.TextFiles;

/**
 * One run of {@code transcripts detect} or {@code transcripts audit}: finds the input files, reads
 * each (a bad file gets one clear message and the rest go on), detects on worker threads and writes
 * the results in input order.
 */
public final class DetectRun {

    private static final int CHUNK = 4096;
    private static final String PREFIX = "carryover transcripts: ";

    private final Map<String, String> options;
    private final PrintStream out;
    private final PrintStream err;
    private final HomeworkDetector detector = HomeworkDetector.standard();
    private final Map<Path, Map<String, LabelledData.Session>> labelsByFolder = new HashMap<>();
    private final Evaluation utteranceEvaluation = new Evaluation();
    private final Evaluation sessionEvaluation = new Evaluation();
    private int utteranceLabelled;
    private int sessionsLabelled;
    private int problems;

    public DetectRun(Map<String, String> options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    private enum Kind { UTTERANCES, TRANSCRIPT, LABELS }

    public int detect() throws IOException, CommandLine.UsageException {
        Path input = CommandLine.required(options, "input");
        Path output = CommandLine.required(options, "output");
        List<Path> files = inputFiles(input);
        TranscriptReader reader = reader();
        boolean evaluate = options.containsKey("evaluate");
        int threads = threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "transcripts-detect");
            t.setDaemon(true);
            return t;
        });
        int turns = 0;
        int sessions = 0;
        int processedFiles = 0;
        Path sessionsPath = sessionsPathBeside(output);
        List<Path> transcripts = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (Path file : files) {
                if (kind(file) == Kind.UTTERANCES) {
                    int n = utterances(file, name(input, file), w, pool, evaluate);
                    if (n >= 0) {
                        processedFiles++;
                        turns += n;
                    }
                } else if (kind(file) == Kind.TRANSCRIPT) {
                    transcripts.add(file);
                }
            }
            if (!transcripts.isEmpty()) {
                try (BufferedWriter sw = Files.newBufferedWriter(sessionsPath, StandardCharsets.UTF_8)) {
                    Progress progress = new Progress(err, "files", transcripts.size(), transcripts.size() >= 20 && !quiet());
                    List<Future<FileResult>> pending = new ArrayList<>();
                    for (Path file : transcripts) {
                        pending.add(pool.submit(() -> transcript(reader, input, file)));
                    }
                    for (Future<FileResult> f : pending) {
                        FileResult r = await(f);
                        progress.advance(1);
                        report(r.read());
                        if (r.detections().isEmpty()) {
                            continue;
                        }
                        processedFiles++;
                        for (SessionDetection d : r.detections()) {
                            sessions++;
                            turns += d.turns().size();
                            w.write(turnLines(d));
                            sw.write(sessionLine(d));
                            if (evaluate) {
                                evaluateSession(r.file(), d);
                            }
                        }
                    }
                    progress.finish();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        err.println(PREFIX + String.format(Locale.ROOT, "%,d therapist turns%s from %d file%s written to %s%s%s", turns,
                sessions > 0 ? " in " + sessions + " session" + (sessions == 1 ? "" : "s") : "", processedFiles,
                processedFiles == 1 ? "" : "s", output, sessions > 0 ? " and " + sessionsPath : "",
                problems > 0 ? "; " + problems + " file" + (problems == 1 ? "" : "s") + " or line" + (problems == 1 ? "" : "s")
                        + " skipped (see above)" : ""));
        if (evaluate) {
            printEvaluation();
        }
        if (processedFiles == 0) {
            err.println(PREFIX + "nothing could be processed");
            return 1;
        }
        return 0;
    }

    public int audit() throws IOException, CommandLine.UsageException {
        Path input = CommandLine.required(options, "input");
        Path output = CommandLine.required(options, "output");
        List<Path> files = inputFiles(input);
        TranscriptReader reader = reader();
        List<SessionDetection> detections = new ArrayList<>();
        List<Path> transcripts = new ArrayList<>();
        for (Path file : files) {
            Kind kind = kind(file);
            if (kind == Kind.TRANSCRIPT) {
                transcripts.add(file);
            } else if (kind == Kind.UTTERANCES) {
                err.println(PREFIX + name(input, file) + ": an utterances file, not session transcripts; left out of the audit");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            Progress progress = new Progress(err, "files", transcripts.size(), transcripts.size() >= 20 && !quiet());
            List<Future<FileResult>> pending = new ArrayList<>();
            for (Path file : transcripts) {
                pending.add(pool.submit(() -> transcript(reader, input, file)));
            }
            for (Future<FileResult> f : pending) {
                FileResult r = await(f);
                progress.advance(1);
                report(r.read());
                detections.addAll(r.detections());
            }
            progress.finish();
        } finally {
            pool.shutdownNow();
        }
        if (detections.isEmpty()) {
            err.println(PREFIX + "no session could be read from " + input + "; nothing to audit");
            return 1;
        }
        List<PracticeAudit.Figures> rows = PracticeAudit.of(detections);
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            PracticeAudit.writeCsv(rows, w);
        }
        out.println(String.format(Locale.ROOT, "%-24s %8s %10s %10s %12s %9s", "clinician", "sessions", "assigning",
                "reviewing", "assignments", "specific"));
        for (PracticeAudit.Figures f : rows) {
            out.println(String.format(Locale.ROOT, "%-24s %8d %9.0f%% %9.0f%% %12d %8.0f%%", f.clinician(), f.sessions(),
                    100 * f.shareAssigning(), 100 * f.shareReviewing(), f.assignments(), 100 * f.shareSpecific()));
        }
        err.println(PREFIX + "audit of " + detections.size() + " sessions written to " + output);
        return 0;
    }

    private List<Path> inputFiles(Path input) throws IOException, CommandLine.UsageException {
        if (!Files.exists(input)) {
            throw new CommandLine.UsageException("--input " + input + " does not exist");
        }
        return TranscriptReader.files(input);
    }

    private TranscriptReader reader() throws CommandLine.UsageException {
        try {
            long maxMb = Long.parseLong(options.getOrDefault("max-mb", "64"));
            return new TranscriptReader(SpeakerRoles.parse(options.get("speakers")), maxMb * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--max-mb must be a whole number of megabytes");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--speakers: " + e.getMessage());
        }
    }

    private int threads() throws CommandLine.UsageException {
        try {
            int n = Integer.parseInt(options.getOrDefault("threads",
                    String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors()))));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--threads must be a positive whole number");
        }
    }

    private boolean quiet() {
        return options.containsKey("quiet");
    }

    /** OUT.sessions.jsonl beside OUT.jsonl (or OUT + ".sessions.jsonl" for another name). */
    static Path sessionsPathBeside(Path output) {
        String name = output.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return output.resolveSibling(base + ".sessions.jsonl");
    }

    /** The file's name below the input folder, or its own name when the input is the file. */
    static String name(Path input, Path file) {
        if (input.equals(file) || !Files.isDirectory(input)) {
            return file.getFileName().toString();
        }
        return input.relativize(file).toString().replace('\\', '/');
    }

    /** Utterance files are JSON lines whose first object has a "context"; labels files are skipped. */
    private static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("labels.jsonl") || name.equals("sessions.jsonl")) {
            return Kind.LABELS;
        }
        if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json")) {
            return Kind.TRANSCRIPT;
        }
        try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> o = Json.object(line);
                if (o.containsKey("assigns_homework") && !o.containsKey("text") && o.containsKey("turn")) {
                    return Kind.LABELS;
                }
                return o.containsKey("context") ? Kind.UTTERANCES : Kind.TRANSCRIPT;
            }
        } catch (IOException | Json.Malformed e) {
            // the transcript reader gives the user a proper message
        }
        return Kind.TRANSCRIPT;
    }

    private record FileResult(Path file, TranscriptReader.Result read, List<SessionDetection> detections) {
    }

    private FileResult transcript(TranscriptReader reader, Path input, Path file) {
        String name = name(input, file);
        String relative = Files.isDirectory(input) ? input.relativize(file).toString().replace('\\', '/') : "";
        String clinician = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        TranscriptReader.Result read = reader.read(file, name, clinician);
        List<SessionDetection> detections = new ArrayList<>();
        for (Transcript t : read.transcripts()) {
            detections.add(detector.detect(t));
        }
        return new FileResult(file, read, detections);
    }

    private void report(TranscriptReader.Result read) {
        for (TranscriptReader.Problem p : read.problems()) {
            problems++;
            err.println(PREFIX + p);
        }
        for (TranscriptReader.Problem p : read.notes()) {
            err.println(PREFIX + "note: " + p);
        }
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException(cause);
        }
    }

    // ---- utterance files

    /** Detects every therapist utterance of the file; the number written, or -1 when the file was skipped. */
    private int utterances(Path file, String name, Writer w, ExecutorService pool, boolean evaluate) throws IOException {
        String text;
        try {
            TextFiles.Decoded decoded = TextFiles.decode(Files.readAllBytes(file));
            text = decoded.text();
            if (decoded.legacyLines() > 0) {
                err.println(PREFIX + "note: " + name + ": " + decoded.legacyLines() + " lines were not UTF-8 and were read as"
                        + " Windows-1252/Latin-1");
            }
        } catch (TextFiles.NotText e) {
            problems++;
            err.println(PREFIX + name + ": skipped: " + e.getMessage());
            return -1;
        }
        String[] lines = text.split("\r?\n", -1);
        Progress progress = new Progress(err, "utterances", lines.length, lines.length >= 20_000 && !quiet());
        List<Future<Chunk>> pending = new ArrayList<>();
        for (int start = 0; start < lines.length; start += CHUNK) {
            int from = start;
            int to = Math.min(lines.length, start + CHUNK);
            pending.add(pool.submit(() -> chunk(lines, from, to, name, evaluate, progress)));
        }
        int written = 0;
        int bad = 0;
        List<String> firstBad = new ArrayList<>();
        for (Future<Chunk> f : pending) {
            Chunk c = await(f);
            w.write(c.out.toString());
            written += c.written;
            bad += c.bad;
            for (String b : c.badLines) {
                if (firstBad.size() < 3) {
                    firstBad.add(b);
                }
            }
            if (evaluate) {
                utteranceEvaluation.add(c.evaluation);
                utteranceLabelled += c.labelled;
            }
        }
        progress.finish();
        if (bad > 0) {
            problems++;
            err.println(PREFIX + name + ": " + bad + " line" + (bad == 1 ? "" : "s") + " skipped: " + String.join("; ", firstBad)
                    + (bad > firstBad.size() ? "; ..." : ""));
        }
        if (written == 0) {
            problems++;
            err.println(PREFIX + name + ": skipped: no therapist utterance with text in it");
            return -1;
        }
        return written;
    }

    private static final class Chunk {
        final StringBuilder out = new StringBuilder(1 << 16);
        final Evaluation evaluation = new Evaluation();
        final List<String> badLines = new ArrayList<>();
        int written;
        int bad;
        int labelled;
    }

    private Chunk chunk(String[] lines, int from, int to, String name, boolean evaluate, Progress progress) {
        Chunk c = new Chunk();
        for (int i = from; i < to; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> o;
            try {
                o = Json.object(line);
            } catch (Json.Malformed e) {
                c.bad++;
                if (c.badLines.size() < 3) {
                    c.badLines.add("line " + (i + 1) + " is not a JSON object (" + e.getMessage() + ")");
                }
                continue;
            }
            String speaker = ChatMessages.first(o, ChatMessages.SPEAKER_KEYS);
            if (speaker != null && Speaker.ofRoleLabel(speaker) != null && Speaker.ofRoleLabel(speaker) != Speaker.THERAPIST) {
                continue;
            }
            String utterance = ChatMessages.first(o, ChatMessages.TEXT_KEYS);
            if (utterance == null) {
                c.bad++;
                if (c.badLines.size() < 3) {
                    c.badLines.add("line " + (i + 1) + " has no \"text\"");
                }
                continue;
            }
            String context = Json.text(o.get("context"));
            TurnDetection d = detector.detectUtterance(context == null ? "" : context, utterance);
            String session = ChatMessages.first(o, ChatMessages.SESSION_KEYS);
            String turn = Json.text(o.get("turn"));
            writeTurn(c.out, session == null ? name : session, turn == null ? String.valueOf(i + 1) : turn,
                    Json.text(o.get("id")), d);
            c.written++;
            if (evaluate && o.containsKey("assigns_homework")) {
                c.evaluation.add(LabelledData.Labels.of(o), d);
                c.labelled++;
            }
        }
        progress.advance(to - from);
        return c;
    }

    // ---- output lines

    private static String turnLines(SessionDetection d) {
        StringBuilder b = new StringBuilder();
        for (DetectedTurn t : d.turns()) {
            writeTurn(b, d.session(), String.valueOf(t.turn().number()), t.turn().id(), t.detection());
        }
        return b.toString();
    }

    static void writeTurn(StringBuilder b, String session, String turn, String id, TurnDetection d) {
        b.append("{\"session\":");
        Json.string(b, session);
        b.append(",\"turn\":");
        if (turn.chars().allMatch(Character::isDigit) && !turn.isEmpty()) {
            b.append(turn);
        } else {
            Json.string(b, turn);
        }
        if (id != null) {
            b.append(",\"id\":");
            Json.string(b, id);
        }
        b.append(",\"assigns_homework\":").append(d.assignsHomework());
        b.append(",\"reviews_homework\":").append(d.reviewsHomework());
        b.append(",\"category\":");
        if (d.category() == null) {
            b.append("null");
        } else {
            Json.string(b, d.category().label());
        }
        b.append(",\"specific\":").append(d.specific() == null ? "null" : d.specific().toString());
        b.append(",\"evidence\":[");
        for (int k = 0; k < d.evidence().size(); k++) {
            if (k > 0) {
                b.append(',');
            }
            Json.string(b, d.evidence().get(k));
        }
        b.append(']');
        if (d.summary() != null) {
            b.append(",\"summary\":");
            Json.string(b, d.summary());
        }
        b.append("}\n");
    }

    private static String sessionLine(SessionDetection d) {
        StringBuilder b = new StringBuilder("{\"session\":");
        Json.string(b, d.session());
        b.append(",\"homework_assigned\":").append(d.homeworkAssigned());
        b.append(",\"homework_reviewed\":").append(d.homeworkReviewed());
        b.append(",\"clinician\":");
        Json.string(b, d.clinician());
        b.append(",\"assignments\":[");
        for (int k = 0; k < d.assignments().size(); k++) {
            if (k > 0) {
                b.append(',');
            }
            Json.string(b, d.assignments().get(k).line());
        }
        b.append("]}\n");
        return b.toString();
    }

    // ---- evaluation

    private void evaluateSession(Path file, SessionDetection d) {
        Path folder = file.toAbsolutePath().getParent();
        Map<String, LabelledData.Session> labels = labelsByFolder.computeIfAbsent(folder, this::loadLabels);
        LabelledData.Session gold = labels.get(LabelledData.sessionKey(d.session()));
        if (gold != null) {
            sessionEvaluation.add(gold, d);
            sessionsLabelled++;
        }
    }

    private Map<String, LabelledData.Session> loadLabels(Path folder) {
        Map<String, LabelledData.Session> byKey = new HashMap<>();
        if (!Files.exists(folder.resolve("labels.jsonl")) && !Files.exists(folder.resolve("sessions.jsonl"))) {
            return byKey;
        }
        try {
            // only the labels are needed here: read them with an empty folder listing
            for (LabelledData.Session s : LabelledData.sessionLabels(folder)) {
                byKey.put(LabelledData.sessionKey(s.transcript().session()), s);
            }
        } catch (IOException e) {
            err.println(PREFIX + "cannot read the labels in " + folder + ": " + e.getMessage());
        }
        return byKey;
    }

    private void printEvaluation() {
        if (utteranceLabelled == 0 && sessionsLabelled == 0) {
            out.println("No labels found in the input to evaluate against (utterance fields assigns_homework/reviews_homework,"
                    + " or labels.jsonl and sessions.jsonl beside the transcripts).");
            return;
        }
        if (utteranceLabelled > 0) {
            out.print(utteranceEvaluation.report("Utterances (" + utteranceLabelled + " labelled):"));
        }
        if (sessionsLabelled > 0) {
            out.print(sessionEvaluation.report("Session transcripts (" + sessionsLabelled + " labelled sessions, turns as labelled):"));
        }
    }
}
