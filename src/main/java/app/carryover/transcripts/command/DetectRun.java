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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;
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
    private final RunEvaluation evaluation;
    private int problems;

    public DetectRun(Map<String, String> options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.evaluation = new RunEvaluation(out, err);
    }

    public int detect() throws IOException, CommandLine.UsageException {
        Path input = CommandLine.required(options, "input");
        Path output = CommandLine.required(options, "output");
        List<Path> files = inputFiles(input);
        TranscriptReader reader = reader();
        boolean evaluate = options.containsKey("evaluate");
        ExecutorService pool = pool();
        int turns = 0;
        int sessions = 0;
        int processedFiles = 0;
        Path sessionsPath = InputFiles.sessionsPathBeside(output);
        List<Path> transcripts = new ArrayList<>();
        int[] counts = new int[3]; // files processed, sessions, turns
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (Path file : files) {
                if (InputFiles.kind(file) == InputFiles.Kind.UTTERANCES) {
                    int n = utterances(file, InputFiles.name(input, file), w, pool, evaluate);
                    if (n >= 0) {
                        processedFiles++;
                        turns += n;
                    }
                } else if (InputFiles.kind(file) == InputFiles.Kind.TRANSCRIPT) {
                    transcripts.add(file);
                }
            }
            if (!transcripts.isEmpty()) {
                try (BufferedWriter sw = Files.newBufferedWriter(sessionsPath, StandardCharsets.UTF_8)) {
                    detectTranscripts(reader, input, transcripts, pool, r -> {
                        if (!r.detections().isEmpty()) {
                            counts[0]++;
                        }
                        for (SessionDetection d : r.detections()) {
                            counts[1]++;
                            counts[2] += d.turns().size();
                            w.write(OutputLines.turnLines(d));
                            sw.write(OutputLines.sessionLine(d));
                            if (evaluate) {
                                evaluation.addSession(r.file(), d);
                            }
                        }
                    });
                }
                processedFiles += counts[0];
                sessions += counts[1];
                turns += counts[2];
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
            evaluation.print();
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
            InputFiles.Kind kind = InputFiles.kind(file);
            if (kind == InputFiles.Kind.TRANSCRIPT) {
                transcripts.add(file);
            } else if (kind == InputFiles.Kind.UTTERANCES) {
                err.println(PREFIX + InputFiles.name(input, file) + ": an utterances file, not session transcripts; left out of the audit");
            }
        }
        ExecutorService pool = pool();
        try {
            detectTranscripts(reader, input, transcripts, pool, r -> detections.addAll(r.detections()));
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

    /** What is done with each transcript file's result, in input order. */
    private interface FileResults {
        void accept(FileResult result) throws IOException;
    }

    /**
     * Reads and detects every transcript on the pool's threads, and hands each file's result to
     * {@code each} in input order, reporting its problems and advancing the progress bar.
     */
    private void detectTranscripts(TranscriptReader reader, Path input, List<Path> transcripts, ExecutorService pool,
            FileResults each) throws IOException {
        Progress progress = new Progress(err, "files", transcripts.size(), transcripts.size() >= 20 && !quiet());
        List<Future<FileResult>> pending = new ArrayList<>();
        for (Path file : transcripts) {
            pending.add(pool.submit(() -> transcript(reader, input, file)));
        }
        for (Future<FileResult> f : pending) {
            FileResult r = await(f);
            progress.advance(1);
            report(r.read());
            each.accept(r);
        }
        progress.finish();
    }

    private ExecutorService pool() throws CommandLine.UsageException {
        return Executors.newFixedThreadPool(threads(), r -> {
            Thread t = new Thread(r, "transcripts-detect");
            t.setDaemon(true);
            return t;
        });
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

    private record FileResult(Path file, TranscriptReader.Result read, List<SessionDetection> detections) {
    }

    private FileResult transcript(TranscriptReader reader, Path input, Path file) {
        String name = InputFiles.name(input, file);
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
        } catch (ExecutionException e) {
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
                evaluation.addUtterances(c.evaluation, c.labelled);
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
            JsonNode o;
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
            OutputLines.writeTurn(c.out, session == null ? name : session, turn == null ? String.valueOf(i + 1) : turn,
                    Json.text(o.get("id")), d);
            c.written++;
            if (evaluate && o.has("assigns_homework")) {
                c.evaluation.add(LabelledData.Labels.of(o), d);
                c.labelled++;
            }
        }
        progress.advance(to - from);
        return c;
    }
}
