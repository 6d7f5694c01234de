package app.carryover.transcripts.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import app.carryover.transcripts.HomeworkCategory;

/**
 * The detector's weights: logistic heads over {@link TurnFeatures} for assigning and reviewing (one
 * for a lone utterance, one that also sees the session around a turn), one for whether an assigned
 * task is specific, and a multinomial head for its category. Stored as text, one weight a line, in
 * {@code transcripts/model.tsv}; retrained from labelled data by {@code transcripts train}.
 */
public final class DetectorModel {

    static final String RESOURCE = "/transcripts/model.tsv";

    /** The features the specific head sees: when, how often, how long, how much, which log. */
    static final List<String> SPECIFIC_FEATURES = List.of("T_RECUR", "T_POINT", "T_TRIGGER", "S_NAMED", "S_AMOUNT",
            "T_LOOSE", "T_WEEK", "P_OUTSIDE", "TIME_SPECIFIC", "HAS_NUMBER", "DIR_MANY", "LONG", "SHORT", "K_SKILL",
            "K_ACTION", "K_JOURNAL", "K_LEARN", "D_KEEP", "MAYBE", "D_WORTH", "D_TRY", "REQUEST", "D_WANT", "IMP",
            "D_WILLING", "D_YOU", "QUESTION");
    static final int CATEGORY_FEATURES = 4 * 5;

    public final double[] assign;
    public final double[] review;
    final double[] assignInSession;
    final double[] reviewInSession;
    final double[] specific;
    public final double[][] category;
    final ReviewChain reviewChain;

    public DetectorModel(double[] assign, double[] review, double[] assignInSession, double[] reviewInSession,
            double[] specific, double[][] category, ReviewChain reviewChain) {
        this.assign = assign;
        this.review = review;
        this.assignInSession = assignInSession;
        this.reviewInSession = reviewInSession;
        this.specific = specific;
        this.category = category;
        this.reviewChain = reviewChain;
    }

    private static final class Shipped {
        static final DetectorModel MODEL = load();
    }

    public static DetectorModel shipped() {
        return Shipped.MODEL;
    }

    /** The feature vector of the lone-turn heads: the session features left out. */
    public static double[] lone(TurnFeatures f) {
        double[] x = f.values.clone();
        for (int i = 0; i < x.length; i++) {
            if (SESSION_FEATURE[i]) {
                x[i] = 0;
            }
        }
        return x;
    }

    private static final boolean[] SESSION_FEATURE = new boolean[TurnFeatures.count()];

    static {
        for (int i = 0; i < SESSION_FEATURE.length; i++) {
            SESSION_FEATURE[i] = TurnFeatures.NAMES.get(i).startsWith("seq.");
        }
    }

    public static double[] specificVector(TurnFeatures f) {
        double[] x = new double[SPECIFIC_FEATURES.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = f.get(SPECIFIC_FEATURES.get(i));
        }
        return x;
    }

    /**
     * Per category (skill, action, journaling, learning): its cue words anywhere, within a task
     * clause, the first task clause's verb, within the first task clause, and in the client's turn before.
     */
    public static double[] categoryVector(TurnFeatures f) {
        double[] x = new double[CATEGORY_FEATURES];
        String[] cues = {"K_SKILL", "K_ACTION", "K_JOURNAL", "K_LEARN"};
        String[] verbs = {"D_SKILLVERB", "D_ACTIONVERB", "D_JOURNALVERB", "D_LEARNVERB"};
        List<String> groups = CueLexicon.DEFAULT.groups();
        int firstVerb = f.directiveVerbs.isEmpty() ? -1 : f.directiveVerbs.get(0);
        for (CueLexicon.Hit h : f.hits) {
            String g = groups.get(h.group());
            for (int c = 0; c < 4; c++) {
                if (g.equals(cues[c])) {
                    x[c * 5] += 1;
                    for (int v : f.directiveVerbs) {
                        if (h.from() >= v && h.from() <= v + 10) {
                            x[c * 5 + 1] += 1;
                            break;
                        }
                    }
                    if (firstVerb >= 0 && h.from() >= firstVerb && h.from() <= firstVerb + 8) {
                        x[c * 5 + 3] += 1;
                    }
                }
                if (g.equals(verbs[c]) && firstVerb >= 0 && h.from() == firstVerb) {
                    x[c * 5 + 2] = 1;
                }
            }
        }
        for (CueLexicon.Hit h : f.contextTasks) {
            String g = groups.get(h.group());
            for (int c = 0; c < 4; c++) {
                if (g.equals(cues[c])) {
                    x[c * 5 + 4] += 1;
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log1p(x[i]);
        }
        return x;
    }

    public void write(Writer out) throws IOException {
        out.write("# Carryover transcript homework detector: logistic weights over the cues of cues.txt, trained by OpenNLP's maxent (L-BFGS).\n");
        out.write("# Regenerate with: ./mvnw -q test-compile exec:java@transcripts-tools -Dexec.args=\"train ...\" (docs/transcripts.md)\n");
        writeHead(out, "assign", assign, TurnFeatures.NAMES);
        writeHead(out, "review", review, TurnFeatures.NAMES);
        writeHead(out, "assign_in_session", assignInSession, TurnFeatures.NAMES);
        writeHead(out, "review_in_session", reviewInSession, TurnFeatures.NAMES);
        writeHead(out, "specific", specific, SPECIFIC_FEATURES);
        List<String> categoryNames = categoryNames();
        for (HomeworkCategory c : HomeworkCategory.values()) {
            writeHead(out, "category:" + c.label(), category[c.ordinal()], categoryNames);
        }
        out.write(String.format(Locale.ROOT, "review_chain\tstay_reviewing\t%.5f%nreview_chain\tstay_not_reviewing\t%.5f%n"
                + "review_chain\tbase_rate\t%.5f%n", reviewChain.stayReviewing, reviewChain.stayNotReviewing, reviewChain.baseRate));
    }

    static List<String> categoryNames() {
        List<String> names = new ArrayList<>();
        for (String c : new String[] {"skill", "action", "journaling", "learning"}) {
            for (String k : new String[] {"anywhere", "in_task_clause", "task_verb", "in_first_task", "client_before"}) {
                names.add(c + "." + k);
            }
        }
        return names;
    }

    private static void writeHead(Writer out, String head, double[] w, List<String> names) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            if (w[i] != 0) {
                out.write(head + "\t" + names.get(i) + "\t" + String.format(Locale.ROOT, "%.5f", w[i]) + "\n");
            }
        }
        out.write(head + "\t(bias)\t" + String.format(Locale.ROOT, "%.5f", w[names.size()]) + "\n");
    }

    private static DetectorModel load() {
        try (InputStream in = DetectorModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("detector model " + RESOURCE + " is not on the classpath");
            }
            Map<String, Map<String, Double>> heads = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                heads.computeIfAbsent(parts[0], k -> new HashMap<>()).put(parts[1], Double.parseDouble(parts[2]));
            }
            double[][] category = new double[4][];
            for (HomeworkCategory c : HomeworkCategory.values()) {
                category[c.ordinal()] = head(heads, "category:" + c.label(), categoryNames());
            }
            Map<String, Double> chain = heads.get("review_chain");
            if (chain == null) {
                throw new IllegalStateException("detector model has no review_chain; retrain it (transcripts train)");
            }
            return new DetectorModel(head(heads, "assign", TurnFeatures.NAMES), head(heads, "review", TurnFeatures.NAMES),
                    head(heads, "assign_in_session", TurnFeatures.NAMES), head(heads, "review_in_session", TurnFeatures.NAMES),
                    head(heads, "specific", SPECIFIC_FEATURES), category, new ReviewChain(chain.get("stay_reviewing"),
                    chain.get("stay_not_reviewing"), chain.get("base_rate")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] head(Map<String, Map<String, Double>> heads, String head, List<String> names) {
        Map<String, Double> weights = heads.get(head);
        if (weights == null) {
            throw new IllegalStateException("detector model has no head '" + head + "'");
        }
        Set<String> unknown = new HashSet<>(weights.keySet());
        unknown.removeAll(names);
        unknown.remove("(bias)");
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("detector model head '" + head + "' names features the code no longer has: "
                    + unknown + "; retrain it (transcripts train)");
        }
        double[] w = new double[names.size() + 1];
        for (int i = 0; i < names.size(); i++) {
            w[i] = weights.getOrDefault(names.get(i), 0.0);
        }
        w[names.size()] = weights.getOrDefault("(bias)", 0.0);
        return w;
    }
}
