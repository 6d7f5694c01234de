package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TranscriptReader;

/**
 * Chat messages as JSON lines (or one JSON array): a speaker under {@code speaker}, {@code role},
 * {@code author}, {@code from}, {@code sender} or {@code name}; the words under {@code text},
 * {@code content}, {@code message} or {@code body}; optionally {@code session} (several sessions may
 * share a file), {@code turn} and {@code id}.
 */
public final class ChatMessages {

    public static final String[] SPEAKER_KEYS = {"speaker", "role", "author", "from", "sender", "name", "user", "participant", "who"};
    public static final String[] TEXT_KEYS = {"text", "content", "message", "body", "utterance", "transcript"};
    public static final String[] SESSION_KEYS = {"session", "session_id", "sessionId", "conversation", "conversation_id", "dialog_id"};

    private ChatMessages() {
    }

    public static List<Transcript> read(String name, String clinician, String text, SpeakerRoles roles,
            List<TranscriptReader.Problem> notes, ReadLimits limits) throws TranscriptReader.UnreadableException {
        // each message, or null for a line that is not a JSON object
        List<JsonNode> records = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.startsWith("[")) {
            try {
                records.addAll(Json.array(trimmed));
            } catch (Json.Malformed e) {
                throw new TranscriptReader.UnreadableException("not a JSON array of messages (" + e.getMessage() + ")");
            }
        } else if (trimmed.startsWith("{") && !trimmed.contains("\n")) {
            try {
                JsonNode whole = Json.object(trimmed);
                for (String key : new String[] {"messages", "turns", "utterances", "transcript"}) {
                    JsonNode v = whole.get(key);
                    if (v != null && v.isArray()) {
                        v.forEach(records::add);
                    }
                }
                if (records.isEmpty()) {
                    records.add(whole);
                }
            } catch (Json.Malformed e) {
                throw new TranscriptReader.UnreadableException("not JSON (" + e.getMessage() + ")");
            }
        } else {
            for (String line : text.split("\r\n|\r|\n")) {
                limits.checkTime();
                try {
                    records.add(line.isBlank() ? MissingNode.getInstance() : Json.object(line));
                } catch (Json.Malformed e) {
                    records.add(null);
                }
            }
        }
        Map<String, List<SpeakerRoles.Raw>> sessions = new LinkedHashMap<>();
        int malformed = 0;
        int withoutSpeech = 0;
        int firstBad = -1;
        int lineNo = 0;
        int turns = 0;
        for (JsonNode o : records) {
            limits.checkTime();
            lineNo++;
            if (o != null && o.isMissingNode()) {
                continue;
            }
            if (o == null || !o.isObject()) {
                malformed++;
                if (firstBad < 0) {
                    firstBad = lineNo;
                }
                continue;
            }
            String speaker = first(o, SPEAKER_KEYS);
            String speech = first(o, TEXT_KEYS);
            if (speaker == null || speech == null) {
                withoutSpeech++;
                continue;
            }
            String session = first(o, SESSION_KEYS);
            String key = session == null ? name : name + "#" + session;
            List<SpeakerRoles.Raw> raws = sessions.computeIfAbsent(key, k -> new ArrayList<>());
            String turn = Json.text(o.get("turn"));
            int number = raws.size() + 1;
            if (turn != null) {
                try {
                    number = (int) Double.parseDouble(turn);
                } catch (NumberFormatException ignored) {
                    // a turn that is not a number keeps its position instead
                }
            }
            ReadLimits.checkTurnCount(turns++);
            ReadLimits.checkTurnLength(speech.length(), "message " + lineNo);
            raws.add(new SpeakerRoles.Raw(number, speaker, speech, Json.text(o.get("id"))));
        }
        if (sessions.isEmpty()) {
            throw new TranscriptReader.UnreadableException(malformed > 0 && withoutSpeech == 0
                    ? "no line is a JSON object (first bad line: " + firstBad + ")"
                    : "no message has both a speaker (speaker/role/author) and text (text/content/message)");
        }
        if (malformed > 0) {
            notes.add(new TranscriptReader.Problem(name, malformed + " line" + (malformed == 1 ? " is" : "s are")
                    + " not JSON and " + (malformed == 1 ? "was" : "were") + " skipped (first: line " + firstBad + ")"));
        }
        if (withoutSpeech > 0) {
            notes.add(new TranscriptReader.Problem(name, withoutSpeech + " message" + (withoutSpeech == 1 ? "" : "s")
                    + " without a speaker or text skipped"));
        }
        List<Transcript> out = new ArrayList<>();
        for (Map.Entry<String, List<SpeakerRoles.Raw>> e : sessions.entrySet()) {
            List<String> sessionNotes = new ArrayList<>();
            out.add(new Transcript(e.getKey(), clinician, roles.assign(e.getValue(), sessionNotes), sessionNotes));
        }
        return out;
    }

    public static String first(JsonNode o, String[] keys) {
        for (String k : keys) {
            String v = Json.text(o.get(k));
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
