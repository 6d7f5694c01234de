package app.carryover.transcripts.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import app.carryover.transcripts.reading.Json;
import tools.jackson.databind.JsonNode;

/** What the command's input files are, what they are called in its output, and where the sessions file goes. */
final class InputFiles {

    enum Kind { UTTERANCES, TRANSCRIPT, LABELS }

    private InputFiles() {
    }

    /** OUT.sessions.jsonl beside OUT.jsonl (or OUT + ".sessions.jsonl" for another name). */
    static Path sessionsPathBeside(Path output) {
        String name = output.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return output.resolveSibling(base + ".sessions.jsonl");
    }

    /** The file's name below the input folder, or its own name when the input is the file. */
    static String name(Path input, Path file) {
        if (input.equals(file) || !Files.isDirectory(input)) {
            return file.getFileName().toString();
        }
        return input.relativize(file).toString().replace('\\', '/');
    }

    /** Utterance files are JSON lines whose first object has a "context"; labels files are skipped. */
    static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("labels.jsonl") || name.equals("sessions.jsonl")) {
            return Kind.LABELS;
        }
        if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json")) {
            return Kind.TRANSCRIPT;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = Json.object(line);
                if (o.has("assigns_homework") && !o.has("text") && o.has("turn")) {
                    return Kind.LABELS;
                }
                return o.has("context") ? Kind.UTTERANCES : Kind.TRANSCRIPT;
            }
        } catch (IOException | Json.Malformed e) {
            // the transcript reader gives the user a proper message
        }
        return Kind.TRANSCRIPT;
    }
}
