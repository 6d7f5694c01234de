package app.carryover.transcripts.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import app.carryover.transcripts.SessionDetection;
import app.carryover.transcripts.evaluation.Evaluation;
import app.carryover.transcripts.evaluation.LabelledData;

/** {@code detect --evaluate}: the run's detections against the labels in its input, as score.py counts them. */
final class RunEvaluation {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<Path, Map<String, LabelledData.Session>> labelsByFolder = new HashMap<>();
    private final Evaluation utteranceEvaluation = new Evaluation();
    private final Evaluation sessionEvaluation = new Evaluation();
    private int utteranceLabelled;
    private int sessionsLabelled;

    RunEvaluation(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void addUtterances(Evaluation chunk, int labelled) {
        utteranceEvaluation.add(chunk);
        utteranceLabelled += labelled;
    }

    void addSession(Path file, SessionDetection d) {
        Path folder = file.toAbsolutePath().getParent();
        Map<String, LabelledData.Session> labels = labelsByFolder.computeIfAbsent(folder, this::loadLabels);
        LabelledData.Session gold = labels.get(LabelledData.sessionKey(d.session()));
        if (gold != null) {
            sessionEvaluation.add(gold, d);
            sessionsLabelled++;
        }
    }

    private Map<String, LabelledData.Session> loadLabels(Path folder) {
        Map<String, LabelledData.Session> byKey = new HashMap<>();
        if (!Files.exists(folder.resolve("labels.jsonl")) && !Files.exists(folder.resolve("sessions.jsonl"))) {
            return byKey;
        }
        try {
            // only the labels are needed here: read them with an empty folder listing
            for (LabelledData.Session s : LabelledData.sessionLabels(folder)) {
                byKey.put(LabelledData.sessionKey(s.transcript().session()), s);
            }
        } catch (IOException e) {
            err.println("carryover transcripts: cannot read the labels in " + folder + ": " + e.getMessage());
        }
        return byKey;
    }

    void print() {
        if (utteranceLabelled == 0 && sessionsLabelled == 0) {
            out.println("No labels found in the input to evaluate against (utterance fields assigns_homework/reviews_homework,"
                    + " or labels.jsonl and sessions.jsonl beside the transcripts).");
            return;
        }
        if (utteranceLabelled > 0) {
            out.print(utteranceEvaluation.report("Utterances (" + utteranceLabelled + " labelled):"));
        }
        if (sessionsLabelled > 0) {
            out.print(sessionEvaluation.report("Session transcripts (" + sessionsLabelled + " labelled sessions, turns as labelled):"));
        }
    }
}
