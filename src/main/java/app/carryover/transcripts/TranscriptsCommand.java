package app.carryover.transcripts;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

import app.carryover.transcripts.command.CommandLine;
import app.carryover.transcripts.command.DetectRun;

/**
 * {@code carryover transcripts detect|audit}: the transcript homework audit from the
 * command line, before Spring starts, so it needs neither the server nor a database. Returns the
 * exit code: 0 when anything was processed, 1 when nothing could be, 2 for a usage error.
 */
public final class TranscriptsCommand {

    static final String USAGE = String.join("\n",
            "Usage: carryover transcripts COMMAND [options]",
            "",
            "  detect --input PATH --output OUT.jsonl [--evaluate] [--speakers \"Dr Lee=therapist,Sam=client\"]",
            "         PATH is a transcript (speaker-labelled .txt, .vtt, .srt, chat .jsonl), a folder of them, or an",
            "         utterances file (JSON lines with \"context\" and \"text\"). Writes one line per therapist turn to",
            "         OUT, and for transcripts one line per session to OUT.sessions.jsonl beside it. --evaluate",
            "         prints precision, recall and F1 against the labels in the input (utterance fields, or",
            "         labels.jsonl and sessions.jsonl beside the transcripts).",
            "  audit  --input FOLDER --output audit.csv [--speakers ...]",
            "         The practice audit: share of sessions assigning and reviewing homework, specific against",
            "         vague tasks, categories; overall and per clinician (a '# clinician: NAME' header line, or",
            "         the first folder below FOLDER).",
            "",
            "Options: --threads N (default: the processors, at most 4), --max-mb N (largest transcript read,",
            "         default 64), --quiet (no progress bar).");

    private TranscriptsCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = CommandLine.options(args);
        } catch (IllegalArgumentException e) {
            err.println("carryover transcripts: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "detect":
                    return new DetectRun(options, out, err).detect();
                case "audit":
                    return new DetectRun(options, out, err).audit();
                case "train", "cv":
                    err.println("carryover transcripts: '" + args[0] + "' is a development tool and not part of the"
                            + " server's jar; from the source tree run ./mvnw -q test-compile exec:java@transcripts-tools"
                            + " -Dexec.args=\"" + args[0] + " ...\" (docs/transcripts.md, Training)");
                    return 2;
                default:
                    err.println("carryover transcripts: unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
            }
        } catch (CommandLine.UsageException e) {
            err.println("carryover transcripts: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("carryover transcripts: " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("carryover transcripts: failed: " + e);
            return 1;
        }
    }
}
