package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;

/**
 * The blind set in {@code src/test/resources/transcripts/blind}: 184 utterances and 10 sessions (plain
 * text, WebVTT, SRT, JSON chat; several dialects, speech recognition, a non-native speaker, a couple, a
 * timestamped transcript), written and labelled before the detector was first run on them. The shipped
 * model is scored on it as {@code ../shared/bin/score.py} scores it.
 *
 * <p>First run (before any correction): utterances assigns F1 0.904, reviews P 1.000 R 0.667 F1 0.800,
 * category 0.873; session turns (b08 was not read) assigns F1 0.750, reviews F1 0.800. The cue and
 * reader corrections that followed were made after studying these misses, so the figures guarded here
 * are no longer held-out: the thresholds sit somewhat below what the corrected detector reaches
 * (utterances assigns F1 0.969, reviews F1 0.909, category 0.936; turns assigns F1 0.850, reviews
 * F1 0.880; session verdicts 10 of 10) and only catch a regression.
 */
class BlindSetTests {

    static final Path BLIND = Path.of("src", "test", "resources", "transcripts", "blind");

    @Test
    void utterances() throws Exception {
        List<LabelledData.Utterance> utterances = LabelledData.utterances(BLIND.resolve("utterances.jsonl"));
        HomeworkDetector detector = HomeworkDetector.standard();
        Evaluation e = new Evaluation();
        for (LabelledData.Utterance u : utterances) {
            if (u.labels() != null && !"client".equals(u.speaker())) {
                e.add(u.labels(), detector.detectUtterance(u.context(), u.text()));
            }
        }
        System.out.print(e.report("Blind set, utterances (shipped model):"));
        assertThat(e.assign.tp + e.assign.fp + e.assign.fn + e.assign.tn).isEqualTo(184);
        assertThat(e.assign.f1()).isGreaterThan(0.93);
        assertThat(e.assign.precision()).isGreaterThan(0.93);
        assertThat(e.review.precision()).isGreaterThan(0.95);
        assertThat(e.review.recall()).isGreaterThan(0.78);
        assertThat(e.review.f1()).isGreaterThan(0.86);
        assertThat(e.categoryAccuracy()).isGreaterThan(0.88);
    }

    @Test
    void sessionsInFourFormats() throws Exception {
        List<LabelledData.Session> sessions = LabelledData.sessions(BLIND.resolve("sessions"),
                new TranscriptReader(SpeakerRoles.none()));
        assertThat(sessions).hasSize(10);
        HomeworkDetector detector = HomeworkDetector.standard();
        Evaluation e = new Evaluation();
        for (LabelledData.Session s : sessions) {
            e.add(s, detector.detect(s.transcript()));
        }
        System.out.print(e.report("Blind set, session turns (shipped model):"));
        assertThat(e.assign.tp + e.assign.fp + e.assign.fn + e.assign.tn).as("labelled turns found").isEqualTo(152);
        assertThat(e.assign.f1()).isGreaterThan(0.80);
        assertThat(e.review.f1()).isGreaterThan(0.83);
        assertThat(e.sessionAssigned.accuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.sessionReviewed.accuracy()).isGreaterThanOrEqualTo(0.9);
    }
}
