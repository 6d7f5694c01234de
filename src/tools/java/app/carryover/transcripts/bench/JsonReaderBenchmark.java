package app.carryover.transcripts.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transcript command's hand-written JSON reader against Jackson (already on the classpath), on the
 * lines of an utterances file: each run parses every line once with each reader, the two in turn so the
 * machine's load falls on both alike, and reports lines per second as min / median / max over the runs.
 * usage: JsonReaderBenchmark FILE [RUNS]   (bench/transcripts/json.sh)
 */
public final class JsonReaderBenchmark {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private JsonReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            sink += handWritten(lines) + jackson(lines);
        }
        double[] hand = new double[runs];
        double[] jack = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            sink += handWritten(lines);
            long t1 = System.nanoTime();
            sink += jackson(lines);
            long t2 = System.nanoTime();
            hand[r] = lines.size() / ((t1 - t0) / 1e9);
            jack[r] = lines.size() / ((t2 - t1) / 1e9);
        }
        System.out.println(String.format(Locale.ROOT, "lines %d, runs %d (checksum %d)", lines.size(), runs, sink));
        System.out.println("hand-written " + stats(hand));
        System.out.println("jackson " + stats(jack));
    }

    /** min / median / max lines a second. */
    private static String stats(double[] rates) {
        double[] s = rates.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.0f %.0f %.0f", s[0], s[s.length / 2], s[s.length - 1]);
    }

    private static long handWritten(List<String> lines) throws HandWrittenJson.Malformed {
        long n = 0;
        for (String line : lines) {
            Map<String, Object> o = HandWrittenJson.object(line);
            n += HandWrittenJson.text(o.get("text")).length() + (Boolean.TRUE.equals(o.get("assigns_homework")) ? 1 : 0);
        }
        return n;
    }

    private static long jackson(List<String> lines) {
        long n = 0;
        for (String line : lines) {
            JsonNode o = JACKSON.readTree(line);
            n += o.path("text").asString().length() + (o.path("assigns_homework").asBoolean(false) ? 1 : 0);
        }
        return n;
    }
}
