package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.List;


/**
 * Trains the detector's heads from labelled utterances and sessions. The session heads see the
 * first pass's predictions for the turns around each turn, so they are trained on those too.
 */
final class Training {

    static boolean LONE_FROM_SESSIONS = Boolean.parseBoolean(System.getProperty("lone.sessions", "true"));

    private Training() {
    }

    static DetectorModel train(List<LabelledData.Utterance> utterances, List<LabelledData.Session> sessions) {
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
                    TurnFeatures f = TurnFeatures.of(turns.get(i).text(), HomeworkDetector.contextOf(turns, i), null);
                    add(f, l, lone, assigns, reviews, null, null);
                }
            }
        }
        double[][] x = lone.toArray(new double[0][]);
        double[] assign = Logistic.train(x, ints(assigns), 2, DetectorModel.L2, DetectorModel.ITERATIONS)[0];
        double[] review = Logistic.train(x, ints(reviews), 2, DetectorModel.L2, DetectorModel.ITERATIONS)[0];
        DetectorModel first = new DetectorModel(assign, review, assign, review, null, null);

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
            double[][] prev = HomeworkDetector.SEQUENTIAL ? gold : p;
            for (int i = 0; i < turns.size(); i++) {
                LabelledData.Labels l = s.turns().get(turns.get(i).number());
                if (l == null || !turns.get(i).byTherapist()) {
                    continue;
                }
                TurnFeatures f = TurnFeatures.of(turns.get(i).text(), HomeworkDetector.contextOf(turns, i),
                        HomeworkDetector.sequence(turns, i, prev[0], prev[1], p[0]));
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
        double[] assignInSession = Logistic.train(x2, ints(assigns2), 2, DetectorModel.L2, DetectorModel.ITERATIONS)[0];
        double[] reviewInSession = Logistic.train(x2, ints(reviews2), 2, DetectorModel.L2, DetectorModel.ITERATIONS)[0];

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
        double[] specific = Logistic.train(sx.toArray(new double[0][]), ints(sy), 2, DetectorModel.L2 * 5,
                DetectorModel.ITERATIONS)[0];
        double[][] category = Logistic.train(cx.toArray(new double[0][]), ints(cy), 4, DetectorModel.L2 * 5,
                DetectorModel.ITERATIONS);
        return new DetectorModel(assign, review, assignInSession, reviewInSession, specific, category);
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

    /** The lone-turn probabilities of assigning [0] and reviewing [1] for every turn. */
    static double[][] firstPass(DetectorModel model, List<Turn> turns) {
        double[][] p = new double[2][turns.size()];
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).byTherapist()) {
                double[] x = DetectorModel.lone(TurnFeatures.of(turns.get(i).text(), HomeworkDetector.contextOf(turns, i), null));
                p[0][i] = Logistic.sigmoid(Logistic.dot(model.assign, x));
                p[1][i] = Logistic.sigmoid(Logistic.dot(model.review, x));
            }
        }
        return p;
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

}
