package app.carryover.transcripts;

import app.carryover.transcripts.detection.Detector;

/**
 * Finds homework assigned and earlier homework reviewed in therapist turns, as LABELING.md §1
 * defines them, with the words that decided each positive (the cues, the weights and the session
 * pass live in {@code detection}). Needs neither the server nor a database, and is safe to share
 * between threads.
 */
public final class HomeworkDetector {

    private final Detector detector;

    private HomeworkDetector(Detector detector) {
        this.detector = detector;
    }

    /** The detector with the shipped model. */
    public static HomeworkDetector standard() {
        return new HomeworkDetector(Detector.standard());
    }

    /** One therapist utterance, with the client's utterance before it as context (may be empty). */
    public TurnDetection detectUtterance(String context, String text) {
        return detector.detectUtterance(context, text);
    }

    /** Every therapist turn of a session, and the session's verdicts and assignments. */
    public SessionDetection detect(Transcript transcript) {
        return detector.detect(transcript);
    }
}
