package app.carryover.transcripts.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;
import app.carryover.transcripts.detection.Detector;

/**
 * Cross-validated figures for the detector: k-fold over labelled utterances (each fold's model
 * trained on the other folds and all sessions) and leave-sessions-out (each fold's sessions held out
 * of a model trained on the rest and all utterances). A fixed seed keeps the folds the same run to run.
 */
public final class CrossValidation {

    /** Settings sessions (issue 19) always kept in training in {@link #utterances} and {@link #sessions}, never scored there. */
    static List<LabelledData.Session> alwaysTrained = List.of();

    private CrossValidation() {
    }

    static Evaluation utterances(List<LabelledData.Utterance> utterances, List<LabelledData.Session> sessions, int k,
            long seed) {
        return utterances(utterances, sessions, k, seed, false);
    }

    /**
     * As above; with {@code speechLike} each held-out utterance is tested as speech recognition might
     * give it (lower case, no punctuation, fillers; {@link Training#speechLike}).
     */
    static Evaluation utterances(List<LabelledData.Utterance> utterances, List<LabelledData.Session> sessions, int k,
            long seed, boolean speechLike) {
        List<LabelledData.Utterance> shuffled = new ArrayList<>(utterances);
        Collections.shuffle(shuffled, new Random(seed));
        Evaluation total = new Evaluation();
        for (int fold = 0; fold < k; fold++) {
            List<LabelledData.Utterance> train = new ArrayList<>();
            List<LabelledData.Utterance> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? test : train).add(shuffled.get(i));
            }
            Detector detector = new Detector(Training.train(train, Training.withSettings(sessions, alwaysTrained)));
            for (LabelledData.Utterance u : test) {
                if (u.labels() != null && !"client".equals(u.speaker())) {
                    total.add(u.labels(), speechLike
                            ? detector.detectUtterance(Training.speechLike(u.context()), Training.speechLike(u.text()) + " ")
                            : detector.detectUtterance(u.context(), u.text()));
                }
            }
        }
        return total;
    }

    static Evaluation sessions(List<LabelledData.Utterance> utterances, List<LabelledData.Session> sessions, int k,
            long seed) {
        List<LabelledData.Session> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(seed));
        Evaluation total = new Evaluation();
        for (int fold = 0; fold < k; fold++) {
            List<LabelledData.Session> train = new ArrayList<>();
            List<LabelledData.Session> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? test : train).add(shuffled.get(i));
            }
            Detector detector = new Detector(Training.train(utterances, Training.withSettings(train, alwaysTrained)));
            for (LabelledData.Session s : test) {
                total.add(s, detector.detect(s.transcript()));
            }
        }
        return total;
    }

    /** One source of labelled data (the development set, a blind set, a practice's own labels). */
    record Source(String name, List<LabelledData.Utterance> utterances, List<LabelledData.Session> sessions) {
    }

    /**
     * Held-out figures of two arms over several sources, on the same folds: {@code [0]} trained on the
     * first source only, {@code [1]} trained on every source; each indexed by source. Each source is cut
     * into {@code k} folds of its own (shuffled with the seed, so the first source's folds are those of the
     * one-source run above), fold {@code f} of every source is held out together, and both arms' models
     * are trained without it. Utterances: all sessions of the arm's sources stay in training (they are
     * other text); sessions: all utterances of the arm's sources stay in training.
     */
    static Evaluation[][] compare(List<Source> sources, int k, long seed, boolean sessionsOut, boolean speechLike) {
        int n = sources.size();
        Evaluation[][] out = new Evaluation[2][n];
        for (int arm = 0; arm < 2; arm++) {
            for (int s = 0; s < n; s++) {
                out[arm][s] = new Evaluation();
            }
        }
        List<List<LabelledData.Utterance>> utterances = new ArrayList<>();
        List<List<LabelledData.Session>> sessions = new ArrayList<>();
        for (Source source : sources) {
            List<LabelledData.Utterance> u = new ArrayList<>(source.utterances());
            List<LabelledData.Session> ss = new ArrayList<>(source.sessions());
            Collections.shuffle(sessionsOut ? ss : u, new Random(seed));
            utterances.add(u);
            sessions.add(ss);
        }
        for (int fold = 0; fold < k; fold++) {
            for (int arm = 0; arm < 2; arm++) {
                List<LabelledData.Utterance> trainU = new ArrayList<>();
                List<LabelledData.Session> trainS = new ArrayList<>();
                for (int s = 0; s < (arm == 0 ? 1 : n); s++) {
                    List<LabelledData.Utterance> u = utterances.get(s);
                    List<LabelledData.Session> ss = sessions.get(s);
                    for (int i = 0; i < u.size(); i++) {
                        if (sessionsOut || i % k != fold) {
                            trainU.add(u.get(i));
                        }
                    }
                    for (int i = 0; i < ss.size(); i++) {
                        if (!sessionsOut || i % k != fold) {
                            trainS.add(ss.get(i));
                        }
                    }
                }
                Detector detector = new Detector(Training.train(trainU, trainS));
                for (int s = 0; s < n; s++) {
                    if (sessionsOut) {
                        List<LabelledData.Session> ss = sessions.get(s);
                        for (int i = fold; i < ss.size(); i += k) {
                            out[arm][s].add(ss.get(i), detector.detect(ss.get(i).transcript()));
                        }
                    } else {
                        List<LabelledData.Utterance> u = utterances.get(s);
                        for (int i = fold; i < u.size(); i += k) {
                            LabelledData.Utterance x = u.get(i);
                            if (x.labels() != null && !"client".equals(x.speaker())) {
                                out[arm][s].add(x.labels(), speechLike
                                        ? detector.detectUtterance(Training.speechLike(x.context()), Training.speechLike(x.text()) + " ")
                                        : detector.detectUtterance(x.context(), x.text()));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The setting a session belongs to: its name without the extension and the trailing number ("alcohol-gp-05.txt" → "alcohol-gp"). */
    static String settingOf(LabelledData.Session s) {
        String name = s.transcript().session();
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.replaceAll("-\\d+$", "");
    }

    /**
     * Cross-setting figures (issue 19): for each setting of {@code settings}, its sessions are held out and
     * two models are trained without them — arm (a) on {@code base} alone (the clinic development data), arm
     * (b) on {@code base} and the sessions of every other setting — and both are scored on the held-out
     * setting. Returns {@code [arm][setting]} in the order of {@code names} (filled by this method).
     */
    static Evaluation[][] acrossSettings(List<LabelledData.Utterance> baseUtterances, List<LabelledData.Session> baseSessions,
            List<LabelledData.Session> settings, List<String> names) {
        for (LabelledData.Session s : settings) {
            if (!names.contains(settingOf(s))) {
                names.add(settingOf(s));
            }
        }
        Evaluation[][] out = new Evaluation[2][names.size()];
        Detector baseOnly = new Detector(Training.train(baseUtterances, baseSessions));
        for (int g = 0; g < names.size(); g++) {
            List<LabelledData.Session> others = new ArrayList<>();
            List<LabelledData.Session> test = new ArrayList<>();
            for (LabelledData.Session s : settings) {
                (settingOf(s).equals(names.get(g)) ? test : others).add(s);
            }
            Detector withOthers = new Detector(Training.train(baseUtterances, Training.withSettings(baseSessions, others)));
            out[0][g] = new Evaluation();
            out[1][g] = new Evaluation();
            for (LabelledData.Session s : test) {
                out[0][g].add(s, baseOnly.detect(s.transcript()));
                out[1][g].add(s, withOthers.detect(s.transcript()));
            }
        }
        return out;
    }
}
