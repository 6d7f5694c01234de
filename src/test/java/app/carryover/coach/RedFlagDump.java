package app.carryover.coach;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes, for each labelled row of the given sets, its gold labels, the rules' labels and the red-flag model's
 * features ({@link RedFlagFeatures}) as one JSON line, for the red-flag model experiment
 * ({@code src/test/python/red_flag_model.py}). Run: {@code java -cp ... app.carryover.coach.RedFlagDump OUT name=FILE...}
 */
final class RedFlagDump {

    public static void main(String[] args) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (int a = 1; a < args.length; a++) {
                String name = args[a].substring(0, args[a].indexOf('='));
                Path file = Path.of(args[a].substring(args[a].indexOf('=') + 1));
                int row = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonRecords.Record g = JsonRecords.read(line);
                    Reading reading = Reading.of(g.assignment());
                    CoachReport p = AssignmentCoach.decide(reading);
                    StringBuilder sb = new StringBuilder();
                    sb.append("{\"set\":").append(q(name)).append(",\"row\":").append(row++).append(",\"id\":").append(g.id() == null ? "null" : g.id());
                    sb.append(",\"gold\":{").append(labels(g.linked(), g.specific(), g.measurable(), g.rationale(), g.structured(),
                            g.redFlag())).append(",\"overall\":").append(q(g.overall())).append('}');
                    sb.append(",\"rules\":{").append(labels(p.linked(), p.specific(), p.measurable(), p.rationale(), p.structured(),
                            p.redFlag())).append(",\"overall\":").append(q(p.overall().name().toLowerCase())).append('}');
                    sb.append(",\"judgeable\":").append(reading.judgeable());
                    sb.append(",\"features\":[");
                    boolean first = true;
                    for (String f : RedFlagFeatures.of(reading)) {
                        sb.append(first ? "" : ",").append(q(f));
                        first = false;
                    }
                    out.println(sb.append("]}"));
                }
            }
        }
    }

    private static String labels(Boolean... v) {
        String[] names = {"linked", "specific", "measurable", "rationale", "structured", "red_flag"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":").append(v[i] == null ? "null" : v[i].toString());
        }
        return sb.toString();
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
