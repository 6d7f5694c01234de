package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import app.carryover.transcripts.audit.PracticeAudit;
import app.carryover.transcripts.reading.Json;

class TranscriptsCommandTests {

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
        return TranscriptsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Each line as a flat map: numbers as doubles, nested values as their JSON text (as the assertions read them). */
    private static List<Map<String, Object>> jsonLines(Path file) throws Exception {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Map<String, Object> flat = new java.util.HashMap<>();
            Json.object(line).properties().forEach(e -> flat.put(e.getKey(), flat(e.getValue())));
            out.add(flat);
        }
        return out;
    }

    private static Object flat(tools.jackson.databind.JsonNode v) {
        return v.isNull() ? null : v.isNumber() ? v.doubleValue() : v.isBoolean() ? v.booleanValue()
                : v.isString() ? v.asString() : v.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void detectWritesATurnLinePerTherapistTurnAndASessionLinePerSession() throws Exception {
        Path in = dir.resolve("in");
        write("in/s1.txt", SESSION);
        write("in/s2.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Therapist>See you next Tuesday.\n\n"
                + "00:00:02.000 --> 00:00:03.000\n<v Client>Bye.\n");
        Path output = dir.resolve("out.jsonl");
        assertThat(run("detect", "--input", in.toString(), "--output", output.toString(), "--quiet")).isZero();

        List<Map<String, Object>> turns = jsonLines(output);
        assertThat(turns).hasSize(7);
        assertThat(turns.get(0)).containsKeys("session", "turn", "assigns_homework", "reviews_homework", "category",
                "specific", "evidence").doesNotContainKey("id");
        assertThat(turns.get(1)).containsEntry("session", "s1.txt").containsEntry("turn", 3.0)
                .containsEntry("reviews_homework", true);
        assertThat(turns.get(4)).containsEntry("turn", 9.0).containsEntry("assigns_homework", true)
                .containsEntry("category", "skill_practice").containsEntry("specific", true);
        assertThat((String) turns.get(4).get("evidence")).startsWith("[\"");
        assertThat(turns.get(6)).containsEntry("session", "s2.vtt").containsEntry("assigns_homework", false)
                .containsEntry("category", null).containsEntry("specific", null);

        List<Map<String, Object>> sessions = jsonLines(dir.resolve("out.sessions.jsonl"));
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0)).containsEntry("session", "s1.txt").containsEntry("homework_assigned", true)
                .containsEntry("homework_reviewed", true);
        assertThat(sessions.get(1)).containsEntry("homework_assigned", false).containsEntry("homework_reviewed", false);
    }

    @Test
    void badFilesAreReportedOneByOneAndTheRestOfTheFolderIsProcessed() throws Exception {
        Path in = dir.resolve("in");
        write("in/good.txt", "Therapist: How are you today?\nClient: Fine.\nTherapist: I'm giving you a leaflet on panic."
                + " Could you read it before Thursday and mark anything that doesn't fit?\nClient: Sure.\n");
        write("in/empty.txt", "");
        Files.write(in.resolve("photo.txt"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0, 0x10, 'J', 'F', 'I', 'F'});
        write("in/unlabelled.txt", "we talked a lot today\nabout many things\n");
        write("in/only-client.srt", "1\n00:00:01,000 --> 00:00:02,000\nClient: hello\n");
        Path output = dir.resolve("out.jsonl");

        assertThat(run("detect", "--input", in.toString(), "--output", output.toString(), "--quiet")).isZero();

        assertThat(jsonLines(output)).hasSize(2).last().satisfies(t -> assertThat(t).containsEntry("session", "good.txt")
                .containsEntry("assigns_homework", true).containsEntry("category", "learning"));
        assertThat(stderr()).contains("empty.txt: skipped: the file is empty")
                .contains("photo.txt: skipped: it is a binary file")
                .contains("unlabelled.txt: skipped: no speaker-labelled turns")
                .contains("only-client.srt: skipped: no therapist turn")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void nothingProcessableExitsNonZeroAndUsageErrorsExitTwo() throws Exception {
        Path empty = write("empty.txt", "");
        assertThat(run("detect", "--input", empty.toString(), "--output", dir.resolve("o.jsonl").toString())).isEqualTo(1);
        assertThat(stderr()).contains("nothing could be processed");
        assertThat(run("detect", "--output", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(run("detect", "--input", dir.resolve("missing").toString(), "--output", "o.jsonl")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("detect", "--input", empty.toString(), "--output", "o.jsonl", "--speakers", "Sam")).isEqualTo(2);
    }

    @Test
    void trainingIsNotPartOfTheServersJarAndSaysWhereItIs() {
        assertThat(run("train", "--utterances", "u.jsonl", "--sessions", "s", "--output", "m.tsv")).isEqualTo(2);
        assertThat(stderr()).contains("exec:java@transcripts-tools");
    }

    @Test
    void anUtterancesFileKeepsItsIdsAndEvaluatesAgainstItsLabels() throws Exception {
        Path in = write("u.jsonl", String.join("\n",
                "{\"id\":\"u1\",\"context\":\"I did the diary most days.\",\"speaker\":\"therapist\",\"text\":\"How did the diary go?\","
                        + "\"assigns_homework\":false,\"reviews_homework\":true,\"category\":null,\"specific\":null}",
                "{\"id\":\"u2\",\"context\":\"I can't sleep.\",\"speaker\":\"therapist\",\"text\":\"This week, keep a sleep diary"
                        + " every morning.\",\"assigns_homework\":true,\"reviews_homework\":false,\"category\":\"journaling\",\"specific\":true}",
                "{\"id\":\"u3\",\"context\":\"\",\"speaker\":\"client\",\"text\":\"Okay.\"}",
                "{broken",
                ""));
        Path output = dir.resolve("u.out.jsonl");
        assertThat(run("detect", "--input", in.toString(), "--output", output.toString(), "--evaluate")).isZero();
        List<Map<String, Object>> lines = jsonLines(output);
        assertThat(lines).extracting(l -> l.get("id")).containsExactly("u1", "u2");
        assertThat(lines.get(1)).containsEntry("turn", 2.0).containsEntry("session", "u.jsonl");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("assigns_homework").contains("F1");
        assertThat(stderr()).contains("1 line skipped: line 4 is not a JSON object");
        assertThat(Files.exists(dir.resolve("u.out.sessions.jsonl"))).isFalse();
    }

    @Test
    void auditWritesTheFiguresPerClinicianAsCsv() throws Exception {
        Path in = dir.resolve("practice");
        write("practice/dr-lee/a.txt", "T: What would you like to work on?\nC: My low mood.\n"
                + "T: For this week, fill in the thought record every evening, and bring it next time.\nC: Okay.\n");
        write("practice/dr-lee/b.txt", "T: Hi. Did you manage to fill in the thought records this week?\nC: I did four.\n"
                + "T: Four! Let's look at them. Which was the hardest to fill in?\nC: Tuesday's.\n");
        write("practice/dr-shah/c.txt", "T: Where would you like to start?\nC: My mum.\nT: Tell me more.\n");
        Path csv = dir.resolve("audit.csv");
        assertThat(run("audit", "--input", in.toString(), "--output", csv.toString(), "--quiet")).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo(PracticeAudit.HEADER);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("(all clinicians),3,1,0.333,1,0.333,1,1,0,1.000,0,0,1,0");
        assertThat(rows.get(2)).startsWith("dr-lee,2,1,0.500,1,0.500");
        assertThat(rows.get(3)).startsWith("dr-shah,1,0,0.000,0,0.000,0");
    }
}
