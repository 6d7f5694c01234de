package app.carryover.transcripts.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import app.carryover.transcripts.HomeworkCategory;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TranscriptReader;
import app.carryover.transcripts.reading.Json;
import app.carryover.transcripts.reading.Labels;

/**
 * Labelled data shaped like {@code homework-utterances/}: utterances with their labels, and session
 * transcripts with {@code labels.jsonl} (per therapist turn) and {@code sessions.jsonl} (per session)
 * beside them. Used to train, cross-validate and evaluate.
 */
public final class LabelledData {

    private LabelledData() {
    }

    /** The labels of one therapist turn or utterance. */
    public record Labels(boolean assigns, boolean reviews, HomeworkCategory category, Boolean specific) {
        public static Labels of(JsonNode o) {
            return new Labels(Boolean.TRUE.equals(Json.bool(o, "assigns_homework")), Boolean.TRUE.equals(Json.bool(o, "reviews_homework")),
                    HomeworkCategory.ofLabel(Json.text(o.get("category"))), Json.bool(o, "specific"));
        }
    }

    public record Utterance(String id, String context, String text, String speaker, Labels labels) {
    }

    /** A session with its labels per turn number (null when the turn is unlabelled) and its own verdicts. */
    public record Session(Transcript transcript, Map<Integer, Labels> turns, Boolean assigned, Boolean reviewed) {
    }

    public static List<Utterance> utterances(Path file) throws IOException {
        List<Utterance> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode o = Json.object(line);
                Labels labels = o.has("assigns_homework") ? Labels.of(o) : null;
                out.add(new Utterance(Json.text(o.get("id")), orEmpty(o.get("context")), orEmpty(o.get("text")),
                        Json.text(o.get("speaker")), labels));
            } catch (Json.Malformed e) {
                throw new IOException(file + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The labels beside a folder of transcripts: per session, per turn, and the session verdicts. */
    private record LabelSet(Map<String, Map<Integer, Labels>> turns, Map<String, JsonNode> verdicts) {
    }

    private static LabelSet labelSet(Path folder) throws IOException {
        Map<String, Map<Integer, Labels>> turnLabels = new HashMap<>();
        Path labels = folder.resolve("labels.jsonl");
        if (Files.exists(labels)) {
            for (JsonNode o : objects(labels)) {
                turnLabels.computeIfAbsent(Json.text(o.get("session")), k -> new HashMap<>())
                        .put((int) Double.parseDouble(Json.text(o.get("turn"))), Labels.of(o));
            }
        }
        Map<String, JsonNode> verdicts = new HashMap<>();
        Path sessions = folder.resolve("sessions.jsonl");
        if (Files.exists(sessions)) {
            for (JsonNode o : objects(sessions)) {
                verdicts.put(Json.text(o.get("session")), o);
            }
        }
        return new LabelSet(turnLabels, verdicts);
    }

    /** Sessions of a folder holding labels.jsonl (and sessions.jsonl), read with the given reader. */
    public static List<Session> sessions(Path folder, TranscriptReader reader) throws IOException {
        LabelSet labels = labelSet(folder);
        List<Session> out = new ArrayList<>();
        for (Path file : TranscriptReader.files(folder)) {
            String name = folder.relativize(file).toString();
            if (name.equals("labels.jsonl") || name.equals("sessions.jsonl")) {
                continue;
            }
            for (Transcript t : reader.read(file, name, "").transcripts()) {
                out.add(session(t, labels));
            }
        }
        return out;
    }

    /** Only the labels of the sessions beside a folder's transcripts, each with an empty transcript of its name. */
    public static List<Session> sessionLabels(Path folder) throws IOException {
        LabelSet labels = labelSet(folder);
        Set<String> keys = new TreeSet<>(labels.turns().keySet());
        keys.addAll(labels.verdicts().keySet());
        List<Session> out = new ArrayList<>();
        for (String key : keys) {
            out.add(session(new Transcript(key, "", List.of(), List.of()), labels));
        }
        return out;
    }

    private static Session session(Transcript t, LabelSet labels) {
        String key = sessionKey(t.session());
        JsonNode v = labels.verdicts().get(key);
        return new Session(t, labels.turns().getOrDefault(key, Map.of()),
                v == null ? null : Json.bool(v, "homework_assigned"),
                v == null ? null : Json.bool(v, "homework_reviewed"));
    }

    /** The session name as the scorer matches it: the last path part without its extension. */
    public static String sessionKey(String session) {
        String s = session.substring(session.lastIndexOf('/') + 1);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static List<JsonNode> objects(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    out.add(Json.object(line));
                } catch (Json.Malformed e) {
                    throw new IOException(file + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static String orEmpty(JsonNode o) {
        String s = Json.text(o);
        return s == null ? "" : s;
    }
}
