package app.carryover.transcripts.command;

import app.carryover.transcripts.DetectedTurn;
import app.carryover.transcripts.SessionDetection;
import app.carryover.transcripts.TurnDetection;
import app.carryover.transcripts.reading.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** The command's output lines: one JSON object per therapist turn, and one per session. */
final class OutputLines {

    private OutputLines() {
    }

    static String turnLines(SessionDetection d) {
        StringBuilder b = new StringBuilder();
        for (DetectedTurn t : d.turns()) {
            writeTurn(b, d.session(), String.valueOf(t.turn().number()), t.turn().id(), t.detection());
        }
        return b.toString();
    }

    static void writeTurn(StringBuilder b, String session, String turn, String id, TurnDetection d) {
        ObjectNode o = Json.newObject();
        o.put("session", session);
        if (!turn.isEmpty() && turn.chars().allMatch(Character::isDigit)) {
            o.putRawValue("turn", new RawValue(turn));
        } else {
            o.put("turn", turn);
        }
        if (id != null) {
            o.put("id", id);
        }
        o.put("assigns_homework", d.assignsHomework());
        o.put("reviews_homework", d.reviewsHomework());
        o.put("category", d.category() == null ? null : d.category().label());
        o.put("specific", d.specific());
        d.evidence().forEach(o.putArray("evidence")::add);
        if (d.summary() != null) {
            o.put("summary", d.summary());
        }
        b.append(Json.line(o));
    }

    static String sessionLine(SessionDetection d) {
        ObjectNode o = Json.newObject();
        o.put("session", d.session());
        o.put("homework_assigned", d.homeworkAssigned());
        o.put("homework_reviewed", d.homeworkReviewed());
        o.put("clinician", d.clinician());
        ArrayNode assignments = o.putArray("assignments");
        d.assignments().forEach(a -> assignments.add(a.line()));
        return Json.line(o);
    }
}
