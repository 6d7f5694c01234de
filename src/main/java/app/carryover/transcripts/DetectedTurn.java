package app.carryover.transcripts;

/** A therapist turn of a session with what was found in it. */
public record DetectedTurn(Turn turn, TurnDetection detection) {
}
