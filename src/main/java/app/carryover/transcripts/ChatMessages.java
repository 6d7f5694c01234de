package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chat messages as JSON lines (or one JSON array): a speaker under {@code speaker}, {@code role},
 * {@code author}, {@code from}, {@code sender} or {@code name}; the words under {@code text},
 * {@code content}, {@code message} or {@code body}; optionally {@code session} (several sessions may
 * share a file), {@code turn} and {@code id}.
 */
final class ChatMessages {

    static final String[] SPEAKER_KEYS = {"speaker", "role", "author", "from", "sender", "name", "user", "participant", "who"};
    static final String[] TEXT_KEYS = {"text", "content", "message", "body", "utterance", "transcript"};
    static final String[] SESSION_KEYS = {"session", "session_id", "sessionId", "conversation", "conversation_id", "dialog_id"};

    private ChatMessages() {
    }

    static List<Transcript> read(String name, String clinician, String text, SpeakerRoles roles,
            List<TranscriptReader.Problem> notes, ReadLimits limits) throws TranscriptReader.UnreadableException {
        List<String> records = new ArrayList<>();
        String trimmed = text.trim();
        if (trimmed.startsWith("[")) {
            try {
                records.addAll(Json.array(trimmed));
            } catch (Json.Malformed e) {
                throw new TranscriptReader.UnreadableException("not a JSON array of messages (" + e.getMessage() + ")");
            }
        } else if (trimmed.startsWith("{") && !trimmed.contains("\n")) {
            try {
                Map<String, Object> whole = Json.object(trimmed);
                for (String key : new String[] {"messages", "turns", "utterances", "transcript"}) {
                    Object v = whole.get(key);
                    if (v instanceof String && ((String) v).startsWith("[")) {
                        records.addAll(Json.array((String) v));
                    }
                }
                if (records.isEmpty()) {
                    records.add(trimmed);
                }
            } catch (Json.Malformed e) {
                throw new TranscriptReader.UnreadableException("not JSON (" + e.getMessage() + ")");
            }
        } else {
            records.addAll(List.of(text.split("\r\n|\r|\n")));
        }
        Map<String, List<SpeakerRoles.Raw>> sessions = new LinkedHashMap<>();
        int malformed = 0;
        int withoutSpeech = 0;
        int firstBad = -1;
        int lineNo = 0;
        int turns = 0;
        for (String record : records) {
            limits.checkTime();
            lineNo++;
            if (record.isBlank()) {
                continue;
            }
            Map<String, Object> o;
            try {
                o = Json.object(record);
            } catch (Json.Malformed e) {
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

    static String first(Map<String, Object> o, String[] keys) {
        for (String k : keys) {
            Object v = o.get(k);
            if (v != null && !(v instanceof String && ((String) v).isBlank())) {
                return Json.text(v);
            }
        }
        return null;
    }
}
