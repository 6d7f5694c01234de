package app.carryover.transcripts.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.TranscriptReader;
import app.carryover.transcripts.command.CommandLine;
import app.carryover.transcripts.detection.DetectorModel;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;

/**
 * {@code train} and {@code cv}: the detector's training and cross-validation, kept out of the server's
 * jar (they live in {@code src/tools}, compiled with the tests). Run from the source tree:
 * {@code ./mvnw -q test-compile exec:java@transcripts-tools -Dexec.args="cv --utterances U --sessions S"}.
 */
public final class TrainingCommand {

    static final String USAGE = String.join("\n",
            "Usage: TrainingCommand COMMAND [options]   (./mvnw -q test-compile exec:java@transcripts-tools -Dexec.args=\"...\")",
            "",
            "  train  --utterances FILE --sessions FOLDER [--utterances FILE --sessions FOLDER ...] [--settings FOLDER] --output model.tsv",
            "         Retrains the detector's weights from labelled data (every pair given, and the settings sessions).",
            "  cv     --utterances FILE --sessions FOLDER [--utterances FILE --sessions FOLDER ...] [--settings FOLDER] [--folds 5] [--seed 7]",
            "         (--settings: those sessions stay in every fold's training, never scored)",
            "         Cross-validated figures: k-fold over the utterances, and leave-sessions-out. With more than",
            "         one pair, each source's folds are held out together and two arms are compared on them:",
            "         trained on the first pair only, and on every pair; figures per source and pooled.",
            "  cv-settings --utterances FILE --sessions FOLDER --settings FOLDER",
            "         Cross-setting figures: each setting of the --settings sessions (named SETTING-NN.txt) held out in",
            "         turn, scored with a model trained on the first pair alone and on it plus the other settings.",
            "  A --utterances of '-' means no utterances for that pair (sessions only).");

    private TrainingCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Map<String, String> options = CommandLine.options(args);
            switch (args[0]) {
                case "train":
                    return train(options, out);
                case "cv":
                    return crossValidate(options, out);
                case "cv-settings":
                    return crossSettings(options, out);
                default:
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
            }
        } catch (IllegalArgumentException | CommandLine.UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The labelled sources named by the repeated --utterances and --sessions pairs, in order. */
    static List<CrossValidation.Source> sources(Map<String, String> options) throws IOException, CommandLine.UsageException {
        CommandLine.required(options, "utterances");
        CommandLine.required(options, "sessions");
        String[] utterances = options.get("utterances").split("\n");
        String[] sessions = options.get("sessions").split("\n");
        if (utterances.length != sessions.length) {
            throw new CommandLine.UsageException("give --utterances and --sessions in pairs (" + utterances.length + " and "
                    + sessions.length + " given)");
        }
        List<CrossValidation.Source> out = new ArrayList<>();
        for (int i = 0; i < utterances.length; i++) {
            Path folder = Path.of(sessions[i]);
            out.add(new CrossValidation.Source(folder.toAbsolutePath().normalize().getParent().getFileName() + "",
                    utterances[i].equals("-") ? List.of() : LabelledData.utterances(Path.of(utterances[i])),
                    LabelledData.sessions(folder, new TranscriptReader(SpeakerRoles.none()))));
        }
        return out;
    }

    private static int train(Map<String, String> options, PrintStream out) throws IOException, CommandLine.UsageException {
        Path output = CommandLine.required(options, "output");
        List<LabelledData.Utterance> utterances = new ArrayList<>();
        List<LabelledData.Session> sessions = new ArrayList<>();
        for (CrossValidation.Source source : sources(options)) {
            utterances.addAll(source.utterances());
            sessions.addAll(source.sessions());
        }
        if (options.containsKey("settings")) {
            sessions = Training.withSettings(sessions, LabelledData.sessions(Path.of(options.get("settings")),
                    new TranscriptReader(SpeakerRoles.none())));
        }
        DetectorModel model = Training.train(utterances, sessions);
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            model.write(w);
        }
        out.println("wrote " + output);
        return 0;
    }

    private static int crossValidate(Map<String, String> options, PrintStream out) throws IOException, CommandLine.UsageException {
        List<CrossValidation.Source> sources = sources(options);
        int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
        long seed = Long.parseLong(options.getOrDefault("seed", "7"));
        if (sources.size() > 1) {
            compare(sources, folds, seed, out);
            return 0;
        }
        List<LabelledData.Utterance> utterances = sources.get(0).utterances();
        List<LabelledData.Session> sessions = sources.get(0).sessions();
        if (options.containsKey("settings")) {
            CrossValidation.alwaysTrained = LabelledData.sessions(Path.of(options.get("settings")), new TranscriptReader(SpeakerRoles.none()));
        }
        out.print(CrossValidation.utterances(utterances, sessions, folds, seed)
                .report(String.format(Locale.ROOT, "Utterances, %d-fold cross-validation (%d utterances):", folds, utterances.size())));
        out.print(CrossValidation.utterances(utterances, sessions, folds, seed, true)
                .report(String.format(Locale.ROOT, "Utterances, %d-fold, each held-out utterance as speech recognition might"
                        + " write it (lower case, no punctuation, fillers):", folds)));
        out.print(CrossValidation.sessions(utterances, sessions, folds, seed)
                .report(String.format(Locale.ROOT, "Sessions, leave-sessions-out in %d folds (%d sessions):", folds, sessions.size())));
        return 0;
    }

    private static int crossSettings(Map<String, String> options, PrintStream out) throws IOException, CommandLine.UsageException {
        List<CrossValidation.Source> base = sources(options);
        Path folder = CommandLine.required(options, "settings");
        List<LabelledData.Session> settings = LabelledData.sessions(folder, new TranscriptReader(SpeakerRoles.none()));
        List<LabelledData.Utterance> utterances = new ArrayList<>();
        List<LabelledData.Session> sessions = new ArrayList<>();
        for (CrossValidation.Source source : base) {
            utterances.addAll(source.utterances());
            sessions.addAll(source.sessions());
        }
        List<String> names = new ArrayList<>();
        Evaluation[][] e = CrossValidation.acrossSettings(utterances, sessions, settings, names);
        String[] arms = {"(a) trained on the first pairs only", "(b) trained on them and the other settings"};
        for (int arm = 0; arm < 2; arm++) {
            Evaluation pooled = new Evaluation();
            for (int g = 0; g < names.size(); g++) {
                pooled.add(e[arm][g]);
                out.print(e[arm][g].report(String.format(Locale.ROOT, "Setting %s held out, %s:", names.get(g), arms[arm])));
            }
            out.print(pooled.report(String.format(Locale.ROOT, "All settings held out in turn, pooled, %s:", arms[arm])));
        }
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
