package app.carryover.transcripts.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import app.carryover.transcripts.detection.DetectorModel;
import app.carryover.transcripts.detection.TurnFeatures;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.TranscriptReader;

/**
 * The cross-validation harness over the development data in {@code src/test/resources/transcripts/dev} (the project's
 * own labelled utterances and sessions, LABELING.md §1): k-fold over the utterances and leave-sessions-out over the
 * transcripts.
 * It prints the figures and fails if they fall well below what the detector is known to reach.
 */
class CrossValidationTests {

    static final Path DATA = Path.of(System.getenv().getOrDefault("CARRYOVER_DEV_DATA", "src/test/resources/transcripts/dev"));

    /** Issue 19's development material outside the clinic (primary care, brief interventions, school, parenting, adherence). */
    static final Path SETTINGS = Path.of("src/test/resources/transcripts/settings/dev/sessions");

    static List<LabelledData.Utterance> utterances;
    static List<LabelledData.Session> sessions;

    @BeforeAll
    static void load() throws Exception {
        utterances = LabelledData.utterances(DATA.resolve("utterances.jsonl"));
        sessions = LabelledData.sessions(DATA.resolve("sessions"), new TranscriptReader(SpeakerRoles.none()));
    }

    @Test
    void kFoldOverTheUtterances() {
        Evaluation e = CrossValidation.utterances(utterances, sessions, 5, 7);
        System.out.print(e.report("Cross-validation, utterances, 5-fold:"));
        assertThat(e.assign.f1()).isGreaterThan(0.85);
        assertThat(e.review.precision()).isGreaterThan(0.85);
        assertThat(e.review.recall()).isGreaterThan(0.75);
        assertThat(e.categoryAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void kFoldOverTheUtterancesAsSpeechRecognitionWritesThem() {
        Evaluation e = CrossValidation.utterances(utterances, sessions, 5, 7, true);
        System.out.print(e.report("Cross-validation, utterances, 5-fold, held-out text speech-like:"));
        assertThat(e.assign.f1()).isGreaterThan(0.85);
        assertThat(e.review.precision()).isGreaterThan(0.85);
    }

    @Test
    void leaveSessionsOut() {
        Evaluation e = CrossValidation.sessions(utterances, sessions, 5, 7);
        System.out.print(e.report("Cross-validation, leave-sessions-out, 5 folds:"));
        assertThat(e.sessionAssigned.accuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.sessionReviewed.accuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(e.assign.f1()).isGreaterThan(0.75);
    }

    @Test
    void theShippedModelIsTheOneTheTrainingCodeMakes() throws Exception {
        List<LabelledData.Session> settings = LabelledData.sessions(SETTINGS, new TranscriptReader(SpeakerRoles.none()));
        DetectorModel trained = Training.train(utterances, Training.withSettings(sessions, settings));
        DetectorModel shipped = DetectorModel.shipped();
        for (int i = 0; i < trained.assign.length; i++) {
            assertThat(shipped.assign[i]).as("assign weight of " + (i < TurnFeatures.count() ? TurnFeatures.NAMES.get(i) : "bias"))
                    .isCloseTo(trained.assign[i], org.assertj.core.data.Offset.offset(1e-3));
        }
    }
}
