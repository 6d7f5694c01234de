package app.carryover.coach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The semantic stage trial of issue 19 (docs/coach.md): MiniLM sentence vectors (quantised, in a Maven jar, run
 * by ONNX Runtime) of the title and instructions, beside the coach's cues, in an L2 logistic regression for the
 * red flag, combined as {@code rules OR p >= t}. Leave-one-set-out across the labelled sets (t chosen inside the
 * training sets: the lowest of 0.20-0.90 keeping pooled out-of-set precision >= 0.95), then one prediction of the
 * held-out set. Usage: {@code SemanticTrial OUTDIR HELD_OUT TRAIN...}; writes the held-out predictions of the
 * rules and of the combination as JSONL for score.py, and prints the figures.
 */
public final class SemanticTrial {

    record Row(String set, JsonRecords.Record gold, CoachReport rules, float[] x) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Map<String, List<Row>> sets = new LinkedHashMap<>();
        long embedNanos = 0;
        int embedded = 0;
        List<String> cueNames = new ArrayList<>();
        Map<String, Integer> cueIndex = new HashMap<>();
        for (int a = 1; a < args.length; a++) {
            Path file = Path.of(args[a]);
            List<CrossValidation.Example> examples = CrossValidation.load(file);
            List<TextSegment> texts = new ArrayList<>();
            for (CrossValidation.Example e : examples) {
                texts.add(TextSegment.from(e.gold().assignment().title() + ". " + e.gold().assignment().instructions()));
            }
            long t0 = System.nanoTime();
            var vectors = model.embedAll(texts).content();
            embedNanos += System.nanoTime() - t0;
            embedded += texts.size();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                CrossValidation.Example e = examples.get(i);
                for (String f : cues(e)) {
                    cueIndex.computeIfAbsent(f, k -> {
                        cueNames.add(k);
                        return cueNames.size() - 1;
                    });
                }
                rows.add(new Row(file.getFileName().toString(), e.gold(), e.rules(), vectors.get(i).vector()));
            }
            sets.put(a == 1 ? "HELD:" + file.getFileName() : file.getFileName().toString(), rows);
        }
        System.out.printf("embedded %d texts in %.1f s: %.0f a second (one thread, warm after the first set)%n", embedded,
                embedNanos / 1e9, embedded / (embedNanos / 1e9));
        int dim = 384 + cueNames.size();
        Map<Row, double[]> features = new HashMap<>();
        for (List<Row> rows : sets.values()) {
            for (Row r : rows) {
                double[] f = new double[dim + 1];
                for (int i = 0; i < 384; i++) {
                    f[i] = r.x()[i] * 4; // unit vectors: scaled so their weight is not all in the regulariser
                }
                for (String c : cues(r)) {
                    f[384 + cueIndex.get(c)] = 1;
                }
                f[dim] = 1;
                features.put(r, f);
            }
        }
        List<String> training = sets.keySet().stream().filter(k -> !k.startsWith("HELD:")).toList();
        for (String variant : List.of("vectors+cues", "cues only", "vectors only")) {
            System.out.println("== " + variant);
            java.util.function.Function<double[], double[]> mask = f -> {
                double[] g = f.clone();
                if (variant.equals("cues only")) {
                    java.util.Arrays.fill(g, 0, 384, 0);
                } else if (variant.equals("vectors only")) {
                    java.util.Arrays.fill(g, 384, dim, 0);
                }
                return g;
            };
            // outer leave-one-set-out
            int[] rulesC = new int[3];
            int[] comboC = new int[3];
            int[] aloneC = new int[3];
            for (String held : training) {
                List<Row> train = new ArrayList<>();
                training.stream().filter(k -> !k.equals(held)).forEach(k -> train.addAll(sets.get(k)));
                double t = chooseThreshold(sets, training.stream().filter(k -> !k.equals(held)).toList(), features, mask);
                double[] w = fit(train, features, mask);
                int[] r = new int[3];
                int[] c = new int[3];
                int[] m = new int[3];
                for (Row row : sets.get(held)) {
                    double p = predict(w, mask.apply(features.get(row)));
                    count(r, row.gold().redFlag(), row.rules().redFlag());
                    count(c, row.gold().redFlag(), row.rules().redFlag() || p >= t);
                    count(m, row.gold().redFlag(), p >= 0.5);
                }
                System.out.printf("  %-24s t=%.2f rules %s | rules OR model %s | model alone %s%n", held, t, pr(r), pr(c), pr(m));
                add(rulesC, r);
                add(comboC, c);
                add(aloneC, m);
            }
            System.out.printf("  pooled LOSO: rules %s | rules OR model %s | model alone %s%n", pr(rulesC), pr(comboC), pr(aloneC));
            // the held-out set, once
            List<Row> all = new ArrayList<>();
            training.forEach(k -> all.addAll(sets.get(k)));
            double t = chooseThreshold(sets, training, features, mask);
            double[] w = fit(all, features, mask);
            String heldKey = sets.keySet().stream().filter(k -> k.startsWith("HELD:")).findFirst().orElseThrow();
            int[] r = new int[3];
            int[] c = new int[3];
            StringBuilder rulesOut = new StringBuilder();
            StringBuilder comboOut = new StringBuilder();
            for (Row row : sets.get(heldKey)) {
                double p = predict(w, mask.apply(features.get(row)));
                boolean flag = row.rules().redFlag() || p >= t;
                count(r, row.gold().redFlag(), row.rules().redFlag());
                count(c, row.gold().redFlag(), flag);
                rulesOut.append(JsonRecords.write(row.gold().id(), row.rules(), false)).append('\n');
                comboOut.append(JsonRecords.write(row.gold().id(), flagged(row.rules(), flag), false)).append('\n');
            }
            System.out.printf("  held-out %s t=%.2f: rules %s | rules OR model %s%n", heldKey, t, pr(r), pr(c));
            String tag = variant.replace(' ', '-').replace('+', '-');
            Files.writeString(out.resolve("rules.jsonl"), rulesOut);
            Files.writeString(out.resolve("combo-" + tag + ".jsonl"), comboOut);
        }
    }

    static List<String> cues(CrossValidation.Example e) {
        return RedFlagFeatures.of(e.reading()).stream().filter(f -> !f.startsWith("w=") && !f.startsWith("b=")
                && !f.startsWith("t=") && !f.equals("bias")).toList();
    }

    static List<String> cues(Row r) {
        return cues(new CrossValidation.Example(r.gold(), Reading.of(r.gold().assignment()), r.rules()));
    }

    static CoachReport flagged(CoachReport r, boolean flag) {
        if (!flag || r.redFlag()) {
            return r;
        }
        return new CoachReport(r.linked(), false, r.measurable(), r.rationale(), false, true, r.challenge(),
                CoachReport.Overall.RED_FLAG, List.of(), List.of());
    }

    static double chooseThreshold(Map<String, List<Row>> sets, List<String> training, Map<Row, double[]> features,
            java.util.function.Function<double[], double[]> mask) {
        List<double[]> scored = new ArrayList<>(); // {p, gold, rules}
        for (String held : training) {
            List<Row> train = new ArrayList<>();
            training.stream().filter(k -> !k.equals(held)).forEach(k -> train.addAll(sets.get(k)));
            double[] w = fit(train, features, mask);
            for (Row row : sets.get(held)) {
                scored.add(new double[] {predict(w, mask.apply(features.get(row))), row.gold().redFlag() ? 1 : 0,
                        row.rules().redFlag() ? 1 : 0});
            }
        }
        for (double t = 0.20; t <= 0.901; t += 0.05) {
            int tp = 0;
            int fp = 0;
            for (double[] s : scored) {
                boolean flag = s[2] == 1 || s[0] >= t;
                tp += flag && s[1] == 1 ? 1 : 0;
                fp += flag && s[1] == 0 ? 1 : 0;
            }
            if (tp + fp > 0 && tp / (double) (tp + fp) >= 0.95) {
                return t;
            }
        }
        return 1.01;
    }

    static double[] fit(List<Row> rows, Map<Row, double[]> features, java.util.function.Function<double[], double[]> mask) {
        int n = rows.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mask.apply(features.get(rows.get(i)));
            y[i] = rows.get(i).gold().redFlag() ? 1 : 0;
        }
        int d = x[0].length;
        double[] w = new double[d];
        double lambda = 1e-2;
        double rate = 0.5;
        for (int epoch = 0; epoch < 300; epoch++) {
            double[] g = new double[d];
            for (int i = 0; i < n; i++) {
                double err = predict(w, x[i]) - y[i];
                for (int j = 0; j < d; j++) {
                    if (x[i][j] != 0) {
                        g[j] += err * x[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                w[j] -= rate * (g[j] / n + (j == d - 1 ? 0 : lambda * w[j]));
            }
        }
        return w;
    }

    static double predict(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    static void count(int[] c, Boolean gold, boolean pred) {
        boolean g = Boolean.TRUE.equals(gold);
        c[0] += g && pred ? 1 : 0;
        c[1] += !g && pred ? 1 : 0;
        c[2] += g && !pred ? 1 : 0;
    }

    static void add(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            a[i] += b[i];
        }
    }

    static String pr(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
        return String.format("P %.3f R %.3f", p, r);
    }
}
