package app.carryover.coach;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batch command, run before Spring starts so it needs neither server nor database:
 * <pre>
 * java -jar target/carryover.jar coach --input FILE.jsonl --output OUT.jsonl [--explain] [--threads N]
 * java -jar target/carryover.jar coach --evaluate FILE.jsonl
 * </pre>
 * Exit code 0 when every line was read, 1 when some lines were bad (each is named on standard error and
 * the rest are still processed), 2 for a usage error or a file that cannot be read or written.
 */
public final class CoachCommand {

    static final String USAGE = """
            Usage:
              carryover coach --input FILE.jsonl --output OUT.jsonl [--explain] [--threads N]
                  Label each assignment (one JSON object a line with goal, session_focus, title, instructions and
                  optionally previous and dose). Each output line repeats the id and gives linked, specific,
                  measurable, rationale, structured, red_flag, challenge and overall; --explain adds suggestions
                  and notes.
              carryover coach --evaluate FILE.jsonl [--threads N]
                  Label a labelled file and print precision, recall and F1 per label, challenge accuracy and the
                  macro-F1 of overall.
            """;

    private static final int CHUNK = 4096;

    private CoachCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("coach: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        try {
            return options.evaluate != null ? evaluate(options, out, err) : label(options, err);
        } catch (IOException e) {
            err.println("coach: " + e.getMessage());
            return 2;
        }
    }

    private static int label(Options options, PrintStream err) throws IOException {
        Path input = Path.of(options.input);
        if (!Files.isRegularFile(input)) {
            err.println("coach: cannot read input file " + input);
            err.print(USAGE);
            return 2;
        }
        Path output = Path.of(options.output);
        if (Files.isDirectory(output)) {
            err.println("coach: output " + output + " is a directory");
            return 2;
        }
        int bad = 0;
        long lines = 0;
        ExecutorService pool = pool(options.threads);
        BufferedWriter opened;
        try {
            opened = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            shutdown(pool);
            err.println("coach: cannot write output file " + output + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        try (BufferedReader reader = reader(input); BufferedWriter writer = opened) {
            List<String> chunk = new ArrayList<>(CHUNK);
            long first = 1;
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line != null) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK || line == null && !chunk.isEmpty()) {
                    for (Row row : process(chunk, first, pool, options.threads, options.explain)) {
                        if (row.error != null) {
                            bad++;
                            err.println("coach: line " + row.number + ": " + row.error + " (skipped)");
                        } else if (row.output != null) {
                            writer.write(row.output);
                            writer.newLine();
                        }
                    }
                    lines += chunk.size();
                    first += chunk.size();
                    chunk.clear();
                }
                if (line == null) {
                    break;
                }
            }
        } finally {
            shutdown(pool);
        }
        if (bad > 0) {
            err.println("coach: " + bad + " of " + lines + " lines could not be read; the others were written to " + output);
            return 1;
        }
        return 0;
    }

    private static int evaluate(Options options, PrintStream out, PrintStream err) throws IOException {
        Path input = Path.of(options.evaluate);
        if (!Files.isRegularFile(input)) {
            err.println("coach: cannot read file to evaluate " + input);
            err.print(USAGE);
            return 2;
        }
        Evaluation evaluation = new Evaluation();
        int bad = 0;
        ExecutorService pool = pool(options.threads);
        try (BufferedReader reader = reader(input)) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            for (Row row : process(lines, 1, pool, options.threads, false)) {
                if (row.error != null) {
                    bad++;
                    err.println("coach: line " + row.number + ": " + row.error + " (skipped)");
                } else if (row.report != null) {
                    if (!row.record.hasLabels()) {
                        bad++;
                        err.println("coach: line " + row.number + ": no labels to evaluate against (skipped)");
                    } else {
                        evaluation.add(row.record, row.report);
                    }
                }
            }
        } finally {
            shutdown(pool);
        }
        if (evaluation.count() == 0) {
            err.println("coach: no labelled lines in " + input);
            return bad > 0 ? 1 : 2;
        }
        out.print(evaluation.summary());
        return bad > 0 ? 1 : 0;
    }

    /** One input line's outcome: an output line, an error, or nothing (a blank line). */
    private record Row(long number, JsonRecords.Record record, CoachReport report, String output, String error) {
    }

    private static List<Row> process(List<String> lines, long first, ExecutorService pool, int threads, boolean explain) {
        if (pool == null || lines.size() < 64) {
            return processRange(lines, first, 0, lines.size(), explain);
        }
        int parts = threads;
        int size = (lines.size() + parts - 1) / parts;
        List<Future<List<Row>>> futures = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = p * size;
            int to = Math.min(lines.size(), from + size);
            if (from < to) {
                futures.add(pool.submit(() -> processRange(lines, first, from, to, explain)));
            }
        }
        List<Row> rows = new ArrayList<>(lines.size());
        for (Future<List<Row>> f : futures) {
            try {
                rows.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return rows;
    }

    private static List<Row> processRange(List<String> lines, long first, int from, int to, boolean explain) {
        List<Row> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            long number = first + i;
            String line = lines.get(i);
            if (line.isBlank()) {
                rows.add(new Row(number, null, null, null, null));
                continue;
            }
            try {
                JsonRecords.Record record = JsonRecords.read(line);
                CoachReport report = AssignmentCoach.analyse(record.assignment());
                rows.add(new Row(number, record, report, JsonRecords.write(record.id(), report, explain), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(number, null, null, null, e.getMessage()));
            }
        }
        return rows;
    }

    /** UTF-8, with malformed bytes replaced so that one bad line is reported as such instead of ending the run. */
    private static BufferedReader reader(Path input) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(input), decoder), 1 << 16);
    }

    private static ExecutorService pool(int threads) {
        return threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "coach-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static void shutdown(ExecutorService pool) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The command line. */
    private static final class Options {
        String input;
        String output;
        String evaluate;
        boolean explain;
        boolean help;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--input", "-i" -> o.input = value(args, ++i, a);
                    case "--output", "-o" -> o.output = value(args, ++i, a);
                    case "--evaluate" -> o.evaluate = value(args, ++i, a);
                    case "--explain" -> o.explain = true;
                    case "--threads" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threads needs a number, not '" + v + "'");
                        }
                        if (o.threads < 1 || o.threads > 64) {
                            throw new IllegalArgumentException("--threads must be between 1 and 64");
                        }
                    }
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (o.help) {
                return o;
            }
            if (o.evaluate != null) {
                if (o.input != null || o.output != null) {
                    throw new IllegalArgumentException("--evaluate cannot be combined with --input or --output");
                }
                return o;
            }
            if (o.input == null || o.output == null) {
                throw new IllegalArgumentException("give --input and --output, or --evaluate");
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
