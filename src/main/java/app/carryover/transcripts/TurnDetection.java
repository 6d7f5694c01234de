package app.carryover.transcripts;

import java.util.List;

/**
 * What the detector found in one therapist turn. {@code category} and {@code specific} are set only
 * when the turn assigns homework; {@code evidence} holds the words that decided each positive
 * (a client's words, when they decided it, start with "client: "); {@code summary} is the task in
 * one line when the turn assigns. The probabilities are the model's, for ranking and thresholds.
 */
public record TurnDetection(boolean assignsHomework, boolean reviewsHomework, HomeworkCategory category, Boolean specific,
                            List<String> evidence, String summary, double assignProbability, double reviewProbability) {

    public TurnDetection {
        evidence = List.copyOf(evidence);
    }
}
