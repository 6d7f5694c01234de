package app.carryover.transcripts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code carryover transcripts detect|audit|train|cv}: the transcript homework audit from the
 * command line, before Spring starts, so it needs neither the server nor a database. Returns the
 * exit code: 0 when anything was processed, 1 when nothing could be, 2 for a usage error.
 */
public final class TranscriptsCommand {

    static final String USAGE = String.join("\n",
            "Usage: carryover transcripts COMMAND [options]",
            "",
            "  detect --input PATH --output OUT.jsonl [--evaluate] [--speakers \"Dr Lee=therapist,Sam=client\"]",
            "         PATH is a transcript (speaker-labelled .txt, .vtt, .srt, chat .jsonl), a folder of them, or an",
            "         utterances file (JSON lines with \"context\" and \"text\"). Writes one line per therapist turn to",
            "         OUT, and for transcripts one line per session to OUT.sessions.jsonl beside it. --evaluate",
            "         prints precision, recall and F1 against the labels in the input (utterance fields, or",
            "         labels.jsonl and sessions.jsonl beside the transcripts).",
            "  audit  --input FOLDER --output audit.csv [--speakers ...]",
            "         The practice audit: share of sessions assigning and reviewing homework, specific against",
            "         vague tasks, categories; overall and per clinician (a '# clinician: NAME' header line, or",
            "         the first folder below FOLDER).",
            "  train  --utterances FILE --sessions FOLDER [--utterances FILE --sessions FOLDER ...] --output model.tsv",
            "         Retrains the detector's weights from labelled data (every pair given).",
            "  cv     --utterances FILE --sessions FOLDER [--utterances FILE --sessions FOLDER ...] [--folds 5] [--seed 7]",
            "         Cross-validated figures: k-fold over the utterances, and leave-sessions-out. With more than",
            "         one pair, each source's folds are held out together and two arms are compared on them:",
            "         trained on the first pair only, and on every pair; figures per source and pooled.",
            "",
            "Options: --threads N (default: the processors, at most 4), --max-mb N (largest transcript read,",
            "         default 64), --quiet (no progress bar).");

    private TranscriptsCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("carryover transcripts: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "detect":
                    return new DetectRun(options, out, err).detect();
                case "audit":
                    return new DetectRun(options, out, err).audit();
                case "train":
                    return train(options, out);
                case "cv":
                    return crossValidate(options, out);
                default:
                    err.println("carryover transcripts: unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("carryover transcripts: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("carryover transcripts: " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("carryover transcripts: failed: " + e);
            return 1;
        }
    }

    /** A mistake in the command line; the message says which. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Options that may be given more than once (their values are kept in order, one a line). */
    private static final java.util.Set<String> REPEATABLE = java.util.Set.of("utterances", "sessions");

    /** The labelled sources named by the repeated --utterances and --sessions pairs, in order. */
    static List<CrossValidation.Source> sources(Map<String, String> options) throws IOException, UsageException {
        required(options, "utterances");
        required(options, "sessions");
        String[] utterances = options.get("utterances").split("\n");
        String[] sessions = options.get("sessions").split("\n");
        if (utterances.length != sessions.length) {
            throw new UsageException("give --utterances and --sessions in pairs (" + utterances.length + " and "
                    + sessions.length + " given)");
        }
        List<CrossValidation.Source> out = new java.util.ArrayList<>();
        for (int i = 0; i < utterances.length; i++) {
            Path folder = Path.of(sessions[i]);
            out.add(new CrossValidation.Source(folder.toAbsolutePath().normalize().getParent().getFileName() + "",
                    LabelledData.utterances(Path.of(utterances[i])),
                    LabelledData.sessions(folder, new TranscriptReader(SpeakerRoles.none()))));
        }
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0 && REPEATABLE.contains(name.substring(0, eq))) {
                options.merge(name.substring(0, eq), name.substring(eq + 1), (x, y) -> x + "\n" + y);
            } else if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("evaluate") || name.equals("quiet")) {
                options.put(name, "true");
            } else if (i + 1 < args.length && REPEATABLE.contains(name)) {
                options.merge(name, args[++i], (x, y) -> x + "\n" + y);
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    static Path required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required (see 'carryover transcripts help')");
        }
        return Path.of(value);
    }

    private static int train(Map<String, String> options, PrintStream out) throws IOException, UsageException {
        Path output = required(options, "output");
        List<LabelledData.Utterance> utterances = new java.util.ArrayList<>();
        List<LabelledData.Session> sessions = new java.util.ArrayList<>();
        for (CrossValidation.Source source : sources(options)) {
            utterances.addAll(source.utterances());
            sessions.addAll(source.sessions());
        }
        DetectorModel model = Training.train(utterances, sessions);
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            model.write(w);
        }
        out.println("wrote " + output);
        return 0;
    }

    private static int crossValidate(Map<String, String> options, PrintStream out) throws IOException, UsageException {
        List<CrossValidation.Source> sources = sources(options);
        int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
        long seed = Long.parseLong(options.getOrDefault("seed", "7"));
        if (sources.size() > 1) {
            compare(sources, folds, seed, out);
            return 0;
        }
        List<LabelledData.Utterance> utterances = sources.get(0).utterances();
        List<LabelledData.Session> sessions = sources.get(0).sessions();
        out.print(CrossValidation.utterances(utterances, sessions, folds, seed)
                .report(String.format(Locale.ROOT, "Utterances, %d-fold cross-validation (%d utterances):", folds, utterances.size())));
        out.print(CrossValidation.utterances(utterances, sessions, folds, seed, true)
                .report(String.format(Locale.ROOT, "Utterances, %d-fold, each held-out utterance as speech recognition might"
                        + " write it (lower case, no punctuation, fillers):", folds)));
        out.print(CrossValidation.sessions(utterances, sessions, folds, seed)
                .report(String.format(Locale.ROOT, "Sessions, leave-sessions-out in %d folds (%d sessions):", folds, sessions.size())));
        return 0;
    }

    private static void compare(List<CrossValidation.Source> sources, int folds, long seed, PrintStream out) {
        String[] arms = {"(a) trained on " + sources.get(0).name() + " only", "(b) trained on all sources"};
        String[] runs = {"utterances, %d-fold", "utterances, %d-fold, held-out text speech-like", "session turns, leave-sessions-out in %d folds"};
        for (int run = 0; run < runs.length; run++) {
            Evaluation[][] e = CrossValidation.compare(sources, folds, seed, run == 2, run == 1);
            for (int arm = 0; arm < 2; arm++) {
                Evaluation pooled = new Evaluation();
                for (int s = 0; s < sources.size(); s++) {
                    pooled.add(e[arm][s]);
                    out.print(e[arm][s].report(String.format(Locale.ROOT, "%s, %s, held-out folds of %s:",
                            String.format(Locale.ROOT, runs[run], folds), arms[arm], sources.get(s).name())));
                }
                out.print(pooled.report(String.format(Locale.ROOT, "%s, %s, held-out folds of all sources:",
                        String.format(Locale.ROOT, runs[run], folds), arms[arm])));
            }
        }
    }
}
