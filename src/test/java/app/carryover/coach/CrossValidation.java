package app.carryover.coach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * k-fold cross-validation on the development set. The shipped coach is rules over OpenNLP tokens with no
 * parameters fitted to the data, so its fold figures show their spread rather than a train/test gap; beside
 * it the harness trains two OpenNLP maxent models per fold and label (words only, and words plus the coach's
 * cues) so the choice of rules can be checked against a trained model on held-out folds.
 * Run: {@code java -cp ... app.carryover.coach.CrossValidation [FILE] [K]}, or through CrossValidationTests.
 */
final class CrossValidation {

    /** The assignments corpus's development half, written and labelled for this project (src/test/resources/LABELING.md §2). */
    static final Path DEV_SET = Path.of("src/test/resources/coach/development-set.jsonl");

    record Example(JsonRecords.Record gold, Reading reading, CoachReport rules) {
    }

    /** Figures of one method over all folds: per-label P/R/F1 pooled over the folds, and the per-fold overall macro-F1. */
    record Result(String method, Evaluation pooled, double[] foldMacroF1) {
        double meanMacroF1() {
            double s = 0;
            for (double f : foldMacroF1) {
                s += f;
            }
            return s / foldMacroF1.length;
        }

        double sdMacroF1() {
            double m = meanMacroF1();
            double s = 0;
            for (double f : foldMacroF1) {
                s += (f - m) * (f - m);
            }
            return Math.sqrt(s / Math.max(1, foldMacroF1.length - 1));
        }
    }

    static List<Example> load(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonRecords.Record r = JsonRecords.read(line);
                out.add(new Example(r, Reading.of(r.assignment()), AssignmentCoach.analyse(r.assignment())));
            }
        }
        return out;
    }

    /** Folds stratified by the gold overall class, shuffled with a fixed seed. */
    static List<List<Example>> folds(List<Example> all, int k, long seed) {
        List<List<Example>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        for (String cls : Evaluation.OVERALL) {
            List<Example> group = new ArrayList<>();
            for (Example e : all) {
                if (cls.equals(e.gold().overall())) {
                    group.add(e);
                }
            }
            Collections.shuffle(group, new Random(seed));
            for (int i = 0; i < group.size(); i++) {
                folds.get(i % k).add(group.get(i));
            }
        }
        return folds;
    }

    static List<Result> run(List<Example> all, int k) {
        quietTraining();
        List<List<Example>> folds = folds(all, k, 20260501L);
        List<Result> results = new ArrayList<>();
        results.add(evaluate("rules (shipped)", folds, (train) -> e -> e.rules()));
        results.add(evaluate("maxent, words", folds, (train) -> trained(train, CrossValidation::wordFeatures)));
        results.add(evaluate("maxent, words + cues", folds, (train) -> trained(train, CrossValidation::wordAndCueFeatures)));
        return results;
    }

    /** OpenNLP logs every training iteration at INFO; keep the harness output to its figures. */
    private static void quietTraining() {
        org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("opennlp");
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static Result evaluate(String method, List<List<Example>> folds,
            Function<List<Example>, Function<Example, CoachReport>> fit) {
        Evaluation pooled = new Evaluation();
        double[] macro = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            List<Example> train = new ArrayList<>();
            for (int g = 0; g < folds.size(); g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            Function<Example, CoachReport> predict = fit.apply(train);
            Evaluation fold = new Evaluation();
            for (Example e : folds.get(f)) {
                CoachReport p = predict.apply(e);
                fold.add(e.gold(), p);
                pooled.add(e.gold(), p);
            }
            macro[f] = fold.overallMacroF1();
        }
        return new Result(method, pooled, macro);
    }

    /** One maxent model per boolean label; overall derived by the same rule as the coach (LABELING.md). */
    private static Function<Example, CoachReport> trained(List<Example> train, Function<Example, String[]> features) {
        MaxentModel[] models = new MaxentModel[Evaluation.BOOLEAN_LABELS.length];
        for (int l = 0; l < models.length; l++) {
            List<Event> events = new ArrayList<>();
            for (Example e : train) {
                events.add(new Event(String.valueOf(gold(e, l)), features.apply(e)));
            }
            TrainingParameters params = TrainingParameters.defaultParams();
            params.put(TrainingParameters.ITERATIONS_PARAM, 150);
            params.put(TrainingParameters.CUTOFF_PARAM, 1);
            params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
            EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
            try {
                models[l] = trainer.train(ObjectStreamUtils.createObjectStream(events));
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        return e -> {
            String[] context = features.apply(e);
            boolean[] p = new boolean[models.length];
            for (int l = 0; l < models.length; l++) {
                p[l] = "true".equals(models[l].getBestOutcome(models[l].eval(context)));
            }
            boolean red = p[5];
            CoachReport.Overall overall = red ? CoachReport.Overall.RED_FLAG
                    : p[0] && p[1] && p[2] ? CoachReport.Overall.PROFESSIONAL : CoachReport.Overall.NEEDS_WORK;
            return new CoachReport(p[0], p[1], p[2], p[3], p[4], p[5], e.rules().challenge(), overall, List.of(), List.of());
        };
    }

    private static boolean gold(Example e, int label) {
        JsonRecords.Record g = e.gold();
        Boolean[] values = {g.linked(), g.specific(), g.measurable(), g.rationale(), g.structured(), g.redFlag()};
        return Boolean.TRUE.equals(values[label]);
    }

    static String[] wordFeatures(Example e) {
        List<String> out = new ArrayList<>();
        words(e.reading().title(), "t=", out);
        words(e.reading().instructions(), "w=", out);
        List<String> goal = new ArrayList<>();
        words(e.reading().goal(), "", goal);
        words(e.reading().focus(), "", goal);
        for (String g : goal) {
            if (out.contains("w=" + g)) {
                out.add("shared=" + g);
            }
        }
        if (goal.isEmpty()) {
            out.add("no-goal");
        }
        out.add("len=" + Math.min(6, e.reading().instructions().wordCount() / 8));
        return out.toArray(new String[0]);
    }

    static String[] wordAndCueFeatures(Example e) {
        List<String> out = new ArrayList<>(List.of(wordFeatures(e)));
        Reading r = e.reading();
        out.add("measure=" + r.measure());
        out.add("record=" + (r.record() != null));
        out.add("purpose=" + r.purpose());
        out.add("link=" + r.link());
        VagueCues.Evidence v = r.vague();
        out.add("attitude=" + v.attitudeHead());
        out.add("action=" + v.actionHead());
        out.add("bare=" + v.bareComparative());
        out.add("hedges=" + Math.min(2, v.hedges()));
        out.add("nouns=" + Math.min(3, v.concreteNouns()));
        out.add("tryTo=" + v.tryTo());
        return out.toArray(new String[0]);
    }

    private static void words(Passage p, String prefix, List<String> out) {
        for (Passage.Sentence s : p.sentences) {
            for (String stem : s.stems) {
                if (!stem.isEmpty() && Character.isLetterOrDigit(stem.charAt(0))) {
                    out.add(prefix + stem);
                }
            }
        }
    }

    static String table(List<Result> results, int k, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d-fold cross-validation on %d assignments (stratified by overall)%n", k, n));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%n%s: overall macro-F1 %.3f pooled, %.3f ± %.3f over folds%n", r.method(),
                    r.pooled().overallMacroF1(), r.meanMacroF1(), r.sdMacroF1()));
            for (String label : Evaluation.BOOLEAN_LABELS) {
                double[] m = r.pooled().prf(label);
                sb.append(String.format(Locale.ROOT, "  %-11s P %.3f  R %.3f  F1 %.3f%n", label, m[0], m[1], m[2]));
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : DEV_SET;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Example> all = load(file);
        System.out.print(table(run(all, k), k, all.size()));
    }
}
