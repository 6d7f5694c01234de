package app.carryover.transcripts.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development tool that retrains the detector ({@code src/tools}, not in the server's jar). */
class TrainingCommandTests {

    /** A short session as therapists hold them: a check-in, the review, something new, the assignment. */
    static final String SESSION = String.join("\n",
            "T: Hi Jo, come on in. How has the week been?",
            "C: Busy, but okay.",
            "T: Before anything else, how did the breathing practice go? Did you manage it most days?",
            "C: I did it on four days, in the morning.",
            "T: Four days. What did you notice on the days you did it?",
            "C: I was calmer at work.",
            "T: Let's look at Thursday, when things went badly.",
            "C: Okay.",
            "T: So for this week, I'd like you to do the breathing every morning for five minutes, and once more whenever your"
                    + " anxiety goes above six.",
            "C: Okay, I can do that.",
            "T: Same time next week, then.", "");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainingCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void trainTakesSeveralLabelledSourcesInPairs() throws Exception {
        String utterance = "{\"id\": \"x1\", \"context\": \"I did the breathing twice.\", \"text\": \"Good. Keep doing it every"
                + " morning this week.\", \"assigns_homework\": true, \"reviews_homework\": true, \"category\": \"skill_practice\","
                + " \"specific\": true}\n";
        Path first = write("a/utterances.jsonl", utterance);
        write("a/sessions/s1.txt", SESSION);
        write("a/sessions/labels.jsonl", "{\"session\": \"s1\", \"turn\": 3, \"assigns_homework\": false, \"reviews_homework\": true,"
                + " \"category\": null, \"specific\": null}\n{\"session\": \"s1\", \"turn\": 9, \"assigns_homework\": true,"
                + " \"reviews_homework\": false, \"category\": \"skill_practice\", \"specific\": true}\n");
        Path second = write("b/utterances.jsonl", utterance.replace("x1", "y1"));
        write("b/sessions/s2.txt", SESSION);
        Path model = dir.resolve("model.tsv");
        assertThat(run("train", "--utterances", first.toString(), "--sessions", dir.resolve("a/sessions").toString(),
                "--utterances", second.toString(), "--sessions=" + dir.resolve("b/sessions"), "--output", model.toString())).isEqualTo(0);
        assertThat(Files.readString(model)).contains("review_chain");
        assertThat(run("train", "--utterances", first.toString(), "--sessions", dir.resolve("a/sessions").toString(),
                "--utterances", second.toString(), "--output", model.toString())).isEqualTo(2);
        assertThat(stderr()).contains("in pairs");
    }
}
