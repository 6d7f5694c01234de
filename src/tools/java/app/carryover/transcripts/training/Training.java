package app.carryover.transcripts.training;

import java.util.ArrayList;
import java.util.List;
import app.carryover.transcripts.Turn;
import app.carryover.transcripts.detection.DetectorModel;
import app.carryover.transcripts.detection.Logistic;
import app.carryover.transcripts.detection.TurnFeatures;
import app.carryover.transcripts.evaluation.LabelledData;
import app.carryover.transcripts.detection.ReviewChain;
import app.carryover.transcripts.detection.Detector;


/**
 * Trains the detector's heads from labelled utterances and sessions. The session heads see the
 * first pass's predictions for the turns around each turn, so they are trained on those too.
 */
public final class Training {

    static boolean LONE_FROM_SESSIONS = Boolean.parseBoolean(System.getProperty("lone.sessions", "true"));

    static boolean SPEECH_LIKE = Boolean.parseBoolean(System.getProperty("speechlike", "true"));
    static boolean USE_SEED = Boolean.parseBoolean(System.getProperty("seed", "true"));

    /**
     * How many times each session of the settings material (issue 19: primary care, brief interventions,
     * school, parenting, adherence) counts in training beside the clinic development data; chosen by
     * cross-setting validation ({@code cv-settings}), never on a blind set.
     */
    static int SETTINGS_WEIGHT = Integer.parseInt(System.getProperty("settings.weight", "3"));

    private Training() {
    }

    /** The clinic sessions and the settings sessions, each of the latter {@link #SETTINGS_WEIGHT} times. */
    static List<LabelledData.Session> withSettings(List<LabelledData.Session> base, List<LabelledData.Session> settings) {
        List<LabelledData.Session> all = new ArrayList<>(base);
        for (int k = 0; k < SETTINGS_WEIGHT; k++) {
            all.addAll(settings);
        }
        return all;
    }

    /**
     * Short canonical turns written for the model (not taken from any corpus), in several dialects
     * and as speech recognition writes them: they put each cue the labelling guide names in front of
     * the model plainly, whatever labelled data it is trained on. Always part of training, never of
     * an evaluation.
     */
    static final String SEED = "/transcripts/seed-examples.jsonl";

    static DetectorModel train(List<LabelledData.Utterance> labelled, List<LabelledData.Session> sessions) {
        List<LabelledData.Utterance> utterances = new ArrayList<>(labelled);
        if (USE_SEED) {
            utterances.addAll(seed());
        }
        if (SPEECH_LIKE) {
            for (LabelledData.Utterance u : List.copyOf(utterances)) {
                utterances.add(new LabelledData.Utterance(u.id(), speechLike(u.context()), speechLike(u.text()), u.speaker(),
                        u.labels()));
            }
        }
        List<double[]> lone = new ArrayList<>();
        List<Integer> assigns = new ArrayList<>();
        List<Integer> reviews = new ArrayList<>();
        List<TurnFeatures> assigned = new ArrayList<>();
        List<LabelledData.Labels> assignedLabels = new ArrayList<>();
        for (LabelledData.Utterance u : utterances) {
            if (u.labels() == null || "client".equals(u.speaker())) {
                continue;
            }
            TurnFeatures f = TurnFeatures.of(u.text(), u.context(), null);
            add(f, u.labels(), lone, assigns, reviews, assigned, assignedLabels);
        }
        List<TurnFeatures> sessionTurns = new ArrayList<>();
        List<LabelledData.Labels> sessionLabels = new ArrayList<>();
        for (LabelledData.Session s : sessions) {
            List<Turn> turns = s.transcript().turns();
            for (int i = 0; i < turns.size(); i++) {
                LabelledData.Labels l = s.turns().get(turns.get(i).number());
                if (l == null || !turns.get(i).byTherapist()) {
                    continue;
                }
                if (LONE_FROM_SESSIONS) {
                    TurnFeatures f = TurnFeatures.of(turns.get(i).text(), Detector.contextOf(turns, i), null);
                    add(f, l, lone, assigns, reviews, null, null);
                }
            }
        }
        double[][] x = lone.toArray(new double[0][]);
        double[] assign = fit(x, ints(assigns), 2, 1)[0];
        double[] review = fit(x, ints(reviews), 2, 1)[0];
        DetectorModel first = new DetectorModel(assign, review, assign, review, null, null, null);

        List<double[]> full = new ArrayList<>();
        List<Integer> assigns2 = new ArrayList<>();
        List<Integer> reviews2 = new ArrayList<>();
        for (LabelledData.Utterance u : utterances) {
            if (u.labels() == null || "client".equals(u.speaker())) {
                continue;
            }
            full.add(TurnFeatures.of(u.text(), u.context(), null).values);
            assigns2.add(u.labels().assigns() ? 1 : 0);
            reviews2.add(u.labels().reviews() ? 1 : 0);
        }
        for (LabelledData.Session s : sessions) {
            List<Turn> turns = s.transcript().turns();
            double[][] p = firstPass(first, turns);
            double[][] gold = new double[2][turns.size()];
            for (int i = 0; i < turns.size(); i++) {
                LabelledData.Labels l = s.turns().get(turns.get(i).number());
                gold[0][i] = l != null && l.assigns() ? 1 : 0;
                gold[1][i] = l != null && l.reviews() ? 1 : 0;
            }
            // the session pass sees its own decisions on earlier turns; in training, the labels stand in for them
            double[][] prev = gold;
            for (int i = 0; i < turns.size(); i++) {
                LabelledData.Labels l = s.turns().get(turns.get(i).number());
                if (l == null || !turns.get(i).byTherapist()) {
                    continue;
                }
                TurnFeatures f = TurnFeatures.of(turns.get(i).text(), Detector.contextOf(turns, i),
                        Detector.sequence(turns, i, prev[0], prev[1], p[0]));
                full.add(f.values);
                assigns2.add(l.assigns() ? 1 : 0);
                reviews2.add(l.reviews() ? 1 : 0);
                if (l.assigns() && l.category() != null) {
                    assigned.add(f);
                    assignedLabels.add(l);
                }
            }
        }
        double[][] x2 = full.toArray(new double[0][]);
        double[] assignInSession = fit(x2, ints(assigns2), 2, 1)[0];
        double[] reviewInSession = fit(x2, ints(reviews2), 2, 1)[0];

        List<double[]> sx = new ArrayList<>();
        List<Integer> sy = new ArrayList<>();
        List<double[]> cx = new ArrayList<>();
        List<Integer> cy = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            LabelledData.Labels l = assignedLabels.get(i);
            if (l.specific() != null) {
                sx.add(DetectorModel.specificVector(assigned.get(i)));
                sy.add(l.specific() ? 1 : 0);
            }
            cx.add(DetectorModel.categoryVector(assigned.get(i)));
            cy.add(l.category().ordinal());
        }
        double[] specific = fit(sx.toArray(new double[0][]), ints(sy), 2, 5)[0];
        double[][] category = fit(cx.toArray(new double[0][]), ints(cy), 4, 5);
        return new DetectorModel(assign, review, assignInSession, reviewInSession, specific, category,
                ReviewChain.count(sessions));
    }

    private static void add(TurnFeatures f, LabelledData.Labels l, List<double[]> x, List<Integer> assigns,
            List<Integer> reviews, List<TurnFeatures> assigned, List<LabelledData.Labels> assignedLabels) {
        x.add(DetectorModel.lone(f));
        assigns.add(l.assigns() ? 1 : 0);
        reviews.add(l.reviews() ? 1 : 0);
        if (assigned != null && l.assigns() && l.category() != null) {
            assigned.add(f);
            assignedLabels.add(l);
        }
    }

    /** The lone-turn probabilities of assigning (first row) and reviewing (second row) for every turn. */
    static double[][] firstPass(DetectorModel model, List<Turn> turns) {
        double[][] p = new double[2][turns.size()];
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).byTherapist()) {
                double[] x = DetectorModel.lone(TurnFeatures.of(turns.get(i).text(), Detector.contextOf(turns, i), null));
                p[0][i] = Logistic.sigmoid(Logistic.dot(model.assign, x));
                p[1][i] = Logistic.sigmoid(Logistic.dot(model.review, x));
            }
        }
        return p;
    }

    private static final String[] FILLERS = {"um", "uh", "you know", "like", "so", "I mean", "erm"};

    /**
     * The text as speech recognition might give it: lower case, no punctuation, a filler now and
     * then and the odd word said twice. Training on both forms keeps the model from leaning on
     * punctuation that recognised speech does not have. Deterministic for a given text.
     */
    static String speechLike(String text) {
        java.util.Random random = new java.util.Random(text.hashCode());
        String plain = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[—–]", " ").replaceAll("[^\\p{L}\\p{N}\\s'’]", " ");
        if (random.nextBoolean()) {
            plain = plain.replaceAll("['’]", "");
        }
        StringBuilder b = new StringBuilder();
        for (String w : plain.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (random.nextDouble() < 0.08) {
                b.append(FILLERS[random.nextInt(FILLERS.length)]).append(' ');
            }
            b.append(w).append(' ');
            if (random.nextDouble() < 0.03) {
                b.append(w).append(' ');
            }
        }
        return b.toString().trim();
    }

    static List<LabelledData.Utterance> seed() {
        try (java.io.InputStream in = Training.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is not on the classpath");
            }
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("seed", ".jsonl");
            try {
                java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return LabelledData.utterances(tmp);
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One head's weights, by OpenNLP's maxent trainer ({@code l2Scale} times the base penalty). */
    private static double[][] fit(double[][] x, int[] y, int classes, double l2Scale) {
        return Maxent.train(x, y, classes, l2Scale);
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

}
