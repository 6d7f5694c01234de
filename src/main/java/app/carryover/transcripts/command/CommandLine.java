package app.carryover.transcripts.command;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The options of a {@code carryover transcripts} command line: {@code --name value}, {@code --name=value} or a flag. */
public final class CommandLine {

    private static final Set<String> FLAGS = Set.of("evaluate", "quiet", "fast");
    /** Options that may be given more than once (their values are kept in order, one a line). */
    private static final Set<String> REPEATABLE = Set.of("utterances", "sessions");

    private CommandLine() {
    }

    /** A mistake in the command line; the message says which. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The options after the command word {@code args[0]}; IllegalArgumentException names a malformed one. */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0 && REPEATABLE.contains(name.substring(0, eq))) {
                options.merge(name.substring(0, eq), name.substring(eq + 1), (x, y) -> x + "\n" + y);
            } else if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length && REPEATABLE.contains(name)) {
                options.merge(name, args[++i], (x, y) -> x + "\n" + y);
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    public static Path required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required (see 'carryover transcripts help')");
        }
        return Path.of(value);
    }
}
