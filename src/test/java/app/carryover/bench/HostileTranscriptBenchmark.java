package app.carryover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.TranscriptReader;

/**
 * How long the transcript reader takes on the hostile files of issue 15 item 1 (the old reader: 88 s
 * for the 64 kB voice tag through the upload, 385 s for 3.2 MB of one-character lines) and on an
 * ordinary session, with the upload's 5 MB limit. Benchmark, skipped unless {@code -Dcarryover.bench=true};
 * appends one row per input to docs/benchmarks.md.
 */
class HostileTranscriptBenchmark {

    static final int RUNS = 15;

    @Test
    void hostileFiles() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: -Dcarryover.bench=true");
        TranscriptReader reader = new TranscriptReader(SpeakerRoles.none(), 5 * 1024 * 1024);
        String cue = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n";
        StringBuilder tags = new StringBuilder("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Therapist>Hello.</v>\n\n");
        while (tags.length() < 5 * 1024 * 1024 - 40_000) {
            tags.append("00:00:03.000 --> 00:00:04.000\n<v").append(" ".repeat(19_998)).append("\n\n");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("open voice tag + 64 kB of spaces (.vtt)", cue + "<v" + " ".repeat(64 * 1024) + "\n");
        inputs.put("open voice tag + 128 kB of spaces (.vtt)", cue + "<v" + " ".repeat(128 * 1024) + "\n");
        inputs.put("5 MB of 20,000-character open voice tags (.vtt)", tags.toString());
        inputs.put("3.2 MB of one-character lines (.txt)", "T: Let's start.\n" + "a\n".repeat(1_600_000));
        inputs.put("49,990 one-character continuation lines (.txt)", "T: start\n" + "a\n".repeat(49_990));
        inputs.put("ordinary session, 1,000 turns (.txt)", ("T: How did the breathing go this week, and what got in"
                + " the way?\nC: I did it twice a day.\n").repeat(500));
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                + ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at start";
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            byte[] bytes = input.getValue().getBytes(StandardCharsets.UTF_8);
            String outcome = "";
            for (int i = 0; i < 3; i++) {
                reader.read(input.getKey().endsWith("(.vtt)") ? "s.vtt" : "s.txt", "", bytes);
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                TranscriptReader.Result r = reader.read(input.getKey().endsWith("(.vtt)") ? "s.vtt" : "s.txt", "", bytes);
                ms[i] = (System.nanoTime() - start) / 1e6;
                outcome = r.problems().isEmpty() ? "read" : "refused: " + r.problems().get(0).message();
            }
            Arrays.sort(ms);
            String row = String.format(Locale.ROOT, "| %s | transcript reader, %s, %d runs after 3 warm-up | %s | %.1f / %.1f / %.1f ms | %s |",
                    LocalDate.now(), input.getKey(), RUNS, machine, ms[0], ms[RUNS / 2], ms[RUNS - 1],
                    outcome.length() > 90 ? outcome.substring(0, 90) + "…" : outcome);
            System.out.println(row);
            rows.append(row).append('\n');
        }
        Files.writeString(Path.of("docs/benchmarks.md"), rows.toString(), StandardOpenOption.APPEND);
    }
}
