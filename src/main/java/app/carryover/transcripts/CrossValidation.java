package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cross-validated figures for the detector: k-fold over labelled utterances (each fold's model
 * trained on the other folds and all sessions) and leave-sessions-out (each fold's sessions held out
 * of a model trained on the rest and all utterances). A fixed seed keeps the folds the same run to run.
 */
final class CrossValidation {

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
            HomeworkDetector detector = new HomeworkDetector(Training.train(train, sessions));
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
            HomeworkDetector detector = new HomeworkDetector(Training.train(utterances, train));
            for (LabelledData.Session s : test) {
                total.add(s, detector.detect(s.transcript()));
            }
        }
        return total;
    }
}
