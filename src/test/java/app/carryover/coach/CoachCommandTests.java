package app.carryover.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CoachCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CoachCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final String VAGUE = "{\"id\": \"a1\", \"goal\": \"Feel calmer\", \"session_focus\": \"Stress\", "
            + "\"title\": \"Calm\", \"instructions\": \"Try to relax more.\", \"previous\": null, \"extra\": [1, 2]}";
    private static final String GOOD = "{\"id\": 7, \"goal\": \"Go to the shops alone\", \"session_focus\": \"Exposure\", "
            + "\"title\": \"Step 3: corner shop\", \"instructions\": \"Three times this week, walk to the corner shop alone "
            + "and rate anxiety 0-10 on the exposure record, so you can see the anxiety fall.\", "
            + "\"previous\": \"Step 2 with a friend: done 4 times; anxiety fell from 60 to 30.\"}";

    @Test
    void writesOneLabelledLineForEachInputLineAndNamesBadLines() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, List.of(VAGUE, "{not json", GOOD, "", "[1, 2]", "{\"id\": \"x\", \"title\": \"T\", "
                + "\"instructions\": \"" + "Walk daily. ".repeat(90_000) + "\"}"));

        int code = run("--input", input.toString(), "--output", output.toString(), "--threads", "2");

        assertThat(code).as("bad lines give exit code 1").isEqualTo(1);
        assertThat(err.toString()).contains("line 2:").contains("line 5:").doesNotContain("line 1:").doesNotContain("line 3:");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asString()).isEqualTo("a1");
        assertThat(first.get("red_flag").booleanValue()).isTrue();
        assertThat(first.get("overall").asString()).isEqualTo("red_flag");
        assertThat(first.has("extra")).isFalse();
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("id").intValue()).isEqualTo(7);
        assertThat(second.get("overall").asString()).isEqualTo("professional");
        assertThat(second.get("challenge").asString()).isEqualTo("appropriate");
        for (String field : List.of("linked", "specific", "measurable", "rationale", "structured", "red_flag")) {
            assertThat(second.get(field).isBoolean()).as(field).isTrue();
        }
        assertThat(json.readTree(lines.get(2)).get("id").asString()).isEqualTo("x");
    }

    @Test
    void explainAddsSuggestionsAndNotes() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, List.of(VAGUE));

        assertThat(run("--input", input.toString(), "--output", output.toString(), "--explain")).isZero();

        JsonNode line = JsonMapper.builder().build().readTree(Files.readAllLines(output).get(0));
        assertThat(line.get("suggestions").get(0).get("label").asString()).isEqualTo("red_flag");
        assertThat(line.get("suggestions").get(0).get("text").asString()).contains("Try to relax more");
    }

    @Test
    void evaluatePrintsPrecisionRecallF1ChallengeAccuracyAndMacroF1() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.write(gold, List.of(
                VAGUE.replace("\"extra\"", "\"linked\": true, \"specific\": false, \"measurable\": false, \"rationale\": false, "
                        + "\"structured\": false, \"red_flag\": true, \"challenge\": null, \"overall\": \"red_flag\", \"extra\""),
                GOOD.replace("\"previous\"", "\"linked\": true, \"specific\": true, \"measurable\": true, \"rationale\": true, "
                        + "\"structured\": true, \"red_flag\": false, \"challenge\": \"appropriate\", \"overall\": \"professional\", "
                        + "\"previous\"")));

        assertThat(run("--evaluate", gold.toString())).isZero();

        assertThat(out.toString()).contains("2 assignments").contains("red_flag").contains("precision").contains("recall")
                .contains("challenge accuracy: 1.000 (1 of 1)").contains("professional F1 1.000")
                .contains("red_flag F1 1.000").contains("macro-F1 0.667"); // a class absent from the gold scores 0, as in score.py
    }

    @Test
    void invalidBytesSpoilOnlyTheirLineAndAnUnwritableOutputIsNamed() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        byte[] good = (VAGUE + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        Files.write(input, all);

        assertThat(run("--input", input.toString(), "--output", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("line 1:");
        assertThat(Files.readAllLines(output)).hasSize(1);

        assertThat(run("--input", input.toString(), "--output", dir.resolve("no/such/dir/out.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot write output file");
    }

    @Test
    void missingFilesAndBadFlagsGiveUsageAndExitCodeTwo() {
        assertThat(run("--input", dir.resolve("nope.jsonl").toString(), "--output", dir.resolve("o.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read input file").contains("Usage");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(run("--input", "only-input.jsonl")).isEqualTo(2);
        assertThat(run("--evaluate")).isEqualTo(2);
        assertThat(run("--evaluate", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(run("--input", "a", "--output", "b", "--threads", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown argument '--frobnicate'");
    }
}
